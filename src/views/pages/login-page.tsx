import { useUi } from '../ui-context.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { H1, Link, P } from '../components/text.js';

export function LoginPage(props: { email: string }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('login.title')}</H1>
      <P lead>{t('login.lead')}</P>
      <ErrorSummary />
      <Form action="/login">
        <TextField name="email" label="login.email" type="email" value={props.email} autocomplete="username" required />
        <TextField name="password" label="login.password" type="password" autocomplete="current-password" required />
        <TextField name="totpCode" label="login.totp" description="login.totpHelp" inputmode="numeric" autocomplete="one-time-code" required maxlength={7} />
        <SubmitButton label="login.submit" />
      </Form>
      <P>
        <Link href={href('/recover')}>{t('login.forgot')}</Link>
      </P>
    </>
  );
}

export function RecoverPage(props: { email: string }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('recover.title')}</H1>
      <P lead>{t('recover.lead')}</P>
      <ErrorSummary />
      <Form action="/recover">
        <TextField name="email" label="login.email" type="email" value={props.email} autocomplete="username" required />
        <TextField name="recoveryKey" label="recover.key" description="recover.keyHelp" autocomplete="off" spellcheck={false} required />
        <TextField name="totpCode" label="login.totp" description="login.totpHelp" inputmode="numeric" autocomplete="one-time-code" required maxlength={7} />
        <TextField name="newPassword" label="account.password.new" description="enrol.password.help" type="password" autocomplete="new-password" required />
        <TextField name="newPasswordConfirm" label="account.password.confirm" type="password" autocomplete="new-password" required />
        <SubmitButton label="recover.submit" />
      </Form>
    </>
  );
}

import { raw } from 'hono/html';
import { useUi } from '../ui-context.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { H1, H2, P } from '../components/text.js';

export interface EnrolmentProps {
  token: string;
  displayName: string;
  email: string;
  totpEnrolment: string;
  totpSecretText: string;
  qrSvg: string;
}

/** Invitation: set a password and enrol the authenticator app, on one page. */
export function EnrolmentPage(props: EnrolmentProps) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('enrol.title')}</H1>
      <P lead>{t('enrol.lead', { name: props.displayName })}</P>
      <ErrorSummary />
      <Form action={`/invitation/${props.token}`}>
        <input type="hidden" name="totpEnrolment" value={props.totpEnrolment} />
        <input type="hidden" name="username" value={props.email} autocomplete="username" />
        <H2>{t('enrol.password.title')}</H2>
        <P>{t('enrol.password.help')}</P>
        <TextField name="password" label="enrol.password.label" type="password" autocomplete="new-password" required />
        <TextField name="passwordConfirm" label="enrol.password.confirm" type="password" autocomplete="new-password" required />
        <H2>{t('enrol.totp.title')}</H2>
        <P>{t('enrol.totp.help')}</P>
        <div class="app-qr" role="img" aria-label={t('enrol.totp.qrLabel')}>
          {raw(props.qrSvg)}
        </div>
        <P>
          {t('enrol.totp.manual')} <code class="utrecht-code app-secret">{props.totpSecretText}</code>
        </P>
        <TextField name="totpCode" label="enrol.totp.code" description="enrol.totp.codeHelp" inputmode="numeric" autocomplete="one-time-code" required maxlength={7} />
        <P>{t('enrol.next')}</P>
        <SubmitButton label="enrol.submit" />
      </Form>
    </>
  );
}

/** Shown once, straight after enrolment: the only moment the recovery key exists in readable form. */
export function RecoveryKeyPage(props: { recoveryKey: string }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('recoveryKey.title')}</H1>
      <P lead>{t('recoveryKey.lead')}</P>
      <p class="utrecht-paragraph app-recovery-key">
        <code class="utrecht-code" data-testid="recovery-key">{props.recoveryKey}</code>
      </p>
      <P>{t('recoveryKey.keep')}</P>
      <P>{t('recoveryKey.never')}</P>
      <P>
        <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={href('/login')}>
          {t('recoveryKey.continue')}
        </a>
      </P>
    </>
  );
}

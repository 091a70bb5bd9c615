import { useUi } from '../ui-context.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../components/form.js';
import { H1, H2, P } from '../components/text.js';

export function SetupPage(props: { token: string; values: Record<string, string> }) {
  const { t } = useUi();
  const v = props.values;
  return (
    <>
      <H1>{t('setup.title')}</H1>
      <P lead>{t('setup.lead')}</P>
      <ErrorSummary />
      <Form action={`/setup/${props.token}`}>
        <H2>{t('setup.organisation.title')}</H2>
        <TextField name="name" label="setup.organisation.name" value={v.name} autocomplete="organization" required />
        <ChoiceGroup
          name="defaultLanguage"
          legend="setup.organisation.language"
          choices={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          selected={[v.defaultLanguage || 'nl']}
        />
        <TextArea name="contactText" label="setup.organisation.contact" description="setup.organisation.contactHelp" value={v.contactText} maxlength={2000} />
        <H2>{t('setup.admin.title')}</H2>
        <P>{t('setup.admin.help')}</P>
        <TextField name="adminName" label="setup.admin.name" value={v.adminName} autocomplete="name" required />
        <TextField name="adminEmail" label="setup.admin.email" type="email" value={v.adminEmail} autocomplete="email" required />
        <P>{t('setup.next')}</P>
        <SubmitButton label="setup.submit" />
      </Form>
    </>
  );
}

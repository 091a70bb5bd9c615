import { useUi } from '../ui-context.js';
import { sectors } from '../../domain/surveys/questions.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../components/form.js';
import { Alert, H1, Link, P } from '../components/text.js';

export function SettingsPage(props: { values: { name: string; defaultLanguage: string; contactText: string; commissionText: string; panelText: string; retentionMonths: number | string; timeZone: string; headcount: number | string | null; sector: string | null; languages: readonly string[] }; saved?: boolean }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('settings.title')}</H1>
      <P>{t('settings.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('settings.saved')}</Alert> : null}
      <P>
        <Link href={href('/staff/settings/look')}>{t('settings.lookLink')}</Link>
      </P>
      <ErrorSummary />
      <Form action="/staff/settings">
        <TextField name="name" label="setup.organisation.name" value={props.values.name} required />
        <ChoiceGroup
          name="defaultLanguage"
          legend="setup.organisation.language"
          choices={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          selected={[props.values.defaultLanguage]}
        />
        <ChoiceGroup
          name="languages"
          legend="settings.languages"
          description="settings.languagesHelp"
          choices={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          selected={props.values.languages}
          multiple
        />
        <TextArea name="contactText" label="setup.organisation.contact" description="setup.organisation.contactHelp" value={props.values.contactText} maxlength={2000} />
        <TextArea name="commissionText" label="settings.commission" description="settings.commissionHelp" value={props.values.commissionText} maxlength={2000} />
        <TextArea name="panelText" label="settings.panel" description="settings.panelHelp" value={props.values.panelText} maxlength={2000} />
        <TextField name="retentionMonths" label="settings.retention" description="settings.retentionHelp" value={String(props.values.retentionMonths)} inputmode="numeric" required />
        <TextField name="timeZone" label="settings.timeZone" description="settings.timeZoneHelp" value={props.values.timeZone} required />
        <TextField name="headcount" label="settings.headcount" description="settings.headcountHelp" value={props.values.headcount === null ? '' : String(props.values.headcount)} inputmode="numeric" />
        <ChoiceGroup
          name="sector"
          legend="settings.sector"
          description="settings.sectorHelp"
          choices={[...sectors.map((code) => ({ value: code, label: t(`sector.${code}`) })), { value: '', label: t('settings.sectorNone') }]}
          selected={[props.values.sector ?? '']}
        />
        <SubmitButton label="settings.submit" />
      </Form>
    </>
  );
}

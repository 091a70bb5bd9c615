import { useUi } from '../ui-context.js';
import { ChoiceGroup, ErrorSummary, FileField, Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, P } from '../components/text.js';

export interface LookPageModel {
  values: { buttonColour: string; linkColour: string };
  /** The current logo's address, or null when there is none. */
  logoPath: string | null;
  organisationName: string;
  saved?: boolean;
}

export function LookPage(props: LookPageModel) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('look.title')}</H1>
      <P>{t('look.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('look.saved')}</Alert> : null}
      <ErrorSummary />
      <Form action="/staff/settings/look" multipart>
        <TextField name="buttonColour" label="look.buttonColour" description="look.buttonColourHelp" value={props.values.buttonColour} />
        <TextField name="linkColour" label="look.linkColour" description="look.linkColourHelp" value={props.values.linkColour} />
        <H2>{t('look.logo')}</H2>
        {props.logoPath ? (
          <>
            <P>{t('look.logoCurrent')}</P>
            <img class="app-logo-preview" src={href(props.logoPath)} alt={t('look.logoAlt', { name: props.organisationName })} />
            <ChoiceGroup name="removeLogo" legend="look.removeLogoLegend" choices={[{ value: 'yes', label: t('look.removeLogo') }]} selected={[]} multiple />
          </>
        ) : (
          <P>{t('look.logoNone')}</P>
        )}
        <FileField name="logo" label="look.logoFile" description="look.logoHelp" single accept=".png,.jpg,.jpeg" />
        <SubmitButton label="look.submit" />
      </Form>
    </>
  );
}

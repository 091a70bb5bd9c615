import { dossierPurposes } from '../../../domain/dossier/produce-dossier.js';
import { DOSSIER_HOURS } from '../../../domain/dossier/read-dossier.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea } from '../../components/form.js';
import { H1, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

/** One task: say why the case file is needed. What the file holds, who is told and what is recorded is said before. */
export function DossierRequestPage(props: { caseId: string; number: string; form?: { purpose?: string; reason?: string } }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('dossier.request.title', { number: props.number })}</H1>
      <ErrorSummary />
      <P lead>{t('dossier.request.lead')}</P>
      <List>
        <Item>{t('dossier.request.holds')}</Item>
        <Item>{t('dossier.noIdentity')}</Item>
        <Item>{t('dossier.request.told')}</Item>
        <Item>{t('dossier.request.hours', { hours: DOSSIER_HOURS })}</Item>
      </List>
      <Form action={`/staff/cases/${props.caseId}/dossier`}>
        <ChoiceGroup name="purpose" legend="dossier.purpose" choices={dossierPurposes.map((p) => ({ value: p, label: t(`dossier.purpose.${p}` as MessageKey) }))} selected={props.form?.purpose ? [props.form.purpose] : []} />
        <TextArea name="reason" label="dossier.reason" description="dossier.reasonHelp" value={props.form?.reason} rows={4} maxlength={2000} />
        <SubmitButton label="dossier.request.submit" />
      </Form>
      <P>
        <Link href={href(`/staff/cases/${props.caseId}`)}>{t('dossier.backToCase')}</Link>
      </P>
    </>
  );
}

import { registrationKinds, registrationOutcomes, registrationTopics, type RegistrationCount } from '../../domain/advisor/registrations.js';
import type { MessageKey } from '../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, P } from '../components/text.js';
import { useUi } from '../ui-context.js';

/** Anonymous registration for the yearly figures, and this year's counts. */
export function RegistrationsPage(props: { year: number; counts: RegistrationCount[]; month: string; saved?: boolean; values?: Record<string, string> }) {
  const { t } = useUi();
  const v = props.values ?? {};
  const choices = (group: string, codes: readonly string[]) => codes.map((c) => ({ value: c, label: t(`registration.${group}.${c}` as MessageKey) }));
  return (
    <>
      <H1>{t('registration.title')}</H1>
      <P lead>{t('registration.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      <Form action="/staff/registrations">
        <TextField name="month" label="registration.month" description="registration.monthHelp" value={v.month ?? props.month} maxlength={7} />
        <ChoiceGroup name="topic" legend="registration.topicLegend" choices={choices('topic', registrationTopics)} selected={v.topic ? [v.topic] : []} />
        <ChoiceGroup name="kind" legend="registration.kindLegend" choices={choices('kind', registrationKinds)} selected={v.kind ? [v.kind] : []} />
        <ChoiceGroup name="outcome" legend="registration.outcomeLegend" choices={choices('outcome', registrationOutcomes)} selected={v.outcome ? [v.outcome] : []} />
        <SubmitButton label="registration.submit" />
      </Form>
      <H2>{t('registration.countsTitle', { year: props.year })}</H2>
      {props.counts.length === 0 ? (
        <P>{t('registration.none')}</P>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('registration.countsCaption', { year: props.year })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('registration.topicLegend')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('registration.outcomeLegend')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('registration.count')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.counts.map((row) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{t(`registration.topic.${row.topic}` as MessageKey)}</td>
                <td class="utrecht-table__cell">{t(`registration.outcome.${row.outcome}` as MessageKey)}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

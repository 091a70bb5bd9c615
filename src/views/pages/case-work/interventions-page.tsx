import { interventionKinds, type InterventionView } from '../../../domain/cases/interventions.js';
import type { CaseView } from '../../../domain/reports/open-case.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { Alert, H1, H2, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

/** Interventions from the repertoire: who does what, and later the result. */
export function InterventionsPage(props: { view: CaseView; interventions: InterventionView[]; saved?: boolean; values?: Record<string, string> }) {
  const { t, lang } = useUi();
  const v = props.view;
  const awaiting = props.interventions.find((i) => !i.result);
  return (
    <>
      <H1>{t('interventions.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="interventions" />
      <P>{t('interventions.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      {props.interventions.length === 0 ? <P>{t('interventions.none')}</P> : null}
      <ol class="app-thread">
        {props.interventions.map((i) => (
          <li class="app-message app-message--note">
            <p class="utrecht-paragraph app-message-meta">
              <strong>{t(`intervention.kind.${i.kind}` as MessageKey)}</strong> · {i.recordedBy ?? ''} · {formatDateTime(i.recordedAt, lang, v.timeZone)}
            </p>
            <dl class="app-answers">
              <dt>{t('interventions.who')}</dt>
              <dd>{i.who}</dd>
              <dt>{t('interventions.what')}</dt>
              <dd class="app-answer-text">{i.what}</dd>
              <dt>{t('interventions.result')}</dt>
              <dd class="app-answer-text">{i.result ? `${i.result.text} (${i.result.by ?? ''}, ${formatDateTime(i.result.at, lang, v.timeZone)})` : t('interventions.noResult')}</dd>
            </dl>
          </li>
        ))}
      </ol>
      {awaiting ? (
        <section aria-labelledby="intervention-result">
          <H2 id="intervention-result">{t('interventions.resultTitle', { kind: t(`intervention.kind.${awaiting.kind}` as MessageKey) })}</H2>
          <Form action={`/staff/cases/${v.id}/interventions/${awaiting.id}/result`}>
            <TextArea name="result" label="interventions.result" value={props.values?.result} rows={4} />
            <SubmitButton label="interventions.resultSubmit" secondary />
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="intervention-new">
        <H2 id="intervention-new">{t('interventions.newTitle')}</H2>
        <Form action={`/staff/cases/${v.id}/interventions`}>
          <ChoiceGroup name="kind" legend="interventions.kind" choices={interventionKinds.map((k) => ({ value: k, label: t(`intervention.kind.${k}` as MessageKey) }))} selected={props.values?.kind ? [props.values.kind] : []} />
          <TextField name="who" label="interventions.who" description="interventions.whoHelp" value={props.values?.who} maxlength={500} />
          <TextArea name="what" label="interventions.what" value={props.values?.what} rows={4} />
          <SubmitButton label="interventions.submit" />
        </Form>
      </section>
    </>
  );
}

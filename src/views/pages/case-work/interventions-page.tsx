import { interventionKinds, type InterventionsPageModel } from '../../../domain/cases/interventions.js';
import type { CaseView } from '../../../domain/cases/open-case.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { Alert, H1, H2, Link, P } from '../../components/text.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

/**
 * Interventions from the repertoire: who does what and when, and later the result. One result form
 * at a time: the one chosen (?result=<id>), else the oldest without a result.
 */
export function InterventionsPage(props: { view: CaseView; model: InterventionsPageModel; saved?: boolean; values?: Record<string, string>; resultFor?: string | undefined }) {
  const { t, lang, href } = useUi();
  const v = props.view;
  const { interventions, may } = props.model;
  const chosen = !may.recordResult ? undefined : (interventions.find((i) => i.id === (props.values?.intervention ?? props.resultFor)) ?? interventions.find((i) => !i.result));
  const kindName = (kind: string) => t(`intervention.kind.${kind}` as MessageKey);
  return (
    <>
      <H1>{t('interventions.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="interventions" />
      <P>{t('interventions.lead')}</P>
      {!may.record ? <P>{t(may.recordResult ? 'interventions.onlyResults' : 'interventions.closed')}</P> : null}
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      {interventions.length === 0 ? <P>{t('interventions.none')}</P> : null}
      <ol class="app-thread">
        {interventions.map((i) => (
          <li class="app-message app-message--note" data-testid="intervention">
            <p class="utrecht-paragraph app-message-meta">
              <strong>{kindName(i.kind)}</strong> · {i.recordedBy ?? ''} · {formatDateTime(i.recordedAt, lang, v.timeZone)}
            </p>
            <dl class="app-answers">
              <dt>{t('interventions.who')}</dt>
              <dd>{i.who}</dd>
              <dt>{t('interventions.what')}</dt>
              <dd class="app-answer-text">{i.what}</dd>
              {i.plannedOn ? (
                <>
                  <dt>{t('interventions.planned')}</dt>
                  <dd>{formatDate(i.plannedOn, lang)}</dd>
                </>
              ) : null}
              <dt>{t(i.kind === 'referral_external' ? 'interventions.handedOver' : 'interventions.result')}</dt>
              <dd class="app-answer-text" data-testid="intervention-result">
                {i.result ? `${i.result.text} (${i.result.by ?? ''}, ${formatDateTime(i.result.at, lang, v.timeZone)})` : t('interventions.noResult')}
              </dd>
              {i.result?.doneOn ? (
                <>
                  <dt>{t('interventions.doneOn')}</dt>
                  <dd>{formatDate(i.result.doneOn, lang)}</dd>
                </>
              ) : null}
              {i.earlier.length > 0 ? (
                <>
                  <dt>{t('interventions.earlier')}</dt>
                  {i.earlier.map((e) => (
                    <dd class="app-answer-text">{`${e.text} (${e.by ?? ''}, ${formatDateTime(e.at, lang, v.timeZone)})`}</dd>
                  ))}
                </>
              ) : null}
            </dl>
            {may.recordResult && i.id !== chosen?.id ? (
              <P>
                <Link href={href(`/staff/cases/${v.id}/interventions?result=${i.id}#intervention-result`)}>
                  {t(i.result ? 'interventions.correctResult' : 'interventions.recordResult')}
                  <span class="utrecht-visually-hidden">{`: ${kindName(i.kind)}`}</span>
                </Link>
              </P>
            ) : null}
          </li>
        ))}
      </ol>
      {chosen ? (
        <section aria-labelledby="intervention-result">
          <H2 id="intervention-result">{t(chosen.result ? 'interventions.correctTitle' : 'interventions.resultTitle', { kind: kindName(chosen.kind) })}</H2>
          {chosen.result ? <P>{t('interventions.correctHelp')}</P> : null}
          <Form action={`/staff/cases/${v.id}/interventions/${chosen.id}/result`}>
            {/* Shown again after an error, the form is for the same intervention. */}
            <input type="hidden" name="intervention" value={chosen.id} />
            <TextArea name="result" label={chosen.kind === 'referral_external' ? 'interventions.handedOver' : 'interventions.result'} value={props.values?.result ?? chosen.result?.text} rows={4} />
            <TextField name="doneOn" type="date" label="interventions.doneOn" description="interventions.doneOnHelp" value={props.values?.doneOn ?? chosen.result?.doneOn ?? undefined} />
            <SubmitButton label="interventions.resultSubmit" secondary />
          </Form>
        </section>
      ) : null}
      {may.record ? (
        <section aria-labelledby="intervention-new">
          <H2 id="intervention-new">{t('interventions.newTitle')}</H2>
          <Form action={`/staff/cases/${v.id}/interventions`}>
            <ChoiceGroup name="kind" legend="interventions.kind" choices={interventionKinds.map((k) => ({ value: k, label: kindName(k) }))} selected={props.values?.kind ? [props.values.kind] : []} />
            <TextField name="who" label="interventions.who" description="interventions.whoHelp" value={props.values?.who} maxlength={500} />
            <TextArea name="what" label="interventions.what" value={props.values?.what} rows={4} />
            <TextField name="plannedOn" type="date" label="interventions.plannedOn" description="cases.filter.dateHelp" value={props.values?.plannedOn} />
            <SubmitButton label="interventions.submit" />
          </Form>
        </section>
      ) : null}
    </>
  );
}

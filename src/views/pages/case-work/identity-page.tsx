import type { IdentityPageModel, IdentityRequestView } from '../../../domain/identity/list-identity-requests.js';
import type { CaseView } from '../../../domain/cases/open-case.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea } from '../../components/form.js';
import { Alert, H1, H2, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

/**
 * Asking who a confidential reporter is. A handler asks with a reason; the identity custodian
 * grants or refuses with a reason for the reporter; a grant asks the reporter first, who may
 * consent or object within the waiting period. Each request's state is said in plain words.
 */
export function IdentityPage(props: { view: CaseView; model: IdentityPageModel; saved?: boolean; values?: Record<string, string> }) {
  const { t, lang } = useUi();
  const v = props.view;
  const m = props.model;
  return (
    <>
      <H1>{t('identity.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="identity" />
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      {v.anonymity === 'anonymous' ? (
        <P>{t('identity.anonymous')}</P>
      ) : v.anonymity === 'open' ? (
        <P>{t('identity.open')}</P>
      ) : (
        <P>{t('identity.lead', { days: m.waitDays })}</P>
      )}
      {v.identity ? (
        <Alert kind="warning">
          <P>{t('identity.known')}</P>
          <P>
            <strong>{v.identity.name}</strong> · {v.identity.contact}
          </P>
        </Alert>
      ) : null}
      {m.requests.length > 0 ? (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('identity.requests')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('identity.requestedBy')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('identity.reason')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('identity.decisionReason')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('identity.status')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {m.requests.map((r) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{`${r.requestedBy}, ${formatDateTime(r.requestedAt, lang, v.timeZone)}`}</td>
                <td class="utrecht-table__cell app-answer-text">{r.reason}</td>
                <td class="utrecht-table__cell app-answer-text">{r.decisionReason ? `${r.decisionReason} (${r.decidedBy ?? ''})` : ''}</td>
                <td class="utrecht-table__cell">
                  <RequestState request={r} timeZone={v.timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {m.decide ? (
        <section aria-labelledby="identity-decide">
          <H2 id="identity-decide">{t('identity.decide.title', { name: m.decide.requesterName })}</H2>
          <P>{t('identity.decide.help', { days: m.waitDays })}</P>
          <P>{t('identity.decide.legalDutyHelp')}</P>
          <Form action={`/staff/cases/${v.id}/identity/${m.decide.requestId}/decide`}>
            <ChoiceGroup
              name="decision"
              legend="identity.decide.legend"
              choices={[
                { value: 'grant', label: t('identity.decide.grant') },
                { value: 'refuse', label: t('identity.decide.refuse') },
              ]}
              selected={props.values?.decision ? [props.values.decision] : []}
            />
            <TextArea name="decisionReason" label="identity.decide.reason" description="identity.decide.reasonHelp" value={props.values?.decisionReason} rows={4} />
            <ChoiceGroup
              name="legalDuty"
              legend="identity.decide.legalDuty.legend"
              choices={[{ value: 'yes', label: t('identity.decide.legalDuty.label') }]}
              selected={props.values?.legalDuty === 'yes' ? ['yes'] : []}
              multiple
            />
            <SubmitButton label="identity.decide.submit" />
          </Form>
        </section>
      ) : null}
      {m.mayAsk ? (
        <section aria-labelledby="identity-ask">
          <H2 id="identity-ask">{t('identity.ask.title')}</H2>
          <P>{t('identity.ask.help', { days: m.waitDays })}</P>
          <Form action={`/staff/cases/${v.id}/identity`}>
            <TextArea name="requestReason" label="identity.ask.reason" value={props.values?.requestReason} rows={4} />
            <SubmitButton label="identity.ask.submit" />
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** Where one request stands, with its date, and the reporter's own words when they gave any. */
function RequestState(props: { request: IdentityRequestView; timeZone: string }) {
  const { t, lang } = useUi();
  const r = props.request;
  const date = r.stateAt ? formatDateTime(r.stateAt, lang, props.timeZone) : '';
  const words = {
    pending: t('identity.state.pending'),
    refused: t('identity.state.refused'),
    awaiting_reporter: t('identity.state.awaiting_reporter', { date }),
    consented: t('identity.state.consented', { date }),
    objected: t('identity.state.objected', { date }),
    withdrawn: t('identity.state.withdrawn'),
    released_legal_duty: t('identity.state.released_legal_duty', { date }),
    released_after_waiting: t('identity.state.released_after_waiting', { date }),
    released: t('identity.state.released'),
  }[r.state];
  return (
    <>
      <span data-state={r.state}>{words}</span>
      {r.reporterComment ? (
        <span class="app-answer-text">
          <br />
          {t('identity.state.reporterWords')} {r.reporterComment}
        </span>
      ) : null}
    </>
  );
}

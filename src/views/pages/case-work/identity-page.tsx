import type { IdentityRequestView } from '../../../domain/cases/identity-requests.js';
import type { CaseView } from '../../../domain/reports/open-case.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea } from '../../components/form.js';
import { Alert, H1, H2, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

/**
 * Asking who a confidential reporter is. A handler asks with a reason; the identity custodian
 * grants or refuses with a reason that the reporter reads before their name is shared.
 */
export function IdentityPage(props: { view: CaseView; requests: IdentityRequestView[]; custodian: boolean; selfId: string; saved?: boolean; values?: Record<string, string> }) {
  const { t, lang } = useUi();
  const v = props.view;
  const pending = props.requests.find((r) => r.status === 'pending');
  const ownPending = props.requests.some((r) => r.status === 'pending' && r.requestedByUserId === props.selfId);
  const mayAsk = v.anonymity !== 'anonymous' && !v.identity && !ownPending && v.status !== 'closed';
  return (
    <>
      <H1>{t('identity.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="identity" />
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      {v.anonymity === 'anonymous' ? <P>{t('identity.anonymous')}</P> : <P>{t('identity.lead')}</P>}
      {v.identity ? (
        <Alert kind="warning">
          <P>{t('identity.known')}</P>
          <P>
            <strong>{v.identity.name}</strong> · {v.identity.contact}
          </P>
        </Alert>
      ) : null}
      {props.requests.length > 0 ? (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('identity.requests')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('identity.requestedBy')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('identity.reason')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('identity.status')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('identity.decisionReason')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.requests.map((r) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{`${r.requestedBy}, ${formatDateTime(r.requestedAt, lang, v.timeZone)}`}</td>
                <td class="utrecht-table__cell app-answer-text">{r.reason}</td>
                <td class="utrecht-table__cell">{t(`identity.status.${r.status}` as MessageKey)}</td>
                <td class="utrecht-table__cell app-answer-text">{r.decisionReason ? `${r.decisionReason} (${r.decidedBy ?? ''})` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {props.custodian && pending ? (
        <section aria-labelledby="identity-decide">
          <H2 id="identity-decide">{t('identity.decide.title', { name: pending.requestedBy })}</H2>
          <P>{t('identity.decide.help')}</P>
          <Form action={`/staff/cases/${v.id}/identity/${pending.id}/decide`}>
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
            <SubmitButton label="identity.decide.submit" />
          </Form>
        </section>
      ) : null}
      {mayAsk && !props.custodian ? (
        <section aria-labelledby="identity-ask">
          <H2 id="identity-ask">{t('identity.ask.title')}</H2>
          <P>{t('identity.ask.help')}</P>
          <Form action={`/staff/cases/${v.id}/identity`}>
            <TextArea name="requestReason" label="identity.ask.reason" value={props.values?.requestReason} rows={4} />
            <SubmitButton label="identity.ask.submit" />
          </Form>
        </section>
      ) : null}
    </>
  );
}

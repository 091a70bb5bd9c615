import { decisionOutcomes, type DecisionView } from '../../../domain/cases/joint-decision.js';
import type { DecisionPageModel, QuorumStatus } from '../../../domain/cases/decision-page-model.js';
import type { CaseView } from '../../../domain/cases/open-case.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { Alert, H1, H2, Item, List, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

/** The joint decision: a draft, each member's agreement or dissent with their nominating side, the chair's closing; recommendations apart. */
export function DecisionPage(props: { view: CaseView; model: DecisionPageModel; saved?: boolean; values?: Record<string, string> }) {
  const { t, lang } = useUi();
  const v = props.view;
  const { overview, may, quorum } = props.model;
  const open = overview.decisions.find((d) => d.status === 'open');
  const earlier = overview.decisions.filter((d) => d.status !== 'open');
  return (
    <>
      <H1>{t('decision.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="decision" />
      <P>{t('decision.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      {open ? <Decision decision={open} timeZone={v.timeZone} /> : <P>{t('decision.none')}</P>}
      {open && may.canVote ? (
        <section aria-labelledby="decision-vote">
          <H2 id="decision-vote">{t('decision.vote.title')}</H2>
          <Form action={`/staff/cases/${v.id}/decision/${open.id}/vote`}>
            <ChoiceGroup
              name="position"
              legend="decision.vote.legend"
              choices={[
                { value: 'agree', label: t('decision.position.agree') },
                { value: 'dissent', label: t('decision.position.dissent') },
              ]}
              selected={props.values?.position ? [props.values.position] : []}
            />
            <TextArea name="voteReason" label="decision.vote.reason" description="decision.vote.reasonHelp" value={props.values?.voteReason} rows={4} />
            <SubmitButton label="decision.vote.submit" />
          </Form>
        </section>
      ) : null}
      {open && may.showClose ? (
        <section aria-labelledby="decision-close">
          <H2 id="decision-close">{t('decision.close.title')}</H2>
          <P>{t('decision.close.help', { agree: open.votes.filter((x) => x.position === 'agree').length, dissent: open.votes.filter((x) => x.position === 'dissent').length, missing: open.notVoted.length })}</P>
          {quorum ? <QuorumMissing quorum={quorum} /> : null}
          {may.canClose ? (
            <Form action={`/staff/cases/${v.id}/decision/${open.id}/close`}>
              <SubmitButton label="decision.close.submit" />
            </Form>
          ) : null}
        </section>
      ) : null}
      {may.canDraft ? (
        <section aria-labelledby="decision-draft">
          <H2 id="decision-draft">{t(open ? 'decision.draft.reviseTitle' : 'decision.draft.title')}</H2>
          <P>{t('decision.draft.help')}</P>
          <Form action={`/staff/cases/${v.id}/decision`}>
            <ChoiceGroup name="outcome" legend="decision.outcome" choices={decisionOutcomes.map((o) => ({ value: o, label: t(`decision.outcome.${o}` as MessageKey) }))} selected={props.values?.outcome ? [props.values.outcome] : []} />
            <TextArea name="conclusion" label="decision.conclusion" value={props.values?.conclusion} rows={8} />
            <SubmitButton label="decision.draft.submit" secondary={!!open} />
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="recommendations">
        <H2 id="recommendations">{t('recommendations.title')}</H2>
        <P>{t('recommendations.help')}</P>
        {overview.recommendations.length === 0 ? <P>{t('recommendations.none')}</P> : null}
        <List>
          {overview.recommendations.map((r) => (
            <Item>
              <strong>{r.addressee}</strong>: {r.text} ({r.by ?? ''}, {formatDateTime(r.at, lang, v.timeZone)}; {t(`recommendations.status.${r.status}` as MessageKey)})
              <Form action={`/staff/cases/${v.id}/recommendations/${r.id}/follow-up`} inline>
                <label class="utrecht-form-label" for={`follow-up-${r.id}`}>{t('recommendations.followUp')}</label>{' '}
                <select class="utrecht-select utrecht-select--html-select" id={`follow-up-${r.id}`} name="status">
                  {(['open', 'followed', 'not_followed'] as const).map((status) => (
                    <option value={status} selected={status === r.status}>{t(`recommendations.status.${status}` as MessageKey)}</option>
                  ))}
                </select>{' '}
                <SubmitButton label="recommendations.followUpSubmit" secondary />
              </Form>
            </Item>
          ))}
        </List>
        <Form action={`/staff/cases/${v.id}/recommendations`}>
          <TextField name="addressee" label="recommendations.addressee" value={props.values?.addressee} maxlength={500} />
          <TextArea name="recommendationText" label="recommendations.text" value={props.values?.recommendationText} rows={4} />
          <SubmitButton label="recommendations.submit" secondary />
        </Form>
      </section>
      {earlier.length > 0 ? (
        <section aria-labelledby="decision-history">
          <H2 id="decision-history">{t('decision.history')}</H2>
          {earlier.map((d) => (
            <Decision decision={d} timeZone={v.timeZone} />
          ))}
        </section>
      ) : null}
    </>
  );
}

/** The commission's quorum and, until it is met, what is still missing before the chair can close. */
function QuorumMissing(props: { quorum: QuorumStatus }) {
  const { t } = useUi();
  const q = props.quorum;
  return (
    <div data-testid="quorum">
      <P>{t(q.rule === 'all' ? 'decision.quorum.rule.all' : 'decision.quorum.rule.majority', { members: q.members, needed: q.needed })}</P>
      {q.met ? (
        <P>{t('decision.quorum.met')}</P>
      ) : (
        <>
          <P>{t('decision.quorum.missing')}</P>
          <List>
            {q.rule === 'all' && q.notVoted.length > 0 ? <Item>{t('decision.quorum.notVoted', { names: q.notVoted.join(', ') })}</Item> : null}
            {q.rule === 'majority' && q.moreVotes > 0 ? <Item>{t('decision.quorum.moreVotes', { count: q.moreVotes, voted: q.voted, needed: q.needed })}</Item> : null}
            {q.sidesWithoutVote.map((side) => (
              <Item>{t('decision.quorum.side', { side: t(`nominated.${side}` as MessageKey) })}</Item>
            ))}
            {q.members === 0 ? <Item>{t('decision.quorum.nobody')}</Item> : null}
          </List>
          <P>{t('decision.quorum.next')}</P>
        </>
      )}
    </div>
  );
}

function Decision(props: { decision: DecisionView; timeZone: string }) {
  const { t, lang } = useUi();
  const d = props.decision;
  const side = (s: string | null) => t(`nominated.${s ?? 'unknown'}` as MessageKey);
  return (
    <article class="app-decision" aria-label={t(`decision.status.${d.status}` as MessageKey)}>
      <dl class="app-answers">
        <dt>{t('decision.statusLabel')}</dt>
        <dd>{t(`decision.status.${d.status}` as MessageKey)}</dd>
        <dt>{t('decision.outcome')}</dt>
        <dd>{t(`decision.outcome.${d.outcome}` as MessageKey)}</dd>
        <dt>{t('decision.draftedBy')}</dt>
        <dd>{`${d.draftedBy ?? ''}, ${formatDateTime(d.draftedAt, lang, props.timeZone)}`}</dd>
        <dt>{t('decision.conclusion')}</dt>
        <dd class="app-answer-text">{d.conclusion}</dd>
      </dl>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('decision.votes.caption')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('decision.votes.member')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('decision.votes.side')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('decision.votes.position')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('decision.votes.reason')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {d.votes.map((vote) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{vote.name}</td>
              <td class="utrecht-table__cell">{side(vote.nominatedBy)}</td>
              <td class="utrecht-table__cell">{t(`decision.position.${vote.position}`)}</td>
              <td class="utrecht-table__cell app-answer-text">{vote.reason}</td>
            </tr>
          ))}
          {d.notVoted.map((member) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell">{member.name}</td>
              <td class="utrecht-table__cell">{side(member.nominatedBy)}</td>
              <td class="utrecht-table__cell">{t('decision.position.none')}</td>
              <td class="utrecht-table__cell"></td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

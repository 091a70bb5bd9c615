import type { FacilitationOverview } from '../../../domain/learning/list-facilitation.js';
import type { DilemmaListItem } from '../../../domain/learning/list-dilemmas.js';
import type { DeliberationView } from '../../../domain/learning/view-deliberation.js';
import type { FacilitatorView } from '../../../domain/learning/view-team-session.js';
import type { MessageKey } from '../../../i18n/index.js';
import { formatDateTime } from '../../format.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { H1, H2, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { DistributionView } from './distribution-view.js';

/** The facilitator's own sessions and deliberations, and where to start new ones. */
export function LearningHomePage(props: { overview: FacilitationOverview; timeZone: string }) {
  const { t, lang, href } = useUi();
  const o = props.overview;
  return (
    <>
      <H1>{t('learning.home.title')}</H1>
      <P lead>{t('learning.home.lead')}</P>
      <H2>{t('learning.home.sessions')}</H2>
      <P><Link href={href('/staff/learning/sessions/new')}>{t('learning.session.new')}</Link></P>
      {o.sessions.length === 0 ? <P>{t('learning.home.noSessions')}</P> : (
        <List>
          {o.sessions.map((session) => (
            <Item>
              <Link href={href(`/staff/learning/sessions/${session.id}`)}>{session.title}</Link> — {t(`learning.session.state.${session.state}` as MessageKey)}
              {session.state === 'ended' ? ` (${t(session.kept ? 'learning.session.kept' : 'learning.session.notKept')})` : ''}, {formatDateTime(session.createdAt, lang, props.timeZone)}
            </Item>
          ))}
        </List>
      )}
      <H2>{t('learning.home.deliberations')}</H2>
      <P>{t('learning.deliberation.lead')}</P>
      <ErrorSummary />
      <Form action="/staff/learning/deliberations">
        <TextField name="title" label="learning.deliberation.titleField" description="learning.deliberation.titleHelp" maxlength={120} />
        <SubmitButton label="learning.deliberation.start" />
      </Form>
      {o.deliberations.length === 0 ? <P>{t('learning.home.noDeliberations')}</P> : (
        <List>
          {o.deliberations.map((d) => (
            <Item>
              <Link href={href(`/staff/learning/deliberations/${d.id}`)}>{d.title}</Link> — {t(d.saved ? 'learning.deliberation.saved' : 'learning.deliberation.open')}
              {d.proposed ? `, ${t('learning.deliberation.proposed')}` : ''}, {formatDateTime(d.updatedAt, lang, props.timeZone)}
            </Item>
          ))}
        </List>
      )}
      <H2>{t('learning.home.forEveryone')}</H2>
      <List>
        <Item><Link href={href('/dilemmas')}>{t('learning.library.title')}</Link></Item>
        <Item><Link href={href('/good-conversation/manager')}>{t('learning.guide.manager.link')}</Link></Item>
        <Item><Link href={href('/good-conversation/employee')}>{t('learning.guide.employee.link')}</Link></Item>
      </List>
    </>
  );
}

/** Choosing the dilemmas for a team session. */
export function NewSessionPage(props: { dilemmas: DilemmaListItem[]; values: { title: string; dilemmaIds: string[] } }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('learning.session.new')}</H1>
      <P lead>{t('learning.session.newLead')}</P>
      <ErrorSummary />
      <Form action="/staff/learning/sessions">
        <TextField name="title" label="learning.session.titleField" description="learning.session.titleHelp" value={props.values.title} maxlength={120} />
        <ChoiceGroup name="dilemmaIds" legend="learning.session.dilemmas" description="learning.session.dilemmasHelp" multiple choices={props.dilemmas.map((d) => ({ value: d.id, label: d.title }))} selected={props.values.dilemmaIds} />
        <SubmitButton label="learning.session.start" />
      </Form>
    </>
  );
}

const step = (id: string, name: string, round: number, label: MessageKey, secondary = false) => (
  <Form action={`/staff/learning/sessions/${id}/advance`} inline>
    <input type="hidden" name="round" value={String(round)} />
    <input type="hidden" name="step" value={name} />
    <SubmitButton label={label} secondary={secondary} />
  </Form>
);

/** The facilitator's screen, to project: the code, who joined, the round, the outcome and the prompts. */
export function FacilitatorSessionPage(props: { view: FacilitatorView }) {
  const { t, href } = useUi();
  const v = props.view;
  const current = v.rounds[v.round - 1];
  return (
    <>
      <H1>{v.title}</H1>
      {v.code ? (
        <section aria-labelledby="join-heading">
          <H2 id="join-heading">{t('learning.session.joinHeading')}</H2>
          <P>{t('learning.session.joinAt', { address: href('/join') })}</P>
          <p class="utrecht-paragraph app-join-code" data-testid="join-code">{v.code}</p>
          <Form action={`/staff/learning/sessions/${v.id}/code`} inline>
            <P>{t('learning.session.newCodeLead')}</P>
            <SubmitButton label="learning.session.newCode" secondary />
          </Form>
        </section>
      ) : null}
      <p class="utrecht-paragraph" data-testid="session-status">
        {t(`learning.session.state.${v.state}` as MessageKey)} · {t('learning.session.participants', { n: v.participants })} · {t('learning.team.progress', { title: v.title, round: v.round, rounds: v.rounds.length })}
      </p>
      <ErrorSummary />
      {current && v.state !== 'ended' ? (
        <section aria-labelledby="round-heading">
          <H2 id="round-heading">{current.dilemma.title}</H2>
          <P>{current.dilemma.situation}</P>
          <P><strong>{current.dilemma.question}</strong></P>
          <ol class="utrecht-ordered-list" type="A">
            {current.dilemma.options.map((option) => <li class="utrecht-ordered-list__item">{option}</li>)}
          </ol>
          {v.state === 'voting' ? <P>{t('learning.session.votesIn', { n: current.votes })} <Link href={href(`/staff/learning/sessions/${v.id}`)}>{t('learning.team.refresh')}</Link></P> : null}
          {current.distribution ? <DistributionView distribution={current.distribution} options={current.dilemma.options} caption={t('learning.team.outcomeCaption')} /> : null}
          {v.state === 'discussing' ? (
            <>
              <h3 class="utrecht-heading-3">{t('learning.reflection.talk')}</h3>
              <List>{current.dilemma.prompts.map((prompt) => <Item>{prompt}</Item>)}</List>
              <h3 class="utrecht-heading-3">{t('learning.reflection.panel')}</h3>
              <P>{current.dilemma.reflection}</P>
            </>
          ) : null}
        </section>
      ) : null}
      <div class="app-button-row">
        {v.can.open ? step(v.id, 'open', v.round, 'learning.session.open') : null}
        {v.can.close ? step(v.id, 'close', v.round, 'learning.session.close') : null}
        {v.can.next ? step(v.id, 'next', v.round, 'learning.session.next') : null}
        {v.can.end ? step(v.id, 'end', v.round, 'learning.session.end', true) : null}
      </div>
      {v.can.conclude ? (
        <section aria-labelledby="conclusions-heading">
          <H2 id="conclusions-heading">{t('learning.session.conclusions')}</H2>
          <P>{t('learning.session.conclusionsLead')}</P>
          {v.rounds.filter((r) => r.distribution !== null || r.conclusion).map((r) => (
            <Form action={`/staff/learning/sessions/${v.id}/conclusion`}>
              <input type="hidden" name="round" value={String(r.round)} />
              <TextArea name={`conclusion-${r.round}`} label={{ text: t('learning.session.conclusionFor', { title: r.dilemma.title }) }} value={r.conclusion} maxlength={4000} rows={3} />
              <SubmitButton label="learning.session.saveConclusion" secondary />
            </Form>
          ))}
        </section>
      ) : null}
      {v.state === 'ended' ? (
        <section aria-labelledby="outcome-heading">
          <H2 id="outcome-heading">{t('learning.session.outcome')}</H2>
          {v.rounds.map((r) => (
            <>
              <h3 class="utrecht-heading-3">{r.dilemma.title}</h3>
              {r.distribution ? <DistributionView distribution={r.distribution} options={r.dilemma.options} caption={t('learning.team.outcomeCaption')} /> : <P>{t('learning.session.notPlayed')}</P>}
              {r.conclusion ? <p class="utrecht-paragraph app-answer-text">{t('learning.session.conclusion')}: {r.conclusion}</p> : null}
            </>
          ))}
          {v.can.keep ? (
            <>
              <P>{t('learning.session.keepLead')}</P>
              <div class="app-button-row">
                <Form action={`/staff/learning/sessions/${v.id}/keep`} inline>
                  <input type="hidden" name="keep" value="keep" />
                  <SubmitButton label="learning.session.keep" />
                </Form>
                <Form action={`/staff/learning/sessions/${v.id}/keep`} inline>
                  <input type="hidden" name="keep" value="discard" />
                  <SubmitButton label="learning.session.discard" secondary />
                </Form>
              </div>
            </>
          ) : <P>{t('learning.session.keptLead')}</P>}
        </section>
      ) : null}
      <P><Link href={href('/staff/learning')}>{t('learning.home.back')}</Link></P>
    </>
  );
}

/** One step of the dilemma method: what to do, what to ask, and the notes of this step. */
export function DeliberationStepPage(props: { view: DeliberationView }) {
  const { t, href } = useUi();
  const v = props.view;
  const current = v.steps[v.step - 1]!;
  return (
    <>
      <p class="utrecht-paragraph app-progress">{t('learning.deliberation.progress', { method: v.method, step: v.step, total: v.steps.length })}</p>
      <H1>{v.title}: {current.title}</H1>
      <P lead>{current.guidance}</P>
      <H2>{t('learning.deliberation.ask')}</H2>
      <List>{current.prompts.map((prompt) => <Item>{prompt}</Item>)}</List>
      <ErrorSummary />
      <Form action={`/staff/learning/deliberations/${v.id}`}>
        <input type="hidden" name="step" value={String(v.step)} />
        <TextArea name="notes" label={{ text: t('learning.deliberation.notes', { step: current.title }) }} description="learning.deliberation.notesHelp" value={current.notes} maxlength={8000} rows={10} />
        <div class="app-button-row">
          {v.step > 1 ? <SubmitButton label="learning.deliberation.back" secondary name="go" value="back" /> : null}
          <SubmitButton label="learning.deliberation.save" secondary name="go" value="save" />
          {v.step < v.steps.length ? <SubmitButton label="learning.deliberation.next" name="go" value="next" /> : <SubmitButton label="learning.deliberation.finish" name="go" value="finish" />}
        </div>
        {/* Going to another step saves this one's notes first, like Back and Next. */}
        <nav aria-label={t('learning.deliberation.steps')}>
          <ol class="utrecht-ordered-list">
            {v.steps.map((st, i) => (
              <li class="utrecht-ordered-list__item">
                {i + 1 === v.step ? (
                  <span aria-current="step">{st.title}</span>
                ) : (
                  <button type="submit" name="go" value={`step-${i + 1}`} class="utrecht-link-button utrecht-link-button--html-button">{st.title}</button>
                )}
              </li>
            ))}
          </ol>
        </nav>
      </Form>
      <P><Link href={href(`/staff/learning/deliberations/${v.id}/result`)}>{t('learning.deliberation.result')}</Link></P>
    </>
  );
}

/** The result for the team, printable; and, with everyone's consent, a precedent for the ethics panel. */
export function DeliberationResultPage(props: { view: DeliberationView; values: { situation: string; question: string; consent: boolean } }) {
  const { t, href } = useUi();
  const v = props.view;
  return (
    <>
      <H1>{t('learning.deliberation.resultTitle', { title: v.title })}</H1>
      <P>{v.method}</P>
      {v.steps.map((st) => (
        <section>
          <H2>{st.title}</H2>
          <p class="utrecht-paragraph app-answer-text">{st.notes || t('learning.deliberation.noNotes')}</p>
        </section>
      ))}
      <div class="app-no-print">
        <P><Link href={href(`/staff/learning/deliberations/${v.id}`)}>{t('learning.deliberation.backToSteps')}</Link></P>
        <H2>{t('learning.precedent.title')}</H2>
        {v.proposed ? <P>{t('learning.precedent.done')}</P> : !v.saved ? <P>{t('learning.precedent.finishFirst')}</P> : (
          <>
            <P>{t('learning.precedent.lead')}</P>
            <ErrorSummary />
            <Form action={`/staff/learning/deliberations/${v.id}/propose`}>
              <TextArea name="situation" label="learning.precedent.situation" description="learning.precedent.situationHelp" value={props.values.situation} maxlength={4000} rows={8} />
              <TextArea name="question" label="learning.submit.question" value={props.values.question} maxlength={500} rows={3} />
              <ChoiceGroup name="consent" legend="learning.precedent.consentLegend" multiple choices={[{ value: 'all', label: t('learning.precedent.consent') }]} selected={props.values.consent ? ['all'] : []} />
              <SubmitButton label="learning.precedent.send" />
            </Form>
          </>
        )}
      </div>
    </>
  );
}

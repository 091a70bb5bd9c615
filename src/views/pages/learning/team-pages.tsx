import type { ParticipantView } from '../../../domain/learning/view-team-participant.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextField } from '../../components/form.js';
import { H1, H2, Item, Link, List, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { DistributionView } from './distribution-view.js';

/** Joining a team's dilemma session with the code on the facilitator's screen. */
export function JoinPage(props: { code: string; minimum: number; left?: boolean }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('learning.join.title')}</H1>
      {props.left ? <P lead>{t('learning.join.ended')}</P> : null}
      <P lead>{t('learning.join.lead')}</P>
      <P>{t('learning.join.nothingKept', { minimum: props.minimum })}</P>
      <ErrorSummary />
      <Form action="/join" autocompleteOff>
        <TextField name="code" label="learning.join.code" description="learning.join.codeHelp" value={props.code} autocomplete="off" spellcheck={false} maxlength={20} />
        <SubmitButton label="learning.join.submit" />
      </Form>
    </>
  );
}

const letter = (i: number) => String.fromCharCode(65 + i);

/** The participant's screen: waiting, the vote, or the round's outcome and the questions to discuss. */
export function ParticipantPage(props: { view: Exclude<ParticipantView, { state: 'gone' }> }) {
  const { t, href } = useUi();
  const v = props.view;
  const refresh = (
    <P>
      <Link href={href('/team')}>{t('learning.team.refresh')}</Link>
    </P>
  );
  return (
    <>
      <p class="utrecht-paragraph app-progress">{t('learning.team.progress', { title: v.title, round: v.round, rounds: v.rounds })}</p>
      <ErrorSummary />
      {v.state === 'waiting' ? (
        <>
          <H1>{t('learning.team.waitingTitle')}</H1>
          <P lead>{t('learning.team.waiting')}</P>
          {refresh}
        </>
      ) : null}
      {v.state === 'voting' ? (
        <>
          <H1>{v.dilemma.title}</H1>
          <P>{v.dilemma.situation}</P>
          {v.voted ? (
            <>
              <P lead>{t('learning.team.voted')}</P>
              {refresh}
            </>
          ) : (
            <>
              <Form action="/team/vote">
                <input type="hidden" name="round" value={String(v.round)} />
                <ChoiceGroup name="option" legend={{ text: v.dilemma.question }} choices={v.dilemma.options.map((option, i) => ({ value: String(i + 1), label: `${letter(i)}. ${option}` }))} selected={[]} />
                <P>{t('learning.team.anonymous')}</P>
                <SubmitButton label="learning.team.vote" />
              </Form>
            </>
          )}
        </>
      ) : null}
      {v.state === 'discussing' ? (
        <>
          <H1>{v.dilemma.title}</H1>
          <P>{v.dilemma.question}</P>
          <H2>{t('learning.team.outcome')}</H2>
          <DistributionView distribution={v.distribution} options={v.dilemma.options} caption={t('learning.team.outcomeCaption')} />
          <H2>{t('learning.reflection.talk')}</H2>
          <List>
            {v.dilemma.prompts.map((prompt) => <Item>{prompt}</Item>)}
          </List>
          {refresh}
        </>
      ) : null}
    </>
  );
}

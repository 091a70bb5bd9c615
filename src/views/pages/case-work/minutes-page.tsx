import type { CaseView } from '../../../domain/cases/open-case.js';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { Alert, H1, H2, P } from '../../components/text.js';
import { formatDate } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

/** Minutes of a meeting or phone call: the reporter reads them with their receipt and confirms or corrects them. */
export function MinutesPage(props: { view: CaseView; saved?: boolean; values?: Record<string, string> }) {
  const { t, lang } = useUi();
  const v = props.view;
  const minutes = v.messages.filter((m) => m.type === 'minutes');
  const answerOf = (id: unknown) => v.messages.find((m) => m.type === 'minutes-answer' && m.content.minutesId === id);
  return (
    <>
      <H1>{t('minutes.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="minutes" />
      <P>{t('minutes.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      {minutes.length === 0 ? <P>{t('minutes.none')}</P> : null}
      <ol class="app-thread">
        {minutes.map((m) => {
          const answer = answerOf(m.content.minutesId);
          return (
            <li class="app-message app-message--handler">
              <p class="utrecht-paragraph app-message-meta">
                <strong>{t('minutes.thread.title', { date: formatDate(String(m.content.meetingOn), lang) })}</strong>
              </p>
              <p class="utrecht-paragraph app-answer-text">{m.text}</p>
              <p class="utrecht-paragraph">
                <strong>{answer ? t(answer.content.answer === 'confirm' ? 'minutes.thread.confirmed' : 'minutes.thread.corrected') : t('minutes.awaiting')}</strong>
                {answer?.text ? ` ${answer.text}` : ''}
              </p>
            </li>
          );
        })}
      </ol>
      {v.status !== 'closed' ? (
        <section aria-labelledby="minutes-new">
          <H2 id="minutes-new">{t('minutes.newTitle')}</H2>
          <Form action={`/staff/cases/${v.id}/minutes`}>
            <TextField name="meetingOn" label="minutes.meetingOn" description="minutes.meetingOnHelp" type="date" value={props.values?.meetingOn} />
            <TextArea name="minutesText" label="minutes.text" description="minutes.textHelp" value={props.values?.minutesText} rows={10} />
            <SubmitButton label="minutes.submit" />
          </Form>
        </section>
      ) : null}
    </>
  );
}

import type { CaseMessage, CaseView } from '../../../domain/cases/open-case.js';
import { useUi } from '../../ui-context.js';
import { H2, P } from '../../components/text.js';
import { formatDate, formatDateTime } from '../../format.js';
import { AnswerList } from './answer-list.js';
import type { Language, MessageKey, Translate } from '../../../i18n/index.js';

/** Messages about the reporter's name carry a heading, so the reporter sees at once what they are about. */
const identityHeadings: Record<string, MessageKey> = {
  'identity-question': 'identity.thread.question',
  'identity-legal-duty': 'identity.thread.legalDuty',
  'identity-released': 'identity.thread.released',
};

/** What a special message is, as a heading above its text (shared with the case file's PDF). */
export function messageHeading(t: Translate, lang: Language, m: CaseMessage): string | null {
  if (m.type === 'minutes') return t('minutes.thread.title', { date: formatDate(String(m.content.meetingOn), lang) });
  if (m.type === 'transfer-proposal') return t('transfer.thread.proposal');
  if (m.type === 'transfer-answer') return t(m.content.answer === 'consent' ? 'transfer.thread.consented' : 'transfer.thread.declined');
  if (identityHeadings[m.type]) return t(identityHeadings[m.type]!);
  if (m.type === 'identity-answer') return t(m.content.answer === 'consent' ? 'identity.thread.consented' : 'identity.thread.objected');
  if (m.type === 'minutes-answer') return t(m.content.answer === 'confirm' ? 'minutes.thread.confirmed' : 'minutes.thread.corrected');
  return null;
}

/** The report, its deadlines and the conversation: the same for reporter and handlers. */
export function CaseThread(props: { view: CaseView; viewer: 'reporter' | 'handler' | 'file'; fileHref: (id: string) => string }) {
  const { t, lang } = useUi();
  const v = props.view;
  return (
    <>
      <dl class="app-answers">
        <dt>{t('case.status')}</dt>
        <dd data-testid="case-status">{t(`case.status.${v.shownStatus}` as MessageKey)}</dd>
        <dt>{t('case.received')}</dt>
        <dd>{formatDateTime(v.receivedAt, lang, v.timeZone)}</dd>
        <dt>{t('case.acknowledgeBy')}</dt>
        <dd>{formatDate(v.deadlines.acknowledgeBy, lang)}</dd>
        <dt>{t('case.feedbackBy')}</dt>
        <dd>
          {formatDate(v.deadlines.feedbackBy, lang)}
          {v.beyondLegalTerm ? <strong class="app-overdue" data-testid="beyond-legal-term">{` · ${t('case.beyondLegalTerm', { date: formatDate(v.deadlines.legalFeedbackBy, lang) })}`}</strong> : null}
        </dd>
      </dl>
      <H2>{t('case.report')}</H2>
      <AnswerList definition={v.definition} answers={v.answers} />
      <H2>{t('case.files')}</H2>
      {v.attachments.length === 0 ? <P>{t('case.noFiles')}</P> : null}
      <ul class="utrecht-unordered-list app-files">
        {v.attachments.map((file) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={props.fileHref(file.id)} download={file.name}>
              {file.name}
            </a>
            {` (${Math.max(1, Math.round(file.size / 1024))} kB, ${t(file.author === props.viewer ? 'case.fromYou' : file.author === 'reporter' ? 'case.fromReporter' : 'case.fromHandler')}, ${formatDateTime(file.createdAt, lang, v.timeZone)})`}
          </li>
        ))}
      </ul>
      <H2>{t('case.messages')}</H2>
      {v.messages.length === 0 ? <P>{t('case.noMessages')}</P> : null}
      <ol class="app-thread">
        {v.messages.map((m) => (
          <li class={`app-message app-message--${m.author}`}>
            <p class="utrecht-paragraph app-message-meta">
              <strong>{t(m.author === props.viewer ? 'case.fromYou' : m.author === 'reporter' ? 'case.fromReporter' : 'case.fromHandler')}</strong>
              {' · '}
              {formatDateTime(m.createdAt, lang, v.timeZone)}
            </p>
            {messageHeading(t, lang, m) ? <p class="utrecht-paragraph"><strong>{messageHeading(t, lang, m)}</strong></p> : null}
            {m.text ? <p class="utrecht-paragraph app-answer-text">{m.text}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

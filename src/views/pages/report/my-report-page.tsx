import type { CaseView } from '../../../domain/cases/open-case.js';
import { useUi } from '../../ui-context.js';
import { ChoiceGroup, type Choice, ErrorSummary, FileField, Form, SubmitButton, TextArea, TextField } from '../../components/form.js';
import { formatDate, formatDateTime } from '../../format.js';
import { Alert, H1, H2, Item, List, P } from '../../components/text.js';
import { CaseThread } from './case-thread.js';
import { ExternalRoutes } from '../../components/external-routes.js';
import { proposalsIn } from '../../../domain/transfers/transfer-to-commission.js';
import type { MessageKey } from '../../../i18n/index.js';
import type { IdentityQuestion } from '../../../domain/identity/list-identity-requests.js';

export function MyReportPage(props: {
  view: CaseView;
  sent?: boolean;
  draftText?: string;
  maxFileMegabytes: number;
  awaitingMinutes?: string[];
  minutesValues?: { answer: string; correction: string };
  /** What the person may ask the commission for, when a proposal to pass the matter on waits for them. */
  wantChoices?: Choice[];
  transferValues?: { answer: string; want: string[] };
  /** Granted requests for the reporter's name that wait for their answer. */
  identityQuestions?: IdentityQuestion[];
  /** Just answered a question about the name. */
  identityAnswer?: 'consent' | 'object' | undefined;
}) {
  const { t, lang, href } = useUi();
  return (
    <>
      <H1>{t('myReport.title')}</H1>
      <P lead>{props.view.route.name[lang]}</P>
      <P>
        {t('myReport.number')} <strong data-testid="case-number">{props.view.number}</strong>
      </P>
      {props.sent ? <Alert kind="ok">{t('myReport.sent')}</Alert> : null}
      {props.identityAnswer ? <Alert kind="ok">{t(props.identityAnswer === 'consent' ? 'myReport.identity.consented' : 'myReport.identity.objected')}</Alert> : null}
      {(props.identityQuestions ?? []).filter((question) => question.open).map((question) => (
        <IdentityQuestionNotice question={question} timeZone={props.view.timeZone} />
      ))}
      <CaseThread view={props.view} viewer="reporter" fileHref={(id) => href(`/my-report/files/${id}`)} />
      {props.wantChoices ? <TransferConsent view={props.view} wantChoices={props.wantChoices} values={props.transferValues} /> : null}
      {(props.awaitingMinutes ?? []).slice(0, 1).map((id) => (
        <MinutesAnswer view={props.view} minutesId={id} values={props.minutesValues} />
      ))}
      <H2>{t('myReport.write.title')}</H2>
      <P>{t('myReport.write.help')}</P>
      <ErrorSummary />
      <Form action="/my-report/messages" multipart>
        <TextArea name="text" label="myReport.write.label" value={props.draftText} rows={6} />
        <FileField name="files" label="report.files.label" description={{ text: t('report.files.help', { megabytes: props.maxFileMegabytes }) }} />
        <SubmitButton label="myReport.write.submit" />
      </Form>
      <ExternalRoutes />
      <H2>{t('myReport.leave.title')}</H2>
      <P>{t('myReport.leave.help')}</P>
      <Form action="/my-report/logout">
        <SubmitButton label="myReport.leave.submit" secondary />
      </Form>
    </>
  );
}

export function ReceiptLoginPage(props: { notice?: 'left' | undefined }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('receiptLogin.title')}</H1>
      {props.notice === 'left' ? <Alert kind="ok">{t('receiptLogin.left')}</Alert> : null}
      <P lead>{t('receiptLogin.lead')}</P>
      <ErrorSummary />
      <Form action="/receipt">
        <TextField name="receipt" label="receiptLogin.label" description="receiptLogin.help" inputmode="numeric" autocomplete="off" spellcheck={false} required />
        <SubmitButton label="receiptLogin.submit" />
      </Form>
      <P>{t('receiptLogin.cookie')}</P>
    </>
  );
}

/** The oldest minutes still waiting: confirm them, or say what is wrong (one at a time). */
function MinutesAnswer(props: { view: CaseView; minutesId: string; values?: { answer: string; correction: string } | undefined }) {
  const { t, lang } = useUi();
  const minutes = props.view.messages.find((m) => m.type === 'minutes' && m.content.minutesId === props.minutesId);
  if (!minutes) return null;
  return (
    <section aria-labelledby="minutes-answer">
      <H2 id="minutes-answer">{t('minutes.answer.title', { date: formatDate(String(minutes.content.meetingOn), lang) })}</H2>
      <P>{t('minutes.answer.help')}</P>
      <Form action={`/my-report/minutes/${props.minutesId}`}>
        <ChoiceGroup
          name="answer"
          legend="minutes.answer.legend"
          choices={[
            { value: 'confirm', label: t('minutes.answer.confirm') },
            { value: 'correct', label: t('minutes.answer.correct') },
          ]}
          selected={props.values?.answer ? [props.values.answer] : []}
        />
        <TextArea name="correction" label="minutes.answer.correction" value={props.values?.correction} rows={5} />
        <SubmitButton label="minutes.answer.submit" />
      </Form>
    </section>
  );
}

/**
 * A proposal from the panel or advisor to bring the matter to the commission: exactly what would
 * be sent, what happens next, and the person's free choice.
 */
function TransferConsent(props: { view: CaseView; wantChoices: Choice[]; values?: { answer: string; want: string[] } | undefined }) {
  const { t } = useUi();
  const proposal = proposalsIn(props.view).find((p) => p.answer === null);
  if (!proposal) return null;
  return (
    <section aria-labelledby="transfer-consent">
      <H2 id="transfer-consent">{t('transfer.consent.title')}</H2>
      <P>{proposal.explanation}</P>
      <P>{t('transfer.consent.exactly')}</P>
      <dl class="app-answers">
        <dt>{t('transfer.consent.kind')}</dt>
        <dd>{t(`case.kind.${proposal.kind}` as MessageKey)}</dd>
        <dt>{t('transfer.consent.text')}</dt>
        <dd class="app-answer-text">{proposal.carried}</dd>
      </dl>
      <List>
        <Item>{t('transfer.consent.anonymous')}</Item>
        <Item>{t('transfer.consent.receipt')}</Item>
        <Item>{t('transfer.consent.noPressure')}</Item>
      </List>
      <Form action={`/my-report/transfers/${proposal.transferId}`}>
        <ChoiceGroup name="want" legend="transfer.consent.want" choices={props.wantChoices} selected={props.values?.want ?? []} multiple />
        <ChoiceGroup
          name="answer"
          legend="transfer.consent.legend"
          choices={[
            { value: 'consent', label: t('transfer.consent.yes') },
            { value: 'decline', label: t('transfer.consent.no') },
          ]}
          selected={props.values?.answer ? [props.values.answer] : []}
        />
        <SubmitButton label="transfer.consent.submit" />
      </Form>
    </section>
  );
}

/** A question about the reporter's name waits: said first on their page, with the way to answer it. */
function IdentityQuestionNotice(props: { question: IdentityQuestion; timeZone: string }) {
  const { t, lang, href } = useUi();
  const q = props.question;
  return (
    <Alert kind="warning">
      <P>{t('myReport.identity.question', { name: q.requester, date: formatDateTime(q.answerBy, lang, props.timeZone) })}</P>
      <P>
        <a class="utrecht-link" href={href(`/my-report/identity/${q.requestId}`)}>
          {t('myReport.identity.answer')}
        </a>
      </P>
    </Alert>
  );
}

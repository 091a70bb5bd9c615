import type { IdentityQuestion } from '../../../domain/identity/list-identity-requests.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea } from '../../components/form.js';
import { Alert, H1, H2, Item, Link, List, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';

/**
 * The reporter decides about their name: who asks and why, what each answer leads to, and what
 * happens without an answer. Nothing has been shared when this page is shown.
 */
export function IdentityConsentPage(props: { question: IdentityQuestion; timeZone: string; values?: { answer: string; comment: string } | undefined }) {
  const { t, lang, href } = useUi();
  const q = props.question;
  const date = formatDateTime(q.answerBy, lang, props.timeZone);
  return (
    <>
      <H1>{t('identityConsent.title')}</H1>
      <P lead>{t('identityConsent.lead')}</P>
      <dl class="app-answers">
        <dt>{t('identityConsent.requester')}</dt>
        <dd>{q.requester}</dd>
        <dt>{t('identityConsent.reason')}</dt>
        <dd class="app-answer-text">{q.reason}</dd>
        <dt>{t('identityConsent.answerBy')}</dt>
        <dd>{date}</dd>
      </dl>
      <H2>{t('identityConsent.whatHappens')}</H2>
      <List>
        <Item>{t('identityConsent.ifConsent', { name: q.requester })}</Item>
        <Item>{t('identityConsent.ifObject')}</Item>
        <Item>{t('identityConsent.ifNothing', { name: q.requester, date })}</Item>
      </List>
      {q.open ? null : (
        <Alert kind="warning">
          <P>{t('identityConsent.closed')}</P>
        </Alert>
      )}
      <ErrorSummary />
      {q.open ? (
        <Form action={`/my-report/identity/${q.requestId}`}>
          <ChoiceGroup
            name="answer"
            legend="identityConsent.legend"
            choices={[
              { value: 'consent', label: t('identityConsent.consent', { name: q.requester }) },
              { value: 'object', label: t('identityConsent.object') },
            ]}
            selected={props.values?.answer ? [props.values.answer] : []}
          />
          <TextArea name="comment" label="identityConsent.comment" description="identityConsent.commentHelp" value={props.values?.comment} rows={4} />
          <P>{t('identityConsent.once')}</P>
          <SubmitButton label="identityConsent.submit" />
        </Form>
      ) : null}
      <P>
        <Link href={href('/my-report')}>{t('identityConsent.back')}</Link>
      </P>
    </>
  );
}

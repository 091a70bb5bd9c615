import type { ReportDraft } from '../../../domain/reports/report-draft.js';
import type { RouteRow } from '../../../domain/routes/get-route.js';
import type { QuestionnaireDefinition } from '../../../domain/routes/questionnaire.js';
import { Alert, H1, H2, P } from '../../components/text.js';
import { Form, SubmitButton } from '../../components/form.js';
import { useUi } from '../../ui-context.js';
import { AnswerList } from './answer-list.js';

/** The form has expired: nothing was stored or sent, and here is everything the person typed, to copy. */
export function DraftExpiredPage(props: { route: RouteRow; definition: QuestionnaireDefinition; draft: ReportDraft }) {
  const { t, lang } = useUi();
  const identity = props.draft.identity;
  return (
    <>
      <H1>{t('report.expired.title')}</H1>
      <Alert kind="warning">
        <P>{t('report.expired.text')}</P>
      </Alert>
      <H2>{t('report.expired.typed', { route: props.route.name[lang] })}</H2>
      <AnswerList definition={props.definition} answers={props.draft.answers} />
      {identity?.name || identity?.contact ? (
        <dl class="app-answers">
          <dt>{t('report.identity.name')}</dt>
          <dd class="app-answer-text">{identity.name ?? ''}</dd>
          <dt>{t('report.identity.contact')}</dt>
          <dd class="app-answer-text">{identity.contact ?? ''}</dd>
        </dl>
      ) : null}
      {/* Starting again deletes what this browser kept, so the next visit does not show this page again. */}
      <Form action={`/report/${props.route.code}/discard`}>
        <SubmitButton label="report.expired.again" />
      </Form>
    </>
  );
}

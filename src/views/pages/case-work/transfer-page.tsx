import { caseKinds } from '../../../domain/cases/lifecycle.js';
import type { CaseView } from '../../../domain/cases/open-case.js';
import { proposalsIn } from '../../../domain/transfers/transfer-to-commission.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea } from '../../components/form.js';
import { Alert, H1, H2, P } from '../../components/text.js';
import { formatDateTime } from '../../format.js';
import { useUi } from '../../ui-context.js';
import { CaseWorkNav } from './work-nav.js';

/** The panel or advisor proposes to bring the matter to the commission; only the person's consent makes it happen. */
export function TransferPage(props: { view: CaseView; saved?: boolean; values?: Record<string, string> }) {
  const { t, lang } = useUi();
  const v = props.view;
  const proposals = proposalsIn(v);
  const open = proposals.some((p) => p.answer === null);
  // The ethics panel carries the question itself over; an advisor writes a summary without the name.
  const question = v.route.code === 'ethics' ? [v.answers.QUESTION, v.answers.CONTEXT].filter((a) => typeof a === 'string' && a).join('\n\n') : '';
  return (
    <>
      <H1>{t('transfer.title')}</H1>
      <CaseWorkNav caseId={v.id} routeCode={v.route.code} current="transfer" />
      <P>{t(v.route.code === 'ethics' ? 'transfer.lead.ethics' : 'transfer.lead.advisor')}</P>
      {props.saved ? <Alert kind="ok">{t('work.saved')}</Alert> : null}
      <ErrorSummary />
      {proposals.length === 0 ? <P>{t('transfer.none')}</P> : null}
      <ol class="app-thread">
        {proposals.map((p) => (
          <li class="app-message app-message--handler">
            <p class="utrecht-paragraph app-message-meta">
              <strong>{t(p.answer === 'consent' ? 'transfer.answer.consent' : p.answer === 'decline' ? 'transfer.answer.decline' : 'transfer.answer.waiting')}</strong> · {formatDateTime(p.at, lang, v.timeZone)}
            </p>
            <p class="utrecht-paragraph app-answer-text">{p.carried}</p>
          </li>
        ))}
      </ol>
      {!open && v.status !== 'closed' ? (
        <section aria-labelledby="transfer-new">
          <H2 id="transfer-new">{t('transfer.newTitle')}</H2>
          <Form action={`/staff/cases/${v.id}/transfer`}>
            <ChoiceGroup
              name="kind"
              legend="transfer.kind"
              choices={caseKinds.filter((k) => k !== 'moral_question').map((k) => ({ value: k, label: t(`case.kind.${k}` as MessageKey) }))}
              selected={props.values?.kind ? [props.values.kind] : []}
            />
            <TextArea name="carried" label="transfer.carried" description={v.route.code === 'ethics' ? 'transfer.carriedHelp.ethics' : 'transfer.carriedHelp.advisor'} value={props.values?.carried ?? question} rows={8} />
            <TextArea name="explanation" label="transfer.explanation" description="transfer.explanationHelp" value={props.values?.explanation} rows={4} />
            <SubmitButton label="transfer.submit" />
          </Form>
        </section>
      ) : null}
    </>
  );
}

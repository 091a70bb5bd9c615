import type { SurveyQuestion } from '../../../domain/surveys/questions.js';
import type { Section, SurveyDraft } from '../../../domain/surveys/respond.js';
import type { MessageKey } from '../../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextField } from '../../components/form.js';
import { Alert, H1, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';

/** Entering the invitation code: what the survey is, and that the answers cannot be traced back. */
export function SurveyCodePage(props: { code?: string }) {
  const { t } = useUi();
  return (
    <>
      <H1>{t('survey.title')}</H1>
      <P lead>{t('survey.lead')}</P>
      <P>{t('survey.anonymous')}</P>
      <ErrorSummary />
      <Form action="/survey/start">
        <TextField name="code" label="survey.code" description="survey.codeHelp" value={props.code} autocomplete="off" spellcheck={false} maxlength={20} />
        <SubmitButton label="survey.begin" />
      </Form>
    </>
  );
}

/** Stored answer back to the form's value(s), so going back shows what was chosen. */
function selectedOf(question: SurveyQuestion, value: number | null | undefined): string[] {
  if (!value) return [];
  if (question.type === 'agree5') return [String(value)];
  if (question.type === 'yesNo') return [value === 1 ? 'yes' : 'no'];
  if (question.type === 'single') return [question.options?.[value - 1]?.code ?? ''];
  return (question.options ?? []).filter((_, i) => value & (1 << i)).map((o) => o.code);
}

/** One section per page, with progress; every question may be skipped. */
export function SurveySectionPage(props: {
  questions: SurveyQuestion[];
  section: Section;
  sealedDraft: string;
  draft: SurveyDraft;
  position: number;
  total: number;
  organisations?: Array<{ id: string; name: string }>;
}) {
  const { t, lang } = useUi();
  const last = props.position === props.total;
  const agree = [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: t(`survey.agree.${v}` as MessageKey) }));
  return (
    <>
      <p class="utrecht-paragraph app-progress">{t('survey.progress', { step: props.position, total: props.total })}</p>
      <H1>{t(`survey.section.${props.section}` as MessageKey)}</H1>
      <P>{t('survey.skip')}</P>
      <ErrorSummary />
      <Form action="/survey">
        <input type="hidden" name="_draft" value={props.sealedDraft} />
        <input type="hidden" name="_at" value={props.section} />
        {props.section === 'background' && props.organisations ? (
          <ChoiceGroup name="organisationId" legend="survey.organisation" choices={props.organisations.map((o) => ({ value: o.id, label: o.name }))} selected={props.draft.organisationId ? [props.draft.organisationId] : []} />
        ) : null}
        {props.questions
          .filter((q) => q.section === props.section)
          .map((q) => (
            <ChoiceGroup
              name={q.code}
              legend={{ text: q.label[lang] }}
              multiple={q.type === 'multi'}
              choices={
                q.type === 'agree5'
                  ? agree
                  : q.type === 'yesNo'
                    ? [
                        { value: 'yes', label: t('form.yes') },
                        { value: 'no', label: t('form.no') },
                      ]
                    : (q.options ?? []).map((o) => ({ value: o.code, label: o.label[lang] }))
              }
              selected={selectedOf(q, props.draft.answers[q.code])}
            />
          ))}
        <div class="app-button-row">
          <SubmitButton label={last ? 'survey.send' : 'survey.next'} name="_go" value={last ? 'send' : 'next'} />
          {props.position > 1 ? <SubmitButton label="survey.back" name="_go" value="back" secondary /> : null}
        </div>
      </Form>
    </>
  );
}

export function SurveyThanksPage() {
  const { t } = useUi();
  return (
    <>
      <H1>{t('survey.thanks.title')}</H1>
      <Alert kind="ok">
        <P>{t('survey.thanks.text')}</P>
      </Alert>
      <P>{t('survey.thanks.codeUsed')}</P>
    </>
  );
}

import { enabledQuestions, type Answers, type QuestionnaireDefinition } from '../../../domain/routes/questionnaire.js';
import { useUi } from '../../ui-context.js';

/** The answers with their questions, as the reporter gave them (review page, case pages). */
export function AnswerList(props: { definition: QuestionnaireDefinition; answers: Answers }) {
  const { lang, t } = useUi();
  const rows = props.definition.steps.flatMap((step) => enabledQuestions(step)).filter((q) => props.answers[q.code] !== undefined);
  return (
    <dl class="app-answers">
      {rows.map((q) => {
        const value = props.answers[q.code]!;
        const labelOf = (code: string) =>
          q.type === 'yesNo' ? t(code === 'yes' ? 'form.yes' : 'form.no') : (q.options?.find((o) => o.code === code)?.label[lang] ?? code);
        const shown = Array.isArray(value) ? value.map(labelOf).join('; ') : q.type === 'single' || q.type === 'yesNo' ? labelOf(value) : value;
        return (
          <>
            <dt>{q.label[lang]}</dt>
            <dd class="app-answer-text">{shown}</dd>
          </>
        );
      })}
      {rows.length === 0 ? <dd>{t('report.review.nothing')}</dd> : null}
    </dl>
  );
}

import { enabledQuestions, type Answers, type QuestionnaireDefinition } from '../../../domain/routes/questionnaire.js';
import type { Language, Translate } from '../../../i18n/index.js';
import { useUi } from '../../ui-context.js';

/** Each answered question with the answer in words (shared with the case file's PDF). */
export function answerRows(t: Translate, lang: Language, definition: QuestionnaireDefinition, answers: Answers): Array<{ label: string; value: string }> {
  const rows = definition.steps.flatMap((step) => enabledQuestions(step)).filter((q) => answers[q.code] !== undefined);
  return rows.map((q) => {
    const value = answers[q.code]!;
    const labelOf = (code: string) => (q.type === 'yesNo' ? t(code === 'yes' ? 'form.yes' : 'form.no') : (q.options?.find((o) => o.code === code)?.label[lang] ?? code));
    const shown = Array.isArray(value) ? value.map(labelOf).join('; ') : q.type === 'single' || q.type === 'yesNo' ? labelOf(value) : value;
    return { label: q.label[lang], value: shown };
  });
}

/** The answers with their questions, as the reporter gave them (review page, case pages). */
export function AnswerList(props: { definition: QuestionnaireDefinition; answers: Answers }) {
  const { lang, t } = useUi();
  const rows = answerRows(t, lang, props.definition, props.answers);
  return (
    <dl class="app-answers">
      {rows.map((row) => (
        <>
          <dt>{row.label}</dt>
          <dd class="app-answer-text">{row.value}</dd>
        </>
      ))}
      {rows.length === 0 ? <dd>{t('report.review.nothing')}</dd> : null}
    </dl>
  );
}

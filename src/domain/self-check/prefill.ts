import { translator, type Language, type MessageKey } from '../../i18n/index.js';
import type { Answers, QuestionnaireDefinition } from '../routes/questionnaire.js';
import { assessSelfCheck, selfCheckAnswersSchema } from './assess.js';
import { carryOverText } from './carry-over.js';
import { validate } from '../validate.js';

// The self-check's source codes against the commission questionnaire's SOURCE options.
const sourceToQuestionnaire: Record<string, string> = {
  direct_manager: 'direct_manager',
  director_board: 'director',
  colleague: 'colleague',
  political_administrative: 'politician',
  other: 'other',
};

/** Routes a self-check can be carried into. */
export const prefillRoutes = ['commission', 'ethics'] as const;

/**
 * What a report or question starts with, from the self-check: only answers the questionnaire
 * still has. The commission form gets the kind (when it looks like improper pressure), the
 * source and the public interest at stake; the ethics question gets the answers as a short
 * text in the person's language. The tool's own verdict is never carried: the commission or
 * panel judges for itself.
 */
export function prefillFromSelfCheck(route: string, definition: QuestionnaireDefinition, input: unknown, lang: Language): Answers {
  const answers = validate(selfCheckAnswersSchema, input);
  const optionsOf = (code: string) => new Set(definition.steps.flatMap((s) => s.questions).find((q) => q.code === code && q.enabled)?.options?.map((o) => o.code) ?? []);
  const hasQuestion = (code: string) => definition.steps.some((s) => s.questions.some((q) => q.code === code && q.enabled));
  const prefilled: Answers = {};
  if (route === 'commission') {
    if (assessSelfCheck(answers).classification === 'improper_pressure' && optionsOf('KIND').has('improper_pressure')) prefilled.KIND = 'improper_pressure';
    const source = answers.source ? sourceToQuestionnaire[answers.source] : undefined;
    if (source && optionsOf('SOURCE').has(source)) prefilled.SOURCE = [source];
    const effects = (answers.public_interest ?? []).filter((code) => optionsOf('EFFECTS_PUBLIC').has(code));
    if (effects.length > 0) prefilled.EFFECTS_PUBLIC = effects;
  } else if (route === 'ethics' && hasQuestion('CONTEXT')) {
    const text = selfCheckSummary(answers, lang);
    if (text) prefilled.CONTEXT = text;
  }
  return prefilled;
}

/** The answers in plain words, one line each: "question: answer". */
export function selfCheckSummary(input: unknown, lang: Language): string {
  const t = translator(lang);
  const lines = carryOverText(input).map(
    (item) => `${t(`selfCheck.q.${item.code}` as MessageKey)}: ${item.valueCodes.map((code) => t(`selfCheck.option.${code}` as MessageKey)).join(', ')}`,
  );
  return lines.length ? `${t('selfCheck.summaryHeading')}\n${lines.join('\n')}` : '';
}

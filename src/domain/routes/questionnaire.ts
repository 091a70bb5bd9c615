import { z } from 'zod';

// A questionnaire is data: versioned, stored per route, with stable question and option codes
// so that reports can be counted the way the research counted them. Texts are in both languages.
export const localisedSchema = z.object({ nl: z.string().min(1), en: z.string().min(1) });
export type Localised = z.output<typeof localisedSchema>;

const optionSchema = z.object({ code: z.string().regex(/^[a-z_]+$/), label: localisedSchema });

export const questionSchema = z.object({
  code: z.string().regex(/^[A-Z_]+$/),
  type: z.enum(['text', 'shortText', 'single', 'multi', 'yesNo', 'period']),
  label: localisedSchema,
  help: localisedSchema.optional(),
  required: z.boolean(),
  /** Optional questions can be switched off by the administrator; required ones cannot. */
  enabled: z.boolean(),
  options: z.array(optionSchema).optional(),
  maxLength: z.number().int().positive().optional(),
});
export type Question = z.output<typeof questionSchema>;

export const stepSchema = z.object({
  code: z.string().regex(/^[a-z_]+$/),
  title: localisedSchema,
  intro: localisedSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Step = z.output<typeof stepSchema>;

export const definitionSchema = z.object({ steps: z.array(stepSchema).min(1) });
export type QuestionnaireDefinition = z.output<typeof definitionSchema>;

export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

export const TEXT_MAX = 20_000;
export const SHORT_TEXT_MAX = 300;

export function enabledQuestions(step: Step): Question[] {
  return step.questions.filter((q) => q.enabled);
}

/** The steps a reporter walks through: steps whose questions are all switched off disappear. */
export function visibleSteps(definition: QuestionnaireDefinition): Step[] {
  return definition.steps.filter((step) => enabledQuestions(step).length > 0);
}

/**
 * Checks one step's answers: required questions answered, options known, lengths bounded.
 * Returns the cleaned answers and field errors as message-catalogue keys.
 */
export function checkStepAnswers(step: Step, raw: Record<string, string | string[] | undefined>) {
  const answers: Answers = {};
  const errors: { field: string; message: string }[] = [];
  for (const question of enabledQuestions(step)) {
    const value = raw[question.code];
    const known = new Set((question.options ?? []).map((o) => o.code));
    if (question.type === 'multi') {
      const values = (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v !== '');
      if (values.some((v) => !known.has(v))) errors.push({ field: question.code, message: 'errors.field.invalid' });
      else if (question.required && values.length === 0) errors.push({ field: question.code, message: 'errors.choice.required' });
      else if (values.length > 0) answers[question.code] = [...new Set(values)];
      continue;
    }
    const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
    if (text === '') {
      if (question.required) errors.push({ field: question.code, message: question.type === 'text' || question.type === 'shortText' || question.type === 'period' ? 'errors.field.required' : 'errors.choice.required' });
      continue;
    }
    if (question.type === 'single' && !known.has(text)) errors.push({ field: question.code, message: 'errors.field.invalid' });
    else if (question.type === 'yesNo' && text !== 'yes' && text !== 'no') errors.push({ field: question.code, message: 'errors.field.invalid' });
    else if (text.length > (question.maxLength ?? (question.type === 'text' ? TEXT_MAX : SHORT_TEXT_MAX))) {
      errors.push({ field: question.code, message: 'errors.field.tooLong' });
    } else answers[question.code] = text;
  }
  return { answers, errors };
}

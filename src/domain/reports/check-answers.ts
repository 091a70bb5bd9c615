import { AppError, type FieldError } from '../errors.js';
import { checkStepAnswers, visibleSteps, type Answers, type QuestionnaireDefinition } from '../routes/questionnaire.js';

/** Validates a complete set of answers against every visible step; unknown codes are dropped. */
export function checkAllAnswers(definition: QuestionnaireDefinition, raw: Answers): Answers {
  const answers: Answers = {};
  const errors: FieldError[] = [];
  for (const step of visibleSteps(definition)) {
    const result = checkStepAnswers(step, raw);
    Object.assign(answers, result.answers);
    errors.push(...result.errors);
  }
  if (errors.length > 0) throw new AppError('validation', errors);
  return answers;
}

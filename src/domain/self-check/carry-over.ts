import { validate } from '../validate.js';
import { selfCheckAnswersSchema } from './assess.js';
import { selfCheckQuestions, type SelfCheckQuestionCode } from './questions.js';

export interface CarriedOver {
  /** The self-check question code. */
  code: SelfCheckQuestionCode;
  /** The answer's option codes, in the question's option order. */
  valueCodes: string[];
}

/**
 * What a report or question form may take over from the self-check, shown to the person before
 * they send it ("exactly what is carried over"). Only what the person answered, in question
 * order; unanswered questions are left out rather than sent as empty. The assessment itself
 * (classification, seriousness) is deliberately not carried over: the commission or panel forms
 * its own judgement and should not be steered by the tool's.
 */
export function carryOverText(input: unknown): CarriedOver[] {
  const answers = validate(selfCheckAnswersSchema, input);
  const carried: CarriedOver[] = [];
  for (const question of selfCheckQuestions) {
    const value = answers[question.code];
    if (value === undefined) continue;
    carried.push({ code: question.code, valueCodes: Array.isArray(value) ? [...value] : [value] });
  }
  return carried;
}

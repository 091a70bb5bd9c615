// The self-check's questions, as data. The codes are stable: stored answers, tests and the
// catalogue keys (selfCheck.q.<code>, selfCheck.option.<code>, ...) depend on them, so add new
// codes rather than rename old ones. No human text here: the UI maps every code to a key.

export const yesNoUnsure = ['yes', 'no', 'unsure'] as const;
export const yesNo = ['yes', 'no'] as const;

/**
 * The four criteria of improper pressure from the research for a large Dutch municipality; all
 * four must hold. In this order: (1) a principal-agent relationship other than the ordinary
 * employer-employee line, (2) a forceful attempt to influence a decision or behaviour, (3) both
 * the content of the request and the means used are improper, (4) the wider social-professional
 * environment would recognise it as violating norms of conduct and roles.
 */
export const criterionCodes = ['principal_agent', 'forceful_attempt', 'improper_content_and_means', 'recognised_as_violation'] as const;
export type CriterionCode = (typeof criterionCodes)[number];

export const repetitionOptions = ['repeated', 'once'] as const;
export const explicitnessOptions = ['explicit', 'implied'] as const;
/** The same codes as the commission questionnaire's EFFECTS_PUBLIC options, so answers can be carried over. */
export const publicInterestOptions = ['wrong_information', 'money_wasted', 'unsafe', 'public_misled', 'none'] as const;
export const sourceOptions = ['direct_manager', 'director_board', 'colleague', 'political_administrative', 'other'] as const;

export type QuestionGroup = 'criteria' | 'seriousness';

export interface SelfCheckQuestion {
  readonly code: string;
  /** The page shows the criteria first, then the questions that gauge seriousness. */
  readonly group: QuestionGroup;
  /** Single answers are radio buttons; multiple answers are checkboxes. */
  readonly multiple: boolean;
  readonly options: readonly string[];
}

export const selfCheckQuestions = [
  { code: 'principal_agent', group: 'criteria', multiple: false, options: yesNoUnsure },
  { code: 'forceful_attempt', group: 'criteria', multiple: false, options: yesNoUnsure },
  { code: 'improper_content_and_means', group: 'criteria', multiple: false, options: yesNoUnsure },
  { code: 'recognised_as_violation', group: 'criteria', multiple: false, options: yesNoUnsure },
  { code: 'repetition', group: 'seriousness', multiple: false, options: repetitionOptions },
  { code: 'explicitness', group: 'seriousness', multiple: false, options: explicitnessOptions },
  { code: 'career_link', group: 'seriousness', multiple: false, options: yesNo },
  { code: 'public_interest', group: 'seriousness', multiple: true, options: publicInterestOptions },
  { code: 'source', group: 'seriousness', multiple: false, options: sourceOptions },
  { code: 'colleagues_recognise', group: 'seriousness', multiple: false, options: yesNoUnsure },
  { code: 'asked_source', group: 'seriousness', multiple: false, options: yesNo },
] as const satisfies readonly SelfCheckQuestion[];

export type SelfCheckQuestionCode = (typeof selfCheckQuestions)[number]['code'];

export function questionsInGroup(group: QuestionGroup): readonly SelfCheckQuestion[] {
  return selfCheckQuestions.filter((question) => question.group === group);
}

import { z } from 'zod';
import { validate } from '../validate.js';
import {
  criterionCodes,
  explicitnessOptions,
  publicInterestOptions,
  repetitionOptions,
  sourceOptions,
  yesNo,
  yesNoUnsure,
  type CriterionCode,
} from './questions.js';

// The self-check helps an employee name what is happening and choose a route. It is guidance,
// never a verdict: every route stays on offer whatever the outcome, and the result only claims
// what the answers establish ("unsure" never counts as "yes").

// Form posts send '' for an unanswered radio group and a bare string for one ticked checkbox.
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const toList = (value: unknown) => {
  if (value === '' || value === null || value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).filter((item) => item !== '');
};
const single = <T extends readonly [string, ...string[]]>(options: T) => z.preprocess(blankToUndefined, z.enum(options).optional());

/**
 * Every question is optional: a missing answer is treated as "not answered", never as "no".
 * Unknown question codes are dropped (answers saved by an older version still assess); an
 * unknown option is refused, as is "none" ticked together with a public interest.
 */
export const selfCheckAnswersSchema = z.object({
  principal_agent: single(yesNoUnsure),
  forceful_attempt: single(yesNoUnsure),
  improper_content_and_means: single(yesNoUnsure),
  recognised_as_violation: single(yesNoUnsure),
  repetition: single(repetitionOptions),
  explicitness: single(explicitnessOptions),
  career_link: single(yesNo),
  public_interest: z.preprocess(
    toList,
    z
      .array(z.enum(publicInterestOptions))
      .max(20)
      .refine((values) => !(values.includes('none') && values.some((value) => value !== 'none')))
      .transform((values) => (values.length === 0 ? undefined : publicInterestOptions.filter((option) => values.includes(option))))
      .optional(),
  ),
  source: single(sourceOptions),
  colleagues_recognise: single(yesNoUnsure),
  asked_source: single(yesNo),
});
export type SelfCheckAnswers = z.output<typeof selfCheckAnswersSchema>;
export type SelfCheckAnswersInput = z.input<typeof selfCheckAnswersSchema>;

export type CriterionStatus = 'holds' | 'does_not_hold' | 'unclear';
export type CriterionReason =
  | 'answered_yes'
  | 'answered_no'
  | 'answered_unsure'
  | 'not_answered'
  | 'source_outside_line'
  | 'linked_to_career'
  | 'colleagues_would_recognise';
export interface CriterionResult {
  criterion: CriterionCode;
  status: CriterionStatus;
  reason: CriterionReason;
}

export const classifications = ['improper_pressure', 'other_pressure', 'disagreement'] as const;
export type Classification = (typeof classifications)[number];

export type SeriousnessLevel = 1 | 2 | 3;
export const seriousnessReasons = ['repeated', 'explicit', 'linked_to_career', 'public_interest_at_stake', 'powerful_source', 'colleagues_recognise'] as const;
export type SeriousnessReason = (typeof seriousnessReasons)[number];

/** Also the tie-break order: from the lightest step to the most formal, since a light step never closes off a heavier one. */
export const nextSteps = ['check_with_source', 'confidential_advisor', 'ethics_panel', 'report_to_commission', 'external_route'] as const;
export type NextStep = (typeof nextSteps)[number];

export interface SelfCheckAssessment {
  /** In the order of the criteria questions. */
  criteria: CriterionResult[];
  classification: Classification;
  seriousness: { level: SeriousnessLevel; score: number; reasons: SeriousnessReason[] };
  /** All five steps, best first. */
  nextSteps: NextStep[];
}

/** Validates raw answers (throws AppError 'validation' listing each bad field) and assesses them. */
export function assessSelfCheck(input: unknown): SelfCheckAssessment {
  const answers = validate(selfCheckAnswersSchema, input);
  const criteria = assessCriteria(answers);
  const classification = classify(criteria);
  const seriousness = scoreSeriousness(answers);
  return { criteria, classification, seriousness, nextSteps: rankNextSteps(answers, classification, seriousness.level, criteria) };
}

/**
 * An explicit yes or no decides. An unsure or missing answer stays unclear, unless another
 * answer settles it on its own terms:
 * - a political or administrative source is by definition outside the ordinary employer-employee
 *   line (criterion 1, e.g. politician -> official);
 * - pressure tied to your evaluation, career or contract is a forceful attempt to influence
 *   (criterion 2; threat of a bad evaluation is one of the means the union survey found);
 * - colleagues recognising it as crossing a line is the social-professional environment's
 *   judgement that criterion 4 asks about.
 * Evidence only ever settles "unclear" into "holds": it never overrules what the person said.
 */
export function assessCriteria(answers: SelfCheckAnswers): CriterionResult[] {
  const proxies: Record<CriterionCode, CriterionReason | null> = {
    principal_agent: answers.source === 'political_administrative' ? 'source_outside_line' : null,
    forceful_attempt: answers.career_link === 'yes' ? 'linked_to_career' : null,
    improper_content_and_means: null,
    recognised_as_violation: answers.colleagues_recognise === 'yes' ? 'colleagues_would_recognise' : null,
  };
  return criterionCodes.map((criterion): CriterionResult => {
    const answer = answers[criterion];
    if (answer === 'yes') return { criterion, status: 'holds', reason: 'answered_yes' };
    if (answer === 'no') return { criterion, status: 'does_not_hold', reason: 'answered_no' };
    const proxy = proxies[criterion];
    if (proxy) return { criterion, status: 'holds', reason: proxy };
    return { criterion, status: 'unclear', reason: answer === 'unsure' ? 'answered_unsure' : 'not_answered' };
  });
}

/**
 * - No established forceful attempt (criterion 2 does not hold or is unclear): a disagreement,
 *   the normal professional conversation. The research's first advice then fits: check your
 *   interpretation with the presumed source.
 * - Criterion 2 holds and so do the other three: improper pressure (all four must hold).
 * - Criterion 2 holds but another criterion does not hold or is unclear: other pressure, real
 *   but not (yet) shown to be improper, e.g. not aimed at acting against integrity.
 */
export function classify(criteria: readonly CriterionResult[]): Classification {
  const holds = (code: CriterionCode) => criteria.find((result) => result.criterion === code)?.status === 'holds';
  if (!holds('forceful_attempt')) return 'disagreement';
  return criterionCodes.every(holds) ? 'improper_pressure' : 'other_pressure';
}

/** Weights per factor; the level thresholds are below. */
export const seriousnessWeights: Record<SeriousnessReason, number> = {
  // 73% of those pressured were pressured more than once: a pattern, not an incident.
  repeated: 1,
  // Explicit pressure leaves no doubt about intent.
  explicit: 1,
  // A threat to evaluation, career or contract makes resisting costly for the person.
  linked_to_career: 2,
  // Harm beyond the person (wrong information, money, safety, the public misled) is what makes
  // it a matter for the commission and the external authorities.
  public_interest_at_stake: 2,
  // The usual route starts with the line, which is then part of the problem.
  powerful_source: 1,
  // Colleagues would see it crossing a line: it is not one person's sensitivity.
  colleagues_recognise: 1,
};
/** Score 0-2: level 1; 3-4: level 2; 5 or more: level 3 (the maximum score is 8). */
export const seriousnessThresholds = { level2: 3, level3: 5 } as const;

const powerfulSources = new Set(['direct_manager', 'director_board', 'political_administrative']);

export function scoreSeriousness(answers: SelfCheckAnswers): SelfCheckAssessment['seriousness'] {
  const present: Record<SeriousnessReason, boolean> = {
    repeated: answers.repetition === 'repeated',
    explicit: answers.explicitness === 'explicit',
    linked_to_career: answers.career_link === 'yes',
    public_interest_at_stake: hasPublicInterest(answers),
    powerful_source: answers.source !== undefined && powerfulSources.has(answers.source),
    colleagues_recognise: answers.colleagues_recognise === 'yes',
  };
  const reasons = seriousnessReasons.filter((reason) => present[reason]);
  const score = reasons.reduce((sum, reason) => sum + seriousnessWeights[reason], 0);
  const level: SeriousnessLevel = score >= seriousnessThresholds.level3 ? 3 : score >= seriousnessThresholds.level2 ? 2 : 1;
  return { level, score, reasons };
}

function hasPublicInterest(answers: SelfCheckAnswers): boolean {
  return (answers.public_interest ?? []).some((value) => value !== 'none');
}

/**
 * Each step gets points; the highest comes first, ties in the order of `nextSteps`.
 * - check_with_source: +5 when the person has not (said they have) asked the presumed source what
 *   they actually want, the research's first advice; -3 per level above 1, because the more
 *   serious it is the less likely a misunderstanding and the riskier a one-to-one talk; +2 for a
 *   disagreement, which belongs in that conversation; -2 from level 2 when the source has power
 *   over the person (manager, director, politics). Net effect: never first at level 3, never
 *   first once asked.
 * - confidential_advisor: 3, +1 from level 2: always safe, confidential, no action without consent.
 * - ethics_panel: 2, +2 when a criterion is unclear, +2 for a disagreement (an outside view on
 *   "is this OK?" without calling it a violation), -3 at level 3 (beyond a moral question).
 * - report_to_commission: +3 for improper pressure, +1 for other pressure, +3 per level above 1:
 *   the independent commission follows up where the line cannot.
 * - external_route: -2, +2 at level 3 (never rely on a single route), +5 more at level 3 with the
 *   public interest at stake (the whistleblowers authority exists for exactly that).
 */
export function rankNextSteps(answers: SelfCheckAnswers, classification: Classification, level: SeriousnessLevel, criteria: readonly CriterionResult[]): NextStep[] {
  const above1 = level - 1;
  const notAsked = answers.asked_source !== 'yes';
  const powerfulSource = answers.source !== undefined && powerfulSources.has(answers.source);
  const anyUnclear = criteria.some((result) => result.status === 'unclear');
  const disagreement = classification === 'disagreement';
  const points: Record<NextStep, number> = {
    check_with_source: (notAsked ? 5 : 0) - 3 * above1 + (disagreement ? 2 : 0) - (powerfulSource && level >= 2 ? 2 : 0),
    confidential_advisor: 3 + (level >= 2 ? 1 : 0),
    ethics_panel: 2 + (anyUnclear ? 2 : 0) + (disagreement ? 2 : 0) - (level === 3 ? 3 : 0),
    report_to_commission: (classification === 'improper_pressure' ? 3 : classification === 'other_pressure' ? 1 : 0) + 3 * above1,
    external_route: -2 + (level === 3 ? 2 : 0) + (level === 3 && hasPublicInterest(answers) ? 5 : 0),
  };
  // Array.prototype.sort is stable, so equal points keep the order of `nextSteps`.
  return [...nextSteps].sort((a, b) => points[b] - points[a]);
}

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assessSelfCheck, nextSteps, type Classification, type NextStep, type SelfCheckAnswersInput } from './assess.js';
import { carryOverText } from './carry-over.js';
import { criterionCodes, selfCheckQuestions } from './questions.js';

type Tri = 'yes' | 'no' | 'unsure';
const tri: Tri[] = ['yes', 'no', 'unsure'];

// The expected classification, written as a rule table over the four answers in criterion order
// (relationship, forceful attempt, improper content and means, recognised as violation).
// '*' matches any answer; the first matching row wins. Kept independent of assess.ts on purpose.
const classificationTable: [pattern: [string, string, string, string], expected: Classification][] = [
  [['*', 'no', '*', '*'], 'disagreement'], // no forceful attempt: the normal professional conversation
  [['*', 'unsure', '*', '*'], 'disagreement'], // a forceful attempt not established
  [['yes', 'yes', 'yes', 'yes'], 'improper_pressure'], // all four criteria must hold
  [['*', 'yes', '*', '*'], 'other_pressure'], // real pressure failing or leaving open another criterion
];

function expectedClassification(answers: Tri[]): Classification {
  const row = classificationTable.find(([pattern]) => pattern.every((p, i) => p === '*' || p === answers[i]));
  if (!row) throw new Error(`rule table has no row for ${answers.join(',')}`);
  return row[1];
}

const expectedStatus = { yes: 'holds', no: 'does_not_hold', unsure: 'unclear' } as const;

const allCriteriaAnswers: Tri[][] = tri.flatMap((a) => tri.flatMap((b) => tri.flatMap((c) => tri.map((d) => [a, b, c, d]))));

function criteriaInput(answers: (Tri | undefined)[]): SelfCheckAnswersInput {
  return Object.fromEntries(criterionCodes.map((code, i) => [code, answers[i]]).filter(([, v]) => v !== undefined));
}

// Seriousness answers that neither add points nor settle an unclear criterion.
const calm: SelfCheckAnswersInput = {
  repetition: 'once',
  explicitness: 'implied',
  career_link: 'no',
  public_interest: ['none'],
  source: 'colleague',
  colleagues_recognise: 'no',
  asked_source: 'yes',
};

describe('the four criteria: all 81 combinations', () => {
  it('covers 81 rows: 1 improper, 26 other pressure, 54 disagreement', () => {
    expect(allCriteriaAnswers).toHaveLength(81);
    const counts = allCriteriaAnswers.reduce<Record<string, number>>((acc, row) => {
      const c = expectedClassification(row);
      acc[c] = (acc[c] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual({ improper_pressure: 1, other_pressure: 26, disagreement: 54 });
  });

  it.each(allCriteriaAnswers.map((row) => [row.join(' '), row] as const))('%s', (_name, row) => {
    const expected = {
      classification: expectedClassification(row),
      criteria: criterionCodes.map((criterion, i) => ({
        criterion,
        status: expectedStatus[row[i]!],
        reason: { yes: 'answered_yes', no: 'answered_no', unsure: 'answered_unsure' }[row[i]!],
      })),
    };
    for (const extra of [{}, calm]) {
      const result = assessSelfCheck({ ...criteriaInput(row), ...extra });
      expect({ classification: result.classification, criteria: result.criteria }).toEqual(expected);
    }
    // A missing answer is treated like "unsure", with its own reason code.
    const missing = assessSelfCheck(criteriaInput(row.map((a) => (a === 'unsure' ? undefined : a))));
    expect(missing.classification).toBe(expected.classification);
    expect(missing.criteria.map((c) => c.reason)).toEqual(row.map((a) => ({ yes: 'answered_yes', no: 'answered_no', unsure: 'not_answered' })[a]));
  });
});

describe('other answers settle an unclear criterion, never overrule an answer', () => {
  const allYes = { principal_agent: 'yes', forceful_attempt: 'yes', improper_content_and_means: 'yes', recognised_as_violation: 'yes' } as const;
  it.each([
    ['principal_agent', 'unsure', { source: 'political_administrative' }, 'holds', 'source_outside_line'],
    ['principal_agent', undefined, { source: 'political_administrative' }, 'holds', 'source_outside_line'],
    ['principal_agent', 'no', { source: 'political_administrative' }, 'does_not_hold', 'answered_no'],
    ['principal_agent', 'unsure', { source: 'director_board' }, 'unclear', 'answered_unsure'],
    ['forceful_attempt', 'unsure', { career_link: 'yes' }, 'holds', 'linked_to_career'],
    ['forceful_attempt', 'no', { career_link: 'yes' }, 'does_not_hold', 'answered_no'],
    ['forceful_attempt', undefined, { career_link: 'no' }, 'unclear', 'not_answered'],
    ['recognised_as_violation', 'unsure', { colleagues_recognise: 'yes' }, 'holds', 'colleagues_would_recognise'],
    ['recognised_as_violation', 'unsure', { colleagues_recognise: 'unsure' }, 'unclear', 'answered_unsure'],
    ['recognised_as_violation', 'no', { colleagues_recognise: 'yes' }, 'does_not_hold', 'answered_no'],
  ] as const)('%s answered %s with %o: %s (%s)', (criterion, answer, extra, status, reason) => {
    const result = assessSelfCheck({ ...allYes, [criterion]: answer, ...extra });
    expect(result.criteria.find((c) => c.criterion === criterion)).toEqual({ criterion, status, reason });
    expect(result.classification).toBe(status === 'holds' ? 'improper_pressure' : criterion === 'forceful_attempt' ? 'disagreement' : 'other_pressure');
  });
});

describe('seriousness', () => {
  it.each([
    ['nothing answered', {}, 0, 1, []],
    ['"none" is not a public interest', { public_interest: ['none'] }, 0, 1, []],
    ['repeated', { repetition: 'repeated' }, 1, 1, ['repeated']],
    ['explicit', { explicitness: 'explicit' }, 1, 1, ['explicit']],
    ['career', { career_link: 'yes' }, 2, 1, ['linked_to_career']],
    ['public interest', { public_interest: ['money_wasted'] }, 2, 1, ['public_interest_at_stake']],
    ['several public interests count once', { public_interest: ['wrong_information', 'money_wasted', 'unsafe', 'public_misled'] }, 2, 1, ['public_interest_at_stake']],
    ['direct manager', { source: 'direct_manager' }, 1, 1, ['powerful_source']],
    ['director or board', { source: 'director_board' }, 1, 1, ['powerful_source']],
    ['political or administrative', { source: 'political_administrative' }, 1, 1, ['powerful_source']],
    ['a colleague is not a powerful source', { source: 'colleague' }, 0, 1, []],
    ['colleagues recognise it', { colleagues_recognise: 'yes' }, 1, 1, ['colleagues_recognise']],
    // The edges between levels.
    ['2 points: still level 1', { repetition: 'repeated', explicitness: 'explicit' }, 2, 1, ['repeated', 'explicit']],
    ['3 points: level 2', { repetition: 'repeated', explicitness: 'explicit', source: 'direct_manager' }, 3, 2, ['repeated', 'explicit', 'powerful_source']],
    ['4 points: still level 2', { career_link: 'yes', public_interest: ['unsafe'] }, 4, 2, ['linked_to_career', 'public_interest_at_stake']],
    ['5 points: level 3', { career_link: 'yes', public_interest: ['unsafe'], repetition: 'repeated' }, 5, 3, ['repeated', 'linked_to_career', 'public_interest_at_stake']],
    [
      'everything: 8 points',
      { repetition: 'repeated', explicitness: 'explicit', career_link: 'yes', public_interest: ['unsafe'], source: 'director_board', colleagues_recognise: 'yes' },
      8,
      3,
      ['repeated', 'explicit', 'linked_to_career', 'public_interest_at_stake', 'powerful_source', 'colleagues_recognise'],
    ],
    ['the calm answers add nothing', calm, 0, 1, []],
  ] as const)('%s', (_name, answers, score, level, reasons) => {
    expect(assessSelfCheck(answers).seriousness).toEqual({ score, level, reasons });
  });

  it('does not depend on the criteria answers', () => {
    const serious = { career_link: 'yes', public_interest: ['unsafe'], repetition: 'repeated' } as const;
    for (const row of allCriteriaAnswers) expect(assessSelfCheck({ ...criteriaInput(row), ...serious }).seriousness.level).toBe(3);
  });
});

describe('next steps', () => {
  // Criteria patterns giving each classification, with and without an unclear criterion.
  const criteriaPatterns: Tri[][] = [
    ['yes', 'yes', 'yes', 'yes'],
    ['yes', 'yes', 'no', 'yes'],
    ['unsure', 'yes', 'yes', 'yes'],
    ['yes', 'no', 'yes', 'yes'],
    ['no', 'unsure', 'no', 'no'],
  ];
  const opt = <T,>(values: T[]) => [...values, undefined];
  // Every combination of the answers the ranking reads: 77,760 cases.
  const cases: SelfCheckAnswersInput[] = [];
  for (const row of criteriaPatterns)
    for (const repetition of opt(['repeated', 'once'] as const))
      for (const explicitness of opt(['explicit', 'implied'] as const))
        for (const career_link of opt(['yes', 'no'] as const))
          for (const public_interest of [undefined, ['none'], ['money_wasted'], ['unsafe', 'public_misled']])
            for (const source of opt(['direct_manager', 'director_board', 'colleague', 'political_administrative', 'other'] as const))
              for (const colleagues_recognise of opt(['yes', 'no', 'unsure'] as const))
                for (const asked_source of opt(['yes', 'no'] as const))
                  cases.push({ ...criteriaInput(row), repetition, explicitness, career_link, public_interest, source, colleagues_recognise, asked_source });
  const results = cases.map((answers) => ({ answers, result: assessSelfCheck(answers) }));
  const publicInterest = (answers: SelfCheckAnswersInput) => Array.isArray(answers.public_interest) && answers.public_interest.some((v) => v !== 'none');

  it('reaches every level and classification in the generated cases', () => {
    expect(new Set(results.map(({ result }) => result.seriousness.level))).toEqual(new Set([1, 2, 3]));
    expect(new Set(results.map(({ result }) => result.classification))).toEqual(new Set(['improper_pressure', 'other_pressure', 'disagreement']));
  });

  it('always lists all five steps, once each', () => {
    for (const { result } of results) expect([...result.nextSteps].sort()).toEqual([...nextSteps].sort());
  });

  it('puts checking with the source first at level 1 when the source has not been asked', () => {
    const matching = results.filter(({ answers, result }) => result.seriousness.level === 1 && answers.asked_source !== 'yes');
    expect(matching.length).toBeGreaterThan(0);
    for (const { result } of matching) expect(result.nextSteps[0]).toBe('check_with_source');
  });

  it('never puts checking with the source first once it has been asked', () => {
    for (const { answers, result } of results) if (answers.asked_source === 'yes') expect(result.nextSteps[0]).not.toBe('check_with_source');
  });

  it('never puts checking with the source first at level 3, in particular not with the direct manager', () => {
    const matching = results.filter(({ answers, result }) => result.seriousness.level === 3 && answers.source === 'direct_manager');
    expect(matching.length).toBeGreaterThan(0);
    for (const { result } of results) if (result.seriousness.level === 3) expect(result.nextSteps[0]).not.toBe('check_with_source');
  });

  it('puts the commission and the external route in the top two at level 3 with the public interest at stake', () => {
    const matching = results.filter(({ answers, result }) => result.seriousness.level === 3 && publicInterest(answers));
    expect(matching.length).toBeGreaterThan(0);
    for (const { result } of matching) expect(result.nextSteps.slice(0, 2)).toEqual(['report_to_commission', 'external_route']);
  });

  it('keeps the external route out of the top two below level 3', () => {
    for (const { result } of results) if (result.seriousness.level < 3) expect(result.nextSteps.slice(0, 2)).not.toContain('external_route');
  });

  const allYes = { principal_agent: 'yes', forceful_attempt: 'yes', improper_content_and_means: 'yes', recognised_as_violation: 'yes' } as const;
  it.each<[string, SelfCheckAnswersInput, NextStep[]]>([
    ['level 1 improper pressure, source not asked', { ...allYes, asked_source: 'no' }, ['check_with_source', 'confidential_advisor', 'report_to_commission', 'ethics_panel', 'external_route']],
    ['level 1 improper pressure, source asked', { ...allYes, asked_source: 'yes' }, ['confidential_advisor', 'report_to_commission', 'ethics_panel', 'check_with_source', 'external_route']],
    [
      'level 1 disagreement, source asked: an outside view first',
      { principal_agent: 'no', forceful_attempt: 'no', improper_content_and_means: 'no', recognised_as_violation: 'no', asked_source: 'yes' },
      ['ethics_panel', 'confidential_advisor', 'check_with_source', 'report_to_commission', 'external_route'],
    ],
    [
      'level 1 other pressure with an unclear criterion, source asked',
      { ...allYes, recognised_as_violation: 'unsure', asked_source: 'yes' },
      ['ethics_panel', 'confidential_advisor', 'report_to_commission', 'check_with_source', 'external_route'],
    ],
    [
      'level 2 improper pressure from the direct manager',
      { ...allYes, repetition: 'repeated', explicitness: 'explicit', source: 'direct_manager', asked_source: 'no' },
      ['report_to_commission', 'confidential_advisor', 'ethics_panel', 'check_with_source', 'external_route'],
    ],
    [
      'level 2 other pressure, colleague, not asked',
      { ...allYes, improper_content_and_means: 'no', career_link: 'yes', public_interest: ['money_wasted'], source: 'colleague', asked_source: 'no' },
      ['confidential_advisor', 'report_to_commission', 'check_with_source', 'ethics_panel', 'external_route'],
    ],
    [
      'level 3 without public interest',
      { ...allYes, repetition: 'repeated', explicitness: 'explicit', career_link: 'yes', source: 'direct_manager', asked_source: 'no' },
      ['report_to_commission', 'confidential_advisor', 'external_route', 'ethics_panel', 'check_with_source'],
    ],
    [
      'level 3 with public interest',
      { ...allYes, repetition: 'repeated', career_link: 'yes', public_interest: ['unsafe'], source: 'direct_manager', asked_source: 'no' },
      ['report_to_commission', 'external_route', 'confidential_advisor', 'ethics_panel', 'check_with_source'],
    ],
  ])('%s', (_name, answers, expected) => {
    expect(assessSelfCheck(answers).nextSteps).toEqual(expected);
  });
});

describe('validation', () => {
  function fieldsOf(input: unknown): string[] {
    try {
      assessSelfCheck(input);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation');
      return (error as AppError).fieldErrors.map((e) => e.field);
    }
    throw new Error('expected a validation error');
  }

  it.each<[string, unknown, string[]]>([
    ['an unknown option', { principal_agent: 'maybe' }, ['principal_agent']],
    ['unsure where only yes or no is offered', { asked_source: 'unsure' }, ['asked_source']],
    ['a list for a single answer', { source: ['direct_manager', 'colleague'] }, ['source']],
    ['a number', { repetition: 2 }, ['repetition']],
    ['an unknown public interest', { public_interest: ['bogus'] }, ['public_interest']],
    ['"none" with a public interest', { public_interest: ['none', 'unsafe'] }, ['public_interest']],
    ['every bad field is listed', { forceful_attempt: 'YES', career_link: true }, ['forceful_attempt', 'career_link']],
    ['not an object', null, ['form']],
    ['a string', 'yes', ['form']],
  ])('refuses %s', (_name, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('treats blank form values as unanswered and drops unknown questions', () => {
    const result = assessSelfCheck({ principal_agent: '', forceful_attempt: 'yes', public_interest: '', source: null, csrf: 'x', retired_question: 'yes' });
    expect(result.criteria.map((c) => c.reason)).toEqual(['not_answered', 'answered_yes', 'not_answered', 'not_answered']);
    expect(result.seriousness).toEqual({ score: 0, level: 1, reasons: [] });
  });

  it('accepts one ticked checkbox as a bare string', () => {
    expect(assessSelfCheck({ public_interest: 'unsafe' }).seriousness.reasons).toEqual(['public_interest_at_stake']);
  });
});

describe('carry-over', () => {
  it('lists what was answered, in question order, codes only', () => {
    expect(
      carryOverText({
        asked_source: 'no',
        public_interest: ['unsafe', 'wrong_information', 'unsafe'],
        principal_agent: 'unsure',
        forceful_attempt: '',
        source: 'director_board',
        csrf: 'not carried',
      }),
    ).toEqual([
      { code: 'principal_agent', valueCodes: ['unsure'] },
      { code: 'public_interest', valueCodes: ['wrong_information', 'unsafe'] },
      { code: 'source', valueCodes: ['director_board'] },
      { code: 'asked_source', valueCodes: ['no'] },
    ]);
  });

  it('carries every question when everything is answered, and nothing when nothing is', () => {
    const full = { ...Object.fromEntries(criterionCodes.map((c) => [c, 'yes'])), ...calm };
    expect(carryOverText(full).map((c) => c.code)).toEqual(selfCheckQuestions.map((q) => q.code));
    expect(carryOverText({})).toEqual([]);
  });

  it('refuses what the assessment refuses', () => {
    expect(() => carryOverText({ source: 'the_minister' })).toThrow(AppError);
  });
});

describe('the questions', () => {
  it('have unique snake_case codes and put the four criteria first, in order', () => {
    const codes = selfCheckQuestions.map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const q of selfCheckQuestions) {
      expect(q.code).toMatch(/^[a-z_]+$/);
      for (const option of q.options) expect(option).toMatch(/^[a-z_]+$/);
    }
    expect(codes.slice(0, 4)).toEqual([...criterionCodes]);
    expect(selfCheckQuestions.filter((q) => q.group === 'criteria').map((q) => q.code)).toEqual([...criterionCodes]);
  });
});

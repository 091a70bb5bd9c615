import { describe, expect, it } from 'vitest';
import { standardQuestions } from './questions.js';
import { auditDisclosure } from './disclosure-audit.js';
import { publishedKnowledge } from './published-knowledge.js';
import { additiveTables, computeResults, countCells, groupId, publishedN, share } from './results.js';
import type { WaveSummary } from './waves.js';

const K = 10;
const org = (id: string, sector: string) => ({ id, name: id, sector, invited: 0, responses: 0 });
const wave: WaveSummary = {
  id: 'w',
  name: 'w',
  status: 'open',
  createdAt: new Date(0),
  questions: standardQuestions,
  hasOpenLink: false,
  organisations: [org('A', 'municipality'), org('B', 'municipality'), org('C', 'province')],
};
const at = (code: string) => standardQuestions.findIndex((q) => q.code === code);

/** A response with FP1, PRESSURE (1 yes, 2 no) and LEVEL (1-based) set; everything else unanswered. */
function response(organisationId: string, fp1: number | null, pressure: number | null, level: number | null) {
  const answers: Array<number | null> = standardQuestions.map(() => null);
  answers[at('FP1')] = fp1;
  answers[at('PRESSURE')] = pressure;
  answers[at('LEVEL')] = level;
  return { organisationId, answers };
}

// Hand-computed fixture. A: 12 answers to FP1, 7 agree (4-5), 4 disagree (1-2), 1 neutral.
// B: 15, all disagree. C: 3 (too few). A's pressure group: 6 yes, 6 no.
const rows = [
  ...[5, 5, 4, 4, 4, 3, 2, 1, 1, 1, 5, 4].map((v, i) => response('A', v, i < 6 ? 1 : 2, i < 11 ? 1 : 2)),
  ...Array.from({ length: 15 }, () => response('B', 2, 2, 1)),
  ...[4, 4, 5].map((v) => response('C', v, 1, 3)),
];

describe('survey results', () => {
  const results = computeResults(wave, rows, K);
  const fp1 = results.statements.find((s) => s.code === 'FP1')!;
  const f = (id: string) => fp1.figures.get(id)!;

  it('match the hand-computed shares', () => {
    expect(f(groupId.org('A'))).toEqual({ kind: 'shown', n: 12, agree: 7, disagree: 4 });
    expect(share(f(groupId.org('A')), 'agree')).toBe(58.3);
    expect(share(f(groupId.org('A')), 'disagree')).toBe(33.3);
    expect(share(f(groupId.org('B')), 'disagree')).toBe(100);
    // The municipalities together: 7 of 27 agree.
    expect(share(f(groupId.sector('municipality')), 'agree')).toBe(25.9);
    // "All others" for C is A and B together.
    expect(share(f(groupId.others('C')), 'agree')).toBe(25.9);
    // A's pressure groups: the first six answers (5,5,4,4,4,3) are "yes": 5 of 6 agree; but 6 < k.
    expect(f(groupId.pressure('A', 'yes')).kind).toBe('hidden');
  });

  it('suppress the small organisation and everything it could be subtracted from', () => {
    expect(f(groupId.org('C')).kind).toBe('hidden');
    expect(f(groupId.sector('province')).kind).toBe('hidden');
    // others(A) = B + C and B is shown: others(A) must go. Likewise others(B) = A + C.
    expect(f(groupId.others('A')).kind).toBe('hidden');
    expect(f(groupId.others('B')).kind).toBe('hidden');
    expect(f(groupId.org('A')).kind).toBe('shown');
    expect(f(groupId.org('B')).kind).toBe('shown');
  });

  it('hide figures as a type without numbers', () => {
    const hidden = f(groupId.org('C'));
    expect(hidden).toEqual({ kind: 'hidden' });
    expect(publishedN(hidden)).toBeNull();
    expect(share(hidden, 'agree')).toBeNull();
  });

  it('leave no hidden cell determined more narrowly than k, from everything published', () => {
    const counted = countCells(wave, rows);
    const tables = additiveTables(wave, counted.levels);
    const known = publishedKnowledge(results, wave.organisations);
    for (const statement of counted.statements) {
      const truth = new Map([...statement.cells].map(([id, c]) => [id, c.n]));
      expect(auditDisclosure(truth, known.get(statement.code)!, tables, K), statement.code).toEqual([]);
      // And every shown figure rests on k or more, or on nobody.
      for (const [id, fig] of results.statements.find((s) => s.code === statement.code)!.figures) if (fig.kind === 'shown') expect(fig.n >= K, `${statement.code} ${id}`).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { standardQuestions } from './questions.js';
import { auditDisclosure } from './disclosure-audit.js';
import { publishedKnowledge, publishedPressureKnowledge } from './published-knowledge.js';
import { additiveTables, computeResults, countCells, groupId, pressureTables, publishedN, share } from './results.js';
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
    const tables = additiveTables(wave, counted.levels, counted.sectorAnswers);
    const known = publishedKnowledge(results, wave.organisations);
    for (const statement of counted.statements) {
      const truth = new Map([...statement.cells].map(([id, c]) => [id, c.n]));
      expect(auditDisclosure(truth, known.get(statement.code)!, tables, K), statement.code).toEqual([]);
      // And every shown figure rests on k or more, or on nobody.
      for (const [id, fig] of results.statements.find((s) => s.code === statement.code)!.figures) if (fig.kind === 'shown') expect(fig.n >= K, `${statement.code} ${id}`).toBe(true);
    }
  });
});

// The monitor's headline, hand-computed. Four organisations, two sectors; everyone answers PRESSURE.
//   A (municipality) 40: 20 yes. B (municipality) 30: 12 yes; its last 5 say their sector is "other".
//   C (province) 30: 15 yes. D (province) 20: 4 yes (too few pressured for their details).
// Among the pressured, SOURCE: direct manager A 14, B 6, C 9, D 4; director A 6, B 6, C 3, D 0.
describe('the monitor headline: the pressured share and what they named', () => {
  const orgs = [org('A', 'municipality'), org('B', 'municipality'), org('C', 'province'), org('D', 'province')];
  const headlineWave: WaveSummary = { ...wave, organisations: orgs };
  const sourceBits = (code: string) => 1 << standardQuestions[at('SOURCE')]!.options!.findIndex((o) => o.code === code);
  const sectorAnswer = (code: string) => standardQuestions[at('SECTOR')]!.options!.findIndex((o) => o.code === code) + 1;
  const plan: Array<[string, number, number, number, number]> = [
    // organisation, respondents, pressured, of whom named the direct manager, named the director
    ['A', 40, 20, 14, 6],
    ['B', 30, 12, 6, 6],
    ['C', 30, 15, 9, 3],
    ['D', 20, 4, 4, 0],
  ];
  const headlineRows = plan.flatMap(([id, size, yes, manager, director]) =>
    Array.from({ length: size }, (_, i) => {
      const answers: Array<number | null> = standardQuestions.map(() => null);
      answers[at('PRESSURE')] = i < yes ? 1 : 2;
      // The first `manager` pressured named the manager, the last `director` of them the director.
      if (i < yes) answers[at('SOURCE')] = (i < manager ? sourceBits('direct_manager') : 0) | (i >= yes - director ? sourceBits('director') : 0) || null;
      answers[at('SECTOR')] = sectorAnswer(id === 'B' && i >= size - 5 ? 'other' : id === 'A' || id === 'B' ? 'municipality' : 'province');
      return { organisationId: id, answers };
    }),
  );
  const results = computeResults(headlineWave, headlineRows, K);
  const pressured = (id: string) => share(results.pressure!.share.figures.get(id), 'agree');
  const named = (option: string, id: string) => results.pressure!.details.find((d) => d.code === 'SOURCE')!.options.find((o) => o.code === option)!.figures.get(id)!;

  it('reports the share who were pressured, per organisation, sector and everyone', () => {
    expect(pressured(groupId.org('A'))).toBe(50);
    expect(pressured(groupId.org('B'))).toBe(40);
    expect(pressured(groupId.org('C'))).toBe(50);
    expect(pressured(groupId.org('D'))).toBe(20);
    // Municipalities 32 of 70, provinces 19 of 50, everyone 51 of 120.
    expect(pressured(groupId.sector('municipality'))).toBe(45.7);
    expect(pressured(groupId.sector('province'))).toBe(38);
    expect(pressured(groupId.all)).toBe(42.5);
  });

  it('benchmarks by the respondent\'s own sector answer, with the same suppression', () => {
    expect(results.hasSectorAnswers).toBe(true);
    // Who said "municipality": A's 40 and B's first 25 (all 12 of B's pressured): 32 of 65.
    expect(pressured(groupId.answer('municipality'))).toBe(49.2);
    // Five said "other": hidden, and with it one more answer group, or "other" = everyone minus the rest.
    expect(results.pressure!.share.figures.get(groupId.answer('other'))).toEqual({ kind: 'hidden' });
    expect(results.pressure!.share.figures.get(groupId.answer('province'))).toEqual({ kind: 'hidden' });
  });

  it('reports, among the pressured, the share who named each source', () => {
    expect(named('direct_manager', groupId.org('A'))).toEqual({ kind: 'shown', n: 20, agree: 14, disagree: 6 });
    expect(share(named('direct_manager', groupId.org('A')), 'agree')).toBe(70);
    expect(share(named('director', groupId.org('A')), 'agree')).toBe(30);
    expect(share(named('direct_manager', groupId.org('B')), 'agree')).toBe(50);
    expect(share(named('direct_manager', groupId.org('C')), 'agree')).toBe(60);
    // The municipalities' 32 pressured: 20 named their manager, 12 the director.
    expect(share(named('direct_manager', groupId.sector('municipality')), 'agree')).toBe(62.5);
    expect(share(named('director', groupId.sector('municipality')), 'agree')).toBe(37.5);
    expect(share(named('direct_manager', groupId.answer('municipality')), 'agree')).toBe(62.5);
  });

  it('hides what a small group of pressured named, and whatever it could be subtracted from', () => {
    // D's 4 pressured: hidden, though D's share of pressured (4 of 20) is shown.
    expect(results.pressure!.share.figures.get(groupId.org('D'))!.kind).toBe('shown');
    for (const option of ['direct_manager', 'director', 'colleague']) {
      expect(named(option, groupId.org('D'))).toEqual({ kind: 'hidden' });
      // Provinces = C + D, and everyone = municipalities + provinces.
      expect(named(option, groupId.sector('province'))).toEqual({ kind: 'hidden' });
      expect([named(option, groupId.all).kind, named(option, groupId.sector('municipality')).kind]).toContain('hidden');
    }
    // A group whose share of pressured is hidden keeps its details hidden, even when empty: an
    // empty detail would say that nobody in it was pressured.
    expect(named('direct_manager', groupId.answer('other'))).toEqual({ kind: 'hidden' });
  });

  it('leaves no hidden figure of the headline recoverable from everything the pages publish, with either benchmark', () => {
    const counted = countCells(headlineWave, headlineRows);
    const tables = pressureTables(headlineWave, counted.sectorAnswers);
    const known = publishedPressureKnowledge(results, orgs);
    const truthOf = (cells: Map<string, { n: number }>) => new Map([...cells].map(([id, c]) => [id, c.n]));
    expect(auditDisclosure(truthOf(counted.pressure!.share.cells), known.get('PRESSURE')!, tables, K, { zeroRest: true })).toEqual([]);
    for (const detail of counted.pressure!.details) {
      for (const option of detail.options) {
        const failures = auditDisclosure(truthOf(option.cells), known.get(`${detail.code}:${option.code}`)!, tables, K, { zeroRest: true, sizePublic: true });
        expect(failures, `${detail.code}:${option.code}`).toEqual([]);
      }
    }
    // The attack by hand: D's pressured who named their manager = provinces - C, or everyone - municipalities - C.
    const dm = (id: string) => named('direct_manager', id);
    const shownBoth = (a: string, b: string) => dm(a).kind === 'shown' && dm(b).kind === 'shown';
    expect(shownBoth(groupId.sector('province'), groupId.org('C'))).toBe(false);
    expect(shownBoth(groupId.all, groupId.sector('municipality')) && dm(groupId.org('C')).kind === 'shown').toBe(false);
  });
});

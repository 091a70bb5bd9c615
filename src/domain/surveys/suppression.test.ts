import { describe, expect, it } from 'vitest';
import { auditDisclosure, boundCells, countsForShare, exactly, protects, type Knowledge } from './disclosure-audit.js';
import { Polytope } from './linear-program.js';
import { publishedKnowledge, publishedPressureKnowledge } from './published-knowledge.js';
import { standardQuestions } from './questions.js';
import { additiveTables, computeResults, countCells, groupId, pressureTables, share, type WaveResults } from './results.js';
import { suppressCells, type AdditiveTable, type CellCounts } from './suppression.js';

const K = 10;
const at = (code: string) => standardQuestions.findIndex((q) => q.code === code);
const statementsUsed = ['FP1', 'FP2', 'FP8'];

/** A response with some statements, PRESSURE (1 yes, 2 no, null) and LEVEL (1-based or null). */
function response(organisationId: string, answers: Record<string, number | null>, pressure: number | null, level: number | null) {
  const row: Array<number | null> = standardQuestions.map(() => null);
  for (const [code, v] of Object.entries(answers)) row[at(code)] = v;
  row[at('PRESSURE')] = pressure;
  row[at('LEVEL')] = level;
  return { organisationId, answers: row };
}

type Org = { id: string; name: string; sector: string };
const org = (id: string, sector: string): Org => ({ id, name: id, sector });

/**
 * The audit of one computed wave, twice: (1) what every page and CSV export shows, read through
 * their own presenters, with shares as the rounding intervals they are; (2) a stronger attacker
 * who also knows every figure that is not hidden exactly, including those on no page (everyone,
 * and who left the pressure question open: e.g. knowing the form requires it).
 */
function auditWave(organisations: Org[], rows: ReturnType<typeof response>[], results: WaveResults = computeResults({ questions: standardQuestions, organisations }, rows, K)) {
  const counted = countCells({ questions: standardQuestions, organisations }, rows);
  const tables = additiveTables({ organisations }, counted.levels, counted.sectorAnswers);
  const published = publishedKnowledge(results, organisations);
  const failures: string[] = [];
  for (const statement of counted.statements) {
    const truth = new Map([...statement.cells].map(([id, c]) => [id, c.n]));
    const figures = results.statements.find((s) => s.code === statement.code)!.figures;
    const strong = new Map<string, Knowledge>();
    for (const [id, c] of statement.cells) strong.set(id, figures.get(id)!.kind === 'hidden' ? { kind: 'hidden' } : exactly(c.n, c.agree, c.disagree));
    for (const [name, known] of [
      ['pages and CSV', published.get(statement.code)!],
      ['everything not hidden', strong],
    ] as const) {
      for (const f of auditDisclosure(truth, known, tables, K)) failures.push(`${statement.code} (${name}): ${f.cell} ${f.quantity} in [${f.bounds.lo}, ${f.bounds.hi}], true n ${truth.get(f.cell)}`);
    }
  }
  return { failures, results, counted, tables, published };
}

describe('the linear-programming bounds', () => {
  it('solve small programs exactly, including unbounded ones', () => {
    // x + y = 10, x - y >= 2, x, y >= 0: x in [6, 10], y in [0, 4].
    const p = new Polytope(2, [
      { terms: [[0, 1], [1, 1]], sense: '=', rhs: 10 },
      { terms: [[0, 1], [1, -1]], sense: '>=', rhs: 2 },
    ]);
    expect(p.minimise(new Map([[0, 1]]))).toBeCloseTo(6);
    expect(p.maximise(new Map([[0, 1]]))).toBeCloseTo(10);
    expect(p.maximise(new Map([[1, 1]]))).toBeCloseTo(4);
    // x - y = 3: y is unbounded above, x at least 3.
    const q = new Polytope(2, [{ terms: [[0, 1], [1, -1]], sense: '=', rhs: 3 }]);
    expect(q.maximise(new Map([[1, 1]]))).toBe(Infinity);
    expect(q.minimise(new Map([[0, 1]]))).toBeCloseTo(3);
    expect(() => new Polytope(1, [{ terms: [[0, 1]], sense: '<=', rhs: -1 }])).toThrow();
  });

  it('read a rounded share back as exactly the counts that round to it', () => {
    for (let n = 1; n <= 2500; n += n < 300 ? 1 : 37) {
      for (let a = 0; a <= n; a += n < 300 ? 1 : 11) {
        const interval = countsForShare(Math.round((a / n) * 1000) / 10, n);
        expect(interval.lo <= a && a <= interval.hi, `${a}/${n}`).toBe(true);
        for (const other of [interval.lo - 1, interval.hi + 1]) if (other >= 0 && other <= n) expect(Math.round((other / n) * 1000) / 10).not.toBe(Math.round((a / n) * 1000) / 10);
      }
    }
  });

  it('see through two splits of one total (the attack of issue 12)', () => {
    // Everyone = A + others (65) = yes (23) + no (48): A = 6 and its agreeing count fall out.
    const known = new Map<string, Knowledge>([
      ['A', { kind: 'hidden' }],
      ['others', exactly(65, 20, 30)],
      ['yes', exactly(23, 10, 5)],
      ['no', exactly(48, 14, 27)],
    ]);
    const tables: AdditiveTable[] = [
      { total: 'all', parts: ['A', 'others'] },
      { total: 'all', parts: ['yes', 'no'] },
    ];
    const b = boundCells(known, tables, ['A']).get('A')!;
    expect(b.n).toEqual({ lo: 6, hi: 6 });
    expect(b.agree).toEqual({ lo: 4, hi: 4 });
    expect(auditDisclosure(new Map([['A', 6]]), known, tables, K).map((f) => f.quantity)).toContain('n');
  });

  it('states the criterion: n at least k wide; an answer count may be narrow only when nothing can be attributed', () => {
    expect(protects('n', { lo: 1, hi: 10 }, K)).toBe(false);
    expect(protects('n', { lo: 1, hi: 11 }, K)).toBe(true);
    expect(protects('agree', { lo: 0, hi: 2 }, K)).toBe(true);
    expect(protects('agree', { lo: 2, hi: 5 }, K)).toBe(false);
    expect(protects('agree', { lo: 2, hi: 12 }, K)).toBe(true);
  });
});

describe('small-number suppression', () => {
  const cells = (entries: Record<string, [number, number, number]>) => new Map(Object.entries(entries).map(([id, [n, agree, disagree]]): [string, CellCounts] => [id, { n, agree, disagree }]));
  const auditOf = (c: Map<string, CellCounts>, tables: AdditiveTable[], hidden: Set<string>) =>
    auditDisclosure(
      new Map([...c].map(([id, x]) => [id, x.n])),
      new Map([...c].map(([id, x]): [string, Knowledge] => [id, hidden.has(id) ? { kind: 'hidden' } : exactly(x.n, x.agree, x.disagree)])),
      tables,
      K,
    );

  it('suppresses a small cell and enough other parts, keeping the total', () => {
    const c = cells({ org: [60, 12, 30], junior: [4, 2, 1], medior: [20, 4, 10], senior: [36, 6, 19] });
    const tables = [{ total: 'org', parts: ['junior', 'medior', 'senior'] }];
    const hidden = suppressCells(c, tables, K);
    expect(hidden.has('junior')).toBe(true);
    expect(hidden.has('org')).toBe(false);
    expect(auditOf(c, tables, hidden)).toEqual([]);
  });

  it('hides the total when no part is left to hide, and leaves empty cells empty', () => {
    // yes and none hidden: yes is then between 1 and 10, nine apart: not enough, so org goes too.
    const c = cells({ org: [11, 3, 3], yes: [3, 1, 1], no: [0, 0, 0], none: [8, 2, 2] });
    const tables = [{ total: 'org', parts: ['yes', 'no', 'none'] }];
    const hidden = suppressCells(c, tables, K);
    expect(hidden.has('no')).toBe(false);
    expect(hidden.has('org')).toBe(true);
    expect(auditOf(c, tables, hidden)).toEqual([]);
  });

  it('closes the second split of a total: one organisation, all others, and everyone by pressure', () => {
    const c = cells({ all: [71, 24, 35], A: [6, 4, 1], others: [65, 20, 34], yes: [23, 10, 5], no: [48, 14, 30] });
    const tables: AdditiveTable[] = [
      { total: 'all', parts: ['A', 'others'], preferTotal: true },
      { total: 'all', parts: ['yes', 'no'], preferTotal: true },
    ];
    const hidden = suppressCells(c, tables, K);
    // The old rule hid A and everyone, and left others, yes and no: 23 + 48 - 65 = 6. Now one more
    // of them goes too (here yes: A = yes - 17, with no upper bound).
    expect(['others', 'yes', 'no'].filter((id) => hidden.has(id)).length).toBeGreaterThan(0);
    expect(auditOf(c, tables, hidden)).toEqual([]);
  });
});

describe('no hidden cell of a wave can be recovered from its pages and CSV exports', () => {
  it('in the example of issue 12: an organisation of 6, all others 65, everyone by pressure 23 + 48', () => {
    const organisations = [org('A', 'municipality'), org('B', 'municipality'), org('C', 'province'), org('D', 'province')];
    // A: 6 respondents (4 agree); B 20, C 25, D 20 (65 others). Pressure yes: 2 in A, 21 elsewhere (23); no: 48.
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => response('A', { FP1: i < 4 ? 5 : 1, FP2: 3, FP8: 4 }, i < 2 ? 1 : 2, 1)),
      ...Array.from({ length: 20 }, (_, i) => response('B', { FP1: i < 8 ? 4 : 2, FP2: 2, FP8: 4 }, i < 7 ? 1 : 2, 1 + (i % 3))),
      ...Array.from({ length: 25 }, (_, i) => response('C', { FP1: i < 10 ? 4 : 3, FP2: 5, FP8: 2 }, i < 7 ? 1 : 2, 1 + (i % 2))),
      ...Array.from({ length: 20 }, (_, i) => response('D', { FP1: i < 5 ? 4 : 1, FP2: 4, FP8: 4 }, i < 7 ? 1 : 2, 2)),
    ];
    const { failures, results, counted } = auditWave(organisations, rows);
    const fp1 = counted.statements.find((s) => s.code === 'FP1')!.cells;
    expect(fp1.get(groupId.org('A'))!.n).toBe(6);
    expect(fp1.get(groupId.others('A'))!.n).toBe(65);
    expect([fp1.get(groupId.allPressure('yes'))!.n, fp1.get(groupId.allPressure('no'))!.n]).toEqual([23, 48]);
    const shown = results.statements.find((s) => s.code === 'FP1')!.figures;
    expect(shown.get(groupId.org('A'))).toEqual({ kind: 'hidden' });
    expect(failures).toEqual([]);
    // B, C and D keep their own figures.
    for (const id of ['B', 'C', 'D']) expect(share(shown.get(groupId.org(id)), 'agree')).not.toBeNull();
  });

  it('for many random waves, whatever the combination of pages and exports', () => {
    let seed = 20260412;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    let hiddenTotal = 0;
    for (let round = 0; round < 60; round++) {
      const organisations = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => org(`O${i}`, pick(['municipality', 'province', 'water_authority'])));
      const rows: ReturnType<typeof response>[] = [];
      for (const o of organisations) {
        // Sizes from very small to comfortable, levels skewed so that some are small.
        const size = pick([0, 1, 3, 6, 9, 12, 15, 25, 40, 70]);
        const pYes = random();
        for (let r = 0; r < size; r++) {
          const answers: Record<string, number | null> = {};
          for (const code of statementsUsed) answers[code] = random() < 0.1 ? null : 1 + Math.floor(random() * random() * 5.99);
          const pressure = random() < 0.05 ? null : random() < pYes ? 1 : 2;
          const level = random() < 0.05 ? null : random() < 0.6 ? 1 : random() < 0.6 ? 2 : 3 + Math.floor(random() * 2);
          const row = response(o.id, answers, pressure, level);
          // Half the waves carry the respondent's own sector: the benchmark by answer, a second split of everyone.
          if (round % 2 === 1) row.answers[at('SECTOR')] = random() < 0.1 ? null : 1 + Math.floor(random() * random() * 5);
          rows.push(row);
        }
      }
      const { failures, results } = auditWave(organisations, rows);
      expect(failures, `round ${round}`).toEqual([]);
      for (const st of results.statements) for (const f of st.figures.values()) if (f.kind === 'hidden') hiddenTotal++;
    }
    // The random waves did exercise suppression.
    expect(hiddenTotal).toBeGreaterThan(300);
  });
});

describe('no hidden figure of the monitor\'s headline can be recovered', () => {
  /**
   * The headline's audit, twice as above: what the pages and CSV exports publish (either benchmark),
   * and everything not hidden known exactly, the size of every group of pressured included.
   */
  function auditHeadline(organisations: Org[], rows: Array<{ organisationId: string; answers: Array<number | null> }>) {
    const wave = { questions: standardQuestions, organisations };
    const results = computeResults(wave, rows, K);
    const counted = countCells(wave, rows);
    const tables = pressureTables({ organisations }, counted.sectorAnswers);
    const published = publishedPressureKnowledge(results, organisations);
    const failures: string[] = [];
    const audit = (code: string, cells: Map<string, CellCounts>, figures: Map<string, { kind: string }>, options: { zeroRest: boolean; sizePublic?: boolean }) => {
      const truth = new Map([...cells].map(([id, c]) => [id, c.n]));
      const strong = new Map<string, Knowledge>();
      for (const [id, c] of cells) strong.set(id, figures.get(id)!.kind !== 'hidden' ? exactly(c.n, c.agree, c.disagree) : options.sizePublic ? { kind: 'sized', n: { lo: c.n, hi: c.n } } : { kind: 'hidden' });
      for (const [name, known] of [
        ['pages and CSV', published.get(code)!],
        ['everything not hidden', strong],
      ] as const) {
        for (const f of auditDisclosure(truth, known, tables, K, options)) failures.push(`${code} (${name}): ${f.cell} ${f.quantity} in [${f.bounds.lo}, ${f.bounds.hi}], true n ${truth.get(f.cell)}`);
      }
    };
    audit('PRESSURE', counted.pressure!.share.cells, results.pressure!.share.figures, { zeroRest: true });
    counted.pressure!.details.forEach((detail, d) =>
      detail.options.forEach((option, o) => audit(`${detail.code}:${option.code}`, option.cells, results.pressure!.details[d]!.options[o]!.figures, { zeroRest: true, sizePublic: true })),
    );
    // A detail is never shown for a group whose pressured share is hidden.
    for (const detail of results.pressure!.details)
      for (const option of detail.options)
        for (const [id, f] of option.figures) if (results.pressure!.share.figures.get(id)!.kind === 'hidden') expect(f.kind, `${detail.code}:${option.code} ${id}`).toBe('hidden');
    return { failures, results };
  }

  it('for many random waves, with the organisations\' sectors and the respondents\' own', () => {
    let seed = 20261124;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const options = (code: string) => standardQuestions[at(code)]!.options!.length;
    let hidden = 0;
    for (let round = 0; round < 40; round++) {
      const organisations = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => org(`O${i}`, pick(['municipality', 'province', 'water_authority'])));
      const rows: Array<{ organisationId: string; answers: Array<number | null> }> = [];
      for (const o of organisations) {
        const size = pick([0, 1, 3, 6, 9, 12, 15, 25, 40, 70]);
        const pYes = random();
        for (let r = 0; r < size; r++) {
          const answers: Array<number | null> = standardQuestions.map(() => null);
          const pressure = random() < 0.05 ? null : random() < pYes ? 1 : 2;
          answers[at('PRESSURE')] = pressure;
          if (pressure === 1) for (const code of ['SOURCE', 'MEANS', 'AIMS']) answers[at(code)] = random() < 0.1 ? null : 1 + Math.floor(random() * ((1 << options(code)) - 1));
          answers[at('SECTOR')] = random() < 0.1 ? null : 1 + Math.floor(random() * random() * options('SECTOR'));
          rows.push({ organisationId: o.id, answers });
        }
      }
      const { failures, results } = auditHeadline(organisations, rows);
      expect(failures, `round ${round}`).toEqual([]);
      for (const f of results.pressure!.share.figures.values()) if (f.kind === 'hidden') hidden++;
      for (const d of results.pressure!.details) for (const o of d.options) for (const f of o.figures.values()) if (f.kind === 'hidden') hidden++;
    }
    expect(hidden).toBeGreaterThan(300);
  });
});

// The disclosure audit: what can an attacker who holds every published figure of a wave (every
// organisation's results page, every CSV export) work out about a cell that was not shown?
//
// Model. A cell is a group of respondents for one statement, split into three counts that are
// never negative: agree (4-5), disagree (1-2) and the rest (3), with n their sum. Every additive
// table (a total and the parts it is made of) holds for each of the three counts separately; that
// one model is exact, not a relaxation, for these tables: two splits of one group (job level,
// pressure) can always be crossed into a table with non-negative cells. What the attacker knows
// of a cell is one of:
//   shown        n exactly, agree and disagree within an interval (exact, or from a rounded share);
//   hidden       "niet getoond": only that the group is not empty (n >= 1);
//   sized        hidden, but its size is published elsewhere: n within an interval, the answers
//                unknown (the pressured of a group: their number is the pressure question's
//                figure, what they named is the hidden part);
//   unpublished  nothing (a cell that is part of the sums but on no page), so n >= 0.
// Two facts about a question can be given to the model: `zeroRest` for a question without a middle
// answer (yes or no, named or not named), whose third count is 0 in every group and known to be.
// Each count of each cell that was not shown is then bounded by linear programming over the reals
// (minimum and maximum), which is what the attacker can prove at best short of integer reasoning.
//
// The protection criterion, for every cell whose true n is between 1 and k - 1:
//   n:                         upper - lower >= k  (its size is not pinned down narrower than k);
//   agree, disagree, the rest: lower = 0 or upper - lower >= k  (no answer can be attributed to
//                              anyone in the group, or the count is as vague as its size must be).
// A shown cell with 0 < n < k fails at once. With `sizePublic` (every group's size is published
// by another figure) only the answer counts are protected, not n.

import { Polytope, type LinearRow } from './linear-program.js';
import type { AdditiveTable } from './suppression.js';

export interface Interval {
  lo: number;
  hi: number;
}

export type Knowledge = { kind: 'shown'; n: number; agree: Interval; disagree: Interval } | { kind: 'hidden' } | { kind: 'sized'; n: Interval } | { kind: 'unpublished' };

/** What holds for every cell of a question, whatever is published. */
export interface ModelFacts {
  /** The question has no middle answer: the third count (rest) is 0 in every cell. */
  zeroRest?: boolean;
}

export const counts = ['agree', 'disagree', 'rest'] as const;
export type CountName = (typeof counts)[number];
export type Quantity = 'n' | CountName;

export interface Bounds {
  n: Interval;
  agree: Interval;
  disagree: Interval;
  rest: Interval;
}

export interface Failure {
  cell: string;
  quantity: Quantity;
  bounds: Interval;
}

/** What a shown, exactly known cell tells: its counts. */
export function exactly(n: number, agree: number, disagree: number): Knowledge {
  return { kind: 'shown', n, agree: { lo: agree, hi: agree }, disagree: { lo: disagree, hi: disagree } };
}

/**
 * The counts compatible with a share published as a whole-tenths percentage, rounded as
 * `Math.round(1000 * count / n) / 10` does (halves up): an interval of whole numbers.
 */
export function countsForShare(percent: number, n: number): Interval {
  const r = Math.round(percent * 10);
  return { lo: Math.max(0, Math.ceil((n * (2 * r - 1)) / 2000)), hi: Math.min(n, Math.ceil((n * (2 * r + 1)) / 2000) - 1) };
}

/** Variables: three per cell that is not exactly known (agree, disagree, rest). */
class Model {
  readonly index = new Map<string, number>();
  readonly rows: LinearRow[] = [];
  private readonly rowCells: string[][] = [];

  constructor(
    readonly known: ReadonlyMap<string, Knowledge>,
    readonly tables: readonly AdditiveTable[],
    facts: ModelFacts = {},
  ) {
    const cells = new Set<string>([...known.keys()]);
    for (const t of tables) for (const id of [t.total, ...t.parts]) cells.add(id);
    for (const id of cells) {
      const k = this.knowledge(id);
      if (k.kind === 'shown' && k.agree.lo === k.agree.hi && k.disagree.lo === k.disagree.hi) continue;
      this.index.set(id, this.index.size * 3);
    }
    for (const id of this.index.keys()) {
      const base = this.index.get(id)!;
      const k = this.knowledge(id);
      const all: Array<[number, number]> = [
        [base, 1],
        [base + 1, 1],
        [base + 2, 1],
      ];
      if (k.kind === 'hidden') this.add({ terms: all, sense: '>=', rhs: 1 }, [id]);
      if (k.kind === 'sized') {
        this.add({ terms: all, sense: '>=', rhs: k.n.lo }, [id]);
        this.add({ terms: all, sense: '<=', rhs: k.n.hi }, [id]);
      }
      if (facts.zeroRest) this.add({ terms: [[base + 2, 1]], sense: '=', rhs: 0 }, [id]);
      if (k.kind === 'shown') {
        this.add({ terms: all, sense: '=', rhs: k.n }, [id]);
        this.add({ terms: [[base, 1]], sense: '>=', rhs: k.agree.lo }, [id]);
        this.add({ terms: [[base, 1]], sense: '<=', rhs: k.agree.hi }, [id]);
        this.add({ terms: [[base + 1, 1]], sense: '>=', rhs: k.disagree.lo }, [id]);
        this.add({ terms: [[base + 1, 1]], sense: '<=', rhs: k.disagree.hi }, [id]);
      }
    }
    for (const table of tables) {
      for (let c = 0; c < 3; c++) {
        const terms = new Map<number, number>();
        let rhs = 0;
        const involved: string[] = [];
        const term = (id: string, sign: number) => {
          const base = this.index.get(id);
          if (base === undefined) rhs -= sign * this.exact(id, c);
          else {
            terms.set(base + c, (terms.get(base + c) ?? 0) + sign);
            involved.push(id);
          }
        };
        term(table.total, -1);
        for (const p of table.parts) term(p, 1);
        if (involved.length > 0) this.add({ terms, sense: '=', rhs }, involved);
        else if (Math.abs(rhs) > 1e-9) throw new Error(`Published figures do not add up in the table of ${table.total}`);
      }
    }
  }

  knowledge(id: string): Knowledge {
    return this.known.get(id) ?? { kind: 'unpublished' };
  }

  private exact(id: string, c: number): number {
    const k = this.knowledge(id) as Extract<Knowledge, { kind: 'shown' }>;
    return c === 0 ? k.agree.lo : c === 1 ? k.disagree.lo : k.n - k.agree.lo - k.disagree.lo;
  }

  private add(row: LinearRow, cells: string[]) {
    this.rows.push(row);
    this.rowCells.push(cells);
  }

  /** The cells linked by a row, in groups: each group is one independent linear program. */
  components(): string[][] {
    const parent = new Map<string, string>([...this.index.keys()].map((id) => [id, id]));
    const find = (x: string): string => {
      let root = x;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(x, root);
      return root;
    };
    for (const cells of this.rowCells) for (const c of cells.slice(1)) parent.set(find(c), find(cells[0]!));
    const groups = new Map<string, string[]>();
    for (const id of this.index.keys()) {
      const root = find(id);
      groups.set(root, [...(groups.get(root) ?? []), id]);
    }
    return [...groups.values()];
  }

  /** The linear program of one component, with its variables renumbered from 0. */
  program(component: readonly string[]): { polytope: Polytope; variable: (id: string, c: number) => number } {
    const members = new Set(component);
    const local = new Map(component.map((id, i) => [this.index.get(id)!, i * 3]));
    const at = (j: number) => local.get(j - (j % 3))! + (j % 3);
    const rows: LinearRow[] = [];
    this.rows.forEach((row, i) => {
      if (!members.has(this.rowCells[i]![0]!)) return;
      rows.push({ ...row, terms: [...row.terms].map(([j, a]) => [at(j), a] as [number, number]) });
    });
    return { polytope: new Polytope(component.length * 3, rows), variable: (id, c) => local.get(this.index.get(id)!)! + c };
  }
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x);

/** The tightest interval for every count of each of `cells` that the published figures allow. */
export function boundCells(known: ReadonlyMap<string, Knowledge>, tables: readonly AdditiveTable[], cells: Iterable<string>, facts: ModelFacts = {}): Map<string, Bounds> {
  const model = new Model(known, tables, facts);
  const wanted = new Set(cells);
  const out = new Map<string, Bounds>();
  for (const id of wanted) {
    const k = model.knowledge(id);
    if (!model.index.has(id) && k.kind === 'shown') {
      const point = (x: number) => ({ lo: x, hi: x });
      out.set(id, { n: point(k.n), agree: point(k.agree.lo), disagree: point(k.disagree.lo), rest: point(k.n - k.agree.lo - k.disagree.lo) });
    }
  }
  for (const component of model.components()) {
    const targets = component.filter((id) => wanted.has(id));
    if (targets.length === 0) continue;
    const { polytope, variable } = model.program(component);
    for (const id of targets) out.set(id, boundsOf(polytope, (c) => variable(id, c)));
  }
  return out;
}

function boundsOf(polytope: Polytope, variable: (c: number) => number): Bounds {
  const interval = (objective: Map<number, number>) => {
    const bounds = { lo: round(polytope.minimise(objective)), hi: round(polytope.maximise(objective)) };
    // A wrong answer here would be silent; an impossible one is not.
    if (!(bounds.lo <= bounds.hi + 1e-6) || bounds.lo < -1e-6) throw new Error(`linear program lost precision: [${bounds.lo}, ${bounds.hi}]`);
    return bounds;
  };
  return {
    n: interval(new Map([0, 1, 2].map((c) => [variable(c), 1]))),
    agree: interval(new Map([[variable(0), 1]])),
    disagree: interval(new Map([[variable(1), 1]])),
    rest: interval(new Map([[variable(2), 1]])),
  };
}

/** The criterion above, for one bound. */
export function protects(quantity: Quantity, bounds: Interval, k: number): boolean {
  if (quantity !== 'n' && bounds.lo <= 1e-6) return true;
  return bounds.hi - bounds.lo >= k - 1e-6;
}

/**
 * Every protected cell (true n between 1 and k - 1) that the published figures pin down more
 * narrowly than the criterion allows. `truth` holds each cell's true n.
 * With `firstOnly`, stops at the first failure (enough to decide that more must be hidden). With
 * `passed`, skips the cells in it and adds those that pass: only valid while the hidden cells only
 * grow (suppressCells' greedy phase). `components` caches verdicts by component members, which
 * determine a component's program as long as the true counts stay the same. `zeroRest` as in
 * ModelFacts; `sizePublic`: every group's size is published elsewhere, so only the answer counts
 * of a small group are protected.
 */
export function auditDisclosure(
  truth: ReadonlyMap<string, number>,
  known: ReadonlyMap<string, Knowledge>,
  tables: readonly AdditiveTable[],
  k: number,
  options: { firstOnly?: boolean; components?: Map<string, Failure[]>; passed?: Set<string>; zeroRest?: boolean; sizePublic?: boolean } = {},
): Failure[] {
  const isProtected = (id: string) => {
    const n = truth.get(id) ?? 0;
    return n > 0 && n < k;
  };
  const failures: Failure[] = [];
  for (const [id, knowledge] of known) {
    if (knowledge.kind === 'shown' && isProtected(id)) {
      failures.push({ cell: id, quantity: 'n', bounds: { lo: knowledge.n, hi: knowledge.n } });
      if (options.firstOnly) return failures;
    }
  }
  const model = new Model(known, tables, { zeroRest: options.zeroRest });
  const quantities = options.sizePublic ? counts : (['n', ...counts] as const);
  for (const component of model.components()) {
    const targets = component.filter(isProtected);
    if (targets.length === 0) continue;
    // The verdict on a component depends only on its members and what is known around it; the
    // caller may cache it across attempts (suppressCells does), keyed by the members.
    const key = component.slice().sort().join('|');
    let found = options.components?.get(key);
    if (!found) {
      found = [];
      const { polytope, variable } = model.program(component);
      for (const id of targets.sort()) {
        // Hiding more only widens every interval: a cell that passed with fewer cells hidden passes now.
        if (options.passed?.has(id)) continue;
        const b = boundsOf(polytope, (c) => variable(id, c));
        for (const quantity of quantities) {
          if (!protects(quantity, b[quantity], k)) found.push({ cell: id, quantity, bounds: b[quantity] });
        }
        if (found.length > 0 && options.firstOnly) break;
        options.passed?.add(id);
      }
      options.components?.set(key, found);
    }
    failures.push(...found);
    if (failures.length > 0 && options.firstOnly) return failures;
  }
  return failures;
}

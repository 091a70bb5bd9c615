// A small dense simplex for the disclosure audit: minimise or maximise several linear objectives
// over one polytope { x >= 0, rows }. Phase 1 (artificial variables) finds a feasible basis once;
// every objective then starts phase 2 from the basis the previous one ended in. Bland's rule
// (lowest index enters, lowest basic index leaves on ties) cannot cycle, which matters here: these
// tables are highly degenerate (many zero cells).
//
// Arithmetic is exact: every row of the tableau is integers over a denominator of its own, reduced
// by their greatest common divisor after each pivot (these 0/+-1 tables keep them tiny).
// Floating point went wrong on these degenerate programs after a few hundred pivots; integers
// cannot drift, and one that would outgrow exact doubles stops the audit instead of misleading it.

export interface LinearRow {
  /** Sparse coefficients: variable index -> coefficient. */
  terms: ReadonlyMap<number, number> | ReadonlyArray<readonly [number, number]>;
  sense: '=' | '>=' | '<=';
  rhs: number;
}

export class Infeasible extends Error {
  constructor() {
    super('The published figures contradict each other: no solution');
  }
}

const LIMIT = 2 ** 52;

interface Tableau {
  /** rows x (columns + 1) of integers; the last column is the right-hand side. */
  t: Float64Array[];
  /** Each row's real values are its integers divided by its denominator (positive). */
  den: number[];
  basis: number[];
  columns: number;
}

/** An objective row: reduced costs and -value, as integers over a positive denominator. */
interface Objective {
  t: Float64Array;
  den: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Divides a row and its denominator by their common factor; refuses numbers past exact doubles. */
function normalise(r: Float64Array, den: number): number {
  if (den > LIMIT) throw new Error('linear program: numbers left the exact range');
  let g = den;
  for (let j = 0; j < r.length; j++) {
    const v = r[j]!;
    if (v === 0) continue;
    if (v > LIMIT || v < -LIMIT) throw new Error('linear program: numbers left the exact range');
    if (g !== 1) g = gcd(g, v);
  }
  if (g !== 1) for (let j = 0; j < r.length; j++) if (r[j] !== 0) r[j] = r[j]! / g;
  return den / g;
}

function pivot(tab: Tableau, row: number, col: number, objective?: Objective) {
  const width = tab.columns + 1;
  const pr = tab.t[row]!;
  if (pr[col]! < 0) for (let j = 0; j < width; j++) pr[j] = pr[j] === 0 ? 0 : -pr[j]!;
  const p = pr[col]!;
  // The pivot row over p: its integers stay, its denominator becomes p.
  tab.den[row] = normalise(pr, p);
  const q = pr[col]!;
  const nonZero: number[] = [];
  for (let j = 0; j < width; j++) if (pr[j] !== 0) nonZero.push(j);
  // Another row i: (q * r - r[col] * pr) over den_i * q; rows without the column stay as they are.
  const update = (r: Float64Array, den: number): number => {
    const f = r[col]!;
    if (f === 0) return den;
    if (q !== 1) for (let j = 0; j < width; j++) r[j] = r[j]! * q;
    for (const j of nonZero) r[j] = r[j]! - f * pr[j]!;
    r[col] = 0;
    // With both denominators 1 (the usual case in these tables) there is nothing to reduce.
    if (q === 1 && den === 1) {
      for (const j of nonZero) if (Math.abs(r[j]!) > LIMIT) throw new Error('linear program: numbers left the exact range');
      return 1;
    }
    return normalise(r, den * q);
  };
  for (let i = 0; i < tab.t.length; i++) if (i !== row) tab.den[i] = update(tab.t[i]!, tab.den[i]!);
  if (objective) objective.den = update(objective.t, objective.den);
  tab.basis[row] = col;
}

/**
 * Minimise the objective row over columns < `allowed`. Returns false when unbounded below.
 */
function simplex(tab: Tableau, objective: Objective, allowed: number): boolean {
  const rhs = tab.columns;
  for (;;) {
    let enter = -1;
    for (let j = 0; j < allowed; j++) {
      if (objective.t[j]! < 0) {
        enter = j;
        break;
      }
    }
    if (enter < 0) return true;
    let leave = -1;
    for (let i = 0; i < tab.t.length; i++) {
      const a = tab.t[i]![enter]!;
      if (a <= 0) continue;
      if (leave < 0) {
        leave = i;
        continue;
      }
      // rhs_i / a_i against rhs_leave / a_leave, cross-multiplied (both a positive).
      const l = tab.t[leave]!;
      const lhs = tab.t[i]![rhs]! * l[enter]!;
      const rhsSide = l[rhs]! * a;
      if (lhs < rhsSide || (lhs === rhsSide && tab.basis[i]! < tab.basis[leave]!)) leave = i;
    }
    if (leave < 0) return false;
    pivot(tab, leave, enter, objective);
  }
}

/** A feasible polytope, ready to be optimised over any number of times. */
export class Polytope {
  private readonly tab: Tableau;
  private readonly structural: number;
  private readonly usable: number;

  constructor(variables: number, rows: readonly LinearRow[]) {
    this.structural = variables;
    const slacks = rows.filter((r) => r.sense !== '=').length;
    const usable = variables + slacks;
    // Artificial variables start as the basis and are never let back in once they leave, so their
    // columns are not stored: basis index usable + i stands for row i's artificial.
    const columns = usable;
    const t: Float64Array[] = [];
    const basis: number[] = [];
    let slack = variables;
    rows.forEach((row, i) => {
      const r = new Float64Array(columns + 1);
      for (const [j, a] of row.terms) r[j]! += a;
      if (row.sense === '>=') r[slack++] = -1;
      else if (row.sense === '<=') r[slack++] = 1;
      r[columns] = row.rhs;
      if (row.rhs < 0) for (let j = 0; j <= columns; j++) r[j] = r[j] === 0 ? 0 : -r[j]!;
      t.push(r);
      basis.push(usable + i);
    });
    const tab: Tableau = { t, den: t.map(() => 1), basis, columns };
    // Phase 1: minimise the sum of the artificial variables (their reduced costs are 0 while basic).
    const objective: Objective = { t: new Float64Array(columns + 1), den: 1 };
    for (const r of t) for (let j = 0; j <= columns; j++) objective.t[j]! -= r[j]!;
    simplex(tab, objective, usable);
    if (objective.t[columns]! !== 0) throw new Infeasible();
    // Drive artificial variables out of the basis; a row where none can be is redundant.
    for (let i = t.length - 1; i >= 0; i--) {
      if (basis[i]! < usable) continue;
      let col = -1;
      for (let j = 0; j < usable; j++) {
        if (t[i]![j] !== 0) {
          col = j;
          break;
        }
      }
      if (col >= 0) pivot(tab, i, col);
      else {
        t.splice(i, 1);
        tab.den.splice(i, 1);
        basis.splice(i, 1);
      }
    }
    this.tab = tab;
    this.usable = usable;
  }

  /**
   * The minimum of sum(c_j x_j) over the polytope, or -Infinity when unbounded. Starts from the
   * basis the previous objective ended in: still feasible, since the rows never change.
   */
  minimise(c: ReadonlyMap<number, number>): number {
    const tab = this.tab;
    // c - sum over basic rows of c_basis * row, over the least common denominator, built up row by row.
    const objective: Objective = { t: new Float64Array(tab.columns + 1), den: 1 };
    const cost = new Float64Array(tab.columns);
    for (const [j, a] of c) if (j < this.structural) cost[j] = a;
    objective.t.set(cost);
    tab.t.forEach((r, i) => {
      const cb = cost[tab.basis[i]!]!;
      if (cb === 0) return;
      const d = tab.den[i]!;
      for (let j = 0; j <= tab.columns; j++) objective.t[j] = objective.t[j]! * d - cb * objective.den * r[j]!;
      objective.den = normalise(objective.t, objective.den * d);
    });
    return simplex(tab, objective, this.usable) ? -objective.t[tab.columns]! / objective.den : -Infinity;
  }

  maximise(c: ReadonlyMap<number, number>): number {
    return -this.minimise(new Map([...c].map(([j, a]) => [j, -a])));
  }
}

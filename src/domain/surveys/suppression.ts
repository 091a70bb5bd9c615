// Small-number suppression with complementary cells, checked by an exact audit.
//
// Each published figure belongs to cells that add up: a total and the parts it is made of (an
// organisation and its job levels, or its pressure groups; a sector and its organisations;
// everyone as the sectors, as one organisation plus "all others", or as the pressure groups). A
// cell with fewer than k respondents is suppressed (primary). Hiding it alone is not enough: the
// other cells of any of its tables give it back by subtraction, and tables chain (one table's
// total is another's part, and one total can be split twice: by organisation and by pressure).
//
// So: a quick first guess per table (every table whose total is shown hides at least two parts
// covering at least k respondents), then the disclosure audit (disclosure-audit.ts) solves for
// every protected cell what all shown figures together allow, and while some cell is pinned down
// more narrowly than the criterion there, the cheapest shown cell next to it is hidden as well.
// Hiding everything always passes, so this ends. Last, every complementary cell the audit does
// not need is shown again.

import { auditDisclosure, exactly, type Failure, type Knowledge } from './disclosure-audit.js';

export interface AdditiveTable {
  total: string;
  parts: readonly string[];
  /**
   * When a complement is needed, give up the total rather than a part: right for benchmarks
   * (everyone, a sector, "all others"), whose parts are organisations' own figures; wrong for an
   * organisation split into job levels, where the organisation's own figure matters most.
   */
  preferTotal?: boolean;
}

export interface CellCounts {
  n: number;
  agree: number;
  disagree: number;
}

export interface SuppressionOptions {
  /**
   * What hiding a cell costs; the cheapest helpful cell is hidden first. Default: its n. Use it to
   * keep an organisation's own figure when a benchmark or a subgroup can be given up instead.
   */
  cost?: (id: string, n: number) => number;
  /**
   * Which complementary cells are worth giving back when the audit can do without them (each try
   * costs an audit); default all.
   */
  giveBack?: (id: string) => boolean;
  /** A question without a middle answer (yes or no; an option named or not): its third count is 0 everywhere. */
  zeroRest?: boolean;
  /**
   * Every group's size is published by another figure (the pressured of a group, counted by the
   * pressure question's figure): the attacker is given every n, and only the answer counts of a
   * small group are protected.
   */
  sizePublic?: boolean;
  /** Cells hidden whatever their counts (another figure hides the group), never given back. */
  alsoHide?: ReadonlySet<string>;
}

/**
 * The cells to suppress, for one statement: `cells` holds each cell's true counts. Empty cells (0)
 * are shown as empty, never suppressed (and the audit lets the attacker know they are empty),
 * unless `alsoHide` names them.
 */
export function suppressCells(cells: ReadonlyMap<string, CellCounts>, tables: readonly AdditiveTable[], k: number, options: SuppressionOptions = {}): Set<string> {
  const n = (id: string) => cells.get(id)?.n ?? 0;
  const cost = (id: string) => options.cost?.(id, n(id)) ?? n(id);
  const byCost = (a: string, b: string) => cost(a) - cost(b) || n(a) - n(b) || a.localeCompare(b);
  const fixed = options.alsoHide ?? new Set<string>();
  const suppressed = new Set<string>([...[...cells].filter(([, c]) => c.n > 0 && c.n < k).map(([id]) => id), ...[...fixed].filter((id) => cells.has(id))]);
  if (suppressed.size === 0) return suppressed;

  // First guess, table by table.
  let changed = true;
  while (changed) {
    changed = false;
    for (const table of tables) {
      if (suppressed.has(table.total)) continue;
      const hidden = table.parts.filter((p) => suppressed.has(p));
      if (hidden.length === 0) continue;
      if (hidden.length >= 2 && hidden.reduce((sum, p) => sum + n(p), 0) >= k) continue;
      const candidate = table.preferTotal ? undefined : table.parts.filter((p) => !suppressed.has(p) && n(p) > 0).sort(byCost)[0];
      suppressed.add(candidate ?? table.total);
      changed = true;
    }
  }

  // Then the audit decides.
  const truth = new Map([...cells].map(([id, c]) => [id, c.n]));
  const verdicts = new Map<string, Failure[]>();
  const knownWith = (hidden: ReadonlySet<string>) => {
    const known = new Map<string, Knowledge>();
    for (const [id, c] of cells) known.set(id, !hidden.has(id) ? exactly(c.n, c.agree, c.disagree) : hiddenKnowledge(c.n));
    return known;
  };
  // A hidden cell says "not empty", except one hidden because another figure hides its group (an
  // empty one among them says nothing); with sizePublic the attacker knows its size.
  const hiddenKnowledge = (size: number): Knowledge => (options.sizePublic ? { kind: 'sized', n: { lo: size, hi: size } } : size === 0 ? { kind: 'unpublished' } : { kind: 'hidden' });
  const passed = new Set<string>();
  const audit = { zeroRest: options.zeroRest, sizePublic: options.sizePublic };
  const failureWith = (hidden: ReadonlySet<string>, growing = false) =>
    auditDisclosure(truth, knownWith(hidden), tables, k, { firstOnly: true, components: verdicts, passed: growing ? passed : undefined, ...audit })[0];
  // The complement for a failure: the cheapest shown cell next to it (in a table with it, or with a
  // hidden cell linked to it). Trying several with the audit first chose a little better but took
  // three times as long; the pass below gives back what was not needed.
  const complementFor = (cell: string, hidden: ReadonlySet<string>): string => {
    const candidates = neighbours(cell, hidden, tables, n).sort(byCost);
    if (candidates.length === 0) throw new Error(`suppression cannot protect ${cell}`);
    return candidates[0]!;
  };
  for (let failure = failureWith(suppressed, true); failure; failure = failureWith(suppressed, true)) {
    suppressed.add(complementFor(failure.cell, suppressed));
  }
  // Greedy steps can hide more than needed: give back every complementary cell that the audit
  // does not miss, the most valuable first.
  for (const id of [...suppressed].filter((id) => n(id) >= k && !fixed.has(id) && (options.giveBack?.(id) ?? true)).sort(byCost).reverse()) {
    suppressed.delete(id);
    if (failureWith(suppressed)) suppressed.add(id);
  }
  return suppressed;
}

/**
 * The shown, non-empty cells in a table with `cell`, or with a hidden cell linked to it through
 * tables of hidden cells.
 */
function neighbours(cell: string, suppressed: ReadonlySet<string>, tables: readonly AdditiveTable[], n: (id: string) => number): string[] {
  const reached = new Set([cell]);
  const candidates = new Set<string>();
  let frontier = new Set([cell]);
  while (frontier.size > 0) {
    const next = new Set<string>();
    for (const table of tables) {
      const members = [table.total, ...table.parts];
      if (!members.some((m) => frontier.has(m))) continue;
      for (const m of members) {
        if (n(m) === 0 || reached.has(m)) continue;
        reached.add(m);
        if (suppressed.has(m)) next.add(m);
        else candidates.add(m);
      }
    }
    frontier = next;
  }
  return [...candidates];
}

// Small-number suppression with complementary cells. Each published figure belongs to cells that
// add up: a total and the parts it is made of (an organisation and its job levels; a sector and
// its organisations; everyone and one organisation plus "all the others"). A cell with fewer than
// k respondents is suppressed (primary). Publishing the total and all other parts would give it
// back by subtraction, so in every table where parts are suppressed there must be at least two,
// together covering at least k respondents, or the total goes too (secondary). Repeated until no
// table changes, because one table's total is another table's part.

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

/** The cells to suppress; `counts` holds each cell's number of respondents. Empty cells (0) are shown as empty, not suppressed. */
export function suppressCells(counts: ReadonlyMap<string, number>, tables: readonly AdditiveTable[], k: number): Set<string> {
  const n = (id: string) => counts.get(id) ?? 0;
  const suppressed = new Set<string>([...counts].filter(([, count]) => count > 0 && count < k).map(([id]) => id));
  let changed = true;
  while (changed) {
    changed = false;
    for (const table of tables) {
      if (suppressed.has(table.total)) continue;
      const hidden = table.parts.filter((p) => suppressed.has(p));
      if (hidden.length === 0) continue;
      const hiddenSum = hidden.reduce((sum, p) => sum + n(p), 0);
      if (hidden.length >= 2 && hiddenSum >= k) continue;
      // The smallest part still shown protects at the least cost in published figures.
      const candidate = table.preferTotal ? undefined : table.parts.filter((p) => !suppressed.has(p) && n(p) > 0).sort((a, b) => n(a) - n(b) || a.localeCompare(b))[0];
      suppressed.add(candidate ?? table.total);
      changed = true;
    }
  }
  return suppressed;
}

/**
 * What an attacker with every published figure can recover by subtraction: for each table
 * whose total is published, the sum of its hidden parts. Used by the tests to check that no
 * recoverable group is smaller than k.
 */
export function recoverableSums(counts: ReadonlyMap<string, number>, tables: readonly AdditiveTable[], suppressed: ReadonlySet<string>): Array<{ parts: string[]; n: number }> {
  return tables
    .filter((table) => !suppressed.has(table.total))
    .map((table) => {
      const parts = table.parts.filter((p) => suppressed.has(p));
      return { parts, n: parts.reduce((sum, p) => sum + (counts.get(p) ?? 0), 0) };
    })
    .filter((r) => r.parts.length > 0);
}

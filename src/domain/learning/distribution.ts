// How a group chose, shown only once at least `minimum` people chose: below that, the type carries
// no numbers at all, so no page can print a count that must stay hidden.
export type Distribution =
  | { shown: true; total: number; options: Array<{ count: number; share: number }> }
  | { shown: false; minimum: number };

export function distributionOf(counts: readonly number[], minimum: number): Distribution {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total < Math.max(1, minimum)) return { shown: false, minimum };
  return { shown: true, total, options: counts.map((count) => ({ count, share: count / total })) };
}

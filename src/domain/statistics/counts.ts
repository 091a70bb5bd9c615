import { suppressCells, type AdditiveTable } from '../surveys/suppression.js';

/**
 * A count as it may leave the domain. A hidden count is a type without a number, so no presenter,
 * page or export can show what was suppressed.
 */
export type Count = { readonly kind: 'shown'; readonly n: number } | { readonly kind: 'hidden' };

export const shown = (n: number): Count => ({ kind: 'shown', n });

/**
 * Counts of cases beyond the commission: every count between 1 and k - 1 is hidden, together
 * with whatever other counts of the same tables would give it back by subtraction (the monitor's
 * suppression and disclosure audit, with counts as cells of size n).
 */
export function suppressCounts(cells: ReadonlyMap<string, number>, tables: readonly AdditiveTable[], k: number, alsoHide: readonly string[] = []): Map<string, Count> {
  const hidden = suppressCells(new Map([...cells].map(([id, n]) => [id, { n, agree: 0, disagree: 0 }])), tables, k, alsoHide.length ? { alsoHide: new Set(alsoHide) } : {});
  return new Map([...cells].map(([id, n]) => [id, hidden.has(id) ? { kind: 'hidden' } : shown(n)]));
}

/** Exact counts, for the commission itself: it reads these cases anyway. */
export function exactCounts(cells: ReadonlyMap<string, number>): Map<string, Count> {
  return new Map([...cells].map(([id, n]) => [id, shown(n)]));
}

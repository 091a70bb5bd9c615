import { describe, expect, it } from 'vitest';
import { recoverableSums, suppressCells, type AdditiveTable } from './suppression.js';

const K = 10;
const map = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('small-number suppression', () => {
  it('suppresses a small cell and the smallest other part, so subtraction gives nothing', () => {
    const counts = map({ org: 60, junior: 4, medior: 20, senior: 36 });
    const tables = [{ total: 'org', parts: ['junior', 'medior', 'senior'] }];
    const hidden = suppressCells(counts, tables, K);
    expect([...hidden].sort()).toEqual(['junior', 'medior']);
    // The differencing attack: org - senior = junior + medior = 24 >= k; junior alone stays hidden.
    for (const r of recoverableSums(counts, tables, hidden)) expect(r.n).toBeGreaterThanOrEqual(K);
  });

  it('adds complementary cells until the hidden parts together reach k', () => {
    const counts = map({ org: 40, a: 2, b: 3, c: 4, d: 31 });
    const hidden = suppressCells(counts, [{ total: 'org', parts: ['a', 'b', 'c', 'd'] }], K);
    // a, b, c are all primary; together only 9 < k, so d is hidden as well.
    expect([...hidden].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('hides the total when no part is left to hide', () => {
    const counts = map({ org: 12, yes: 3, no: 0 });
    const hidden = suppressCells(counts, [{ total: 'org', parts: ['yes', 'no'] }], K);
    expect([...hidden].sort()).toEqual(['org', 'yes']);
  });

  it('follows the chain across tables: an organisation inside its sector, the sector inside everyone, and "all others"', () => {
    // Sector S has organisations A (small) and B. Everyone = S + T. The benchmark for A is "all others" = everyone - A.
    const counts = map({ all: 200, S: 50, T: 150, A: 6, B: 44, others_A: 194, others_B: 156 });
    const tables: AdditiveTable[] = [
      { total: 'all', parts: ['S', 'T'] },
      { total: 'S', parts: ['A', 'B'] },
      { total: 'all', parts: ['A', 'others_A'] },
      { total: 'all', parts: ['B', 'others_B'] },
    ];
    const hidden = suppressCells(counts, tables, K);
    // Without complements: S - B = A, and all - others_A = A. Both routes must be closed.
    expect(hidden.has('A')).toBe(true);
    expect(hidden.has('B') || hidden.has('S')).toBe(true);
    expect(hidden.has('others_A') || hidden.has('all')).toBe(true);
    for (const r of recoverableSums(counts, tables, hidden)) expect(r.n, r.parts.join('+')).toBeGreaterThanOrEqual(K);
  });

  it('survives a brute-force differencing attack on random tables', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => [`p${i}`, Math.floor(random() * 25)] as const);
      const counts = new Map<string, number>(parts);
      counts.set('total', parts.reduce((s, [, n]) => s + n, 0));
      const tables = [{ total: 'total', parts: parts.map(([id]) => id) }];
      const hidden = suppressCells(counts, tables, K);
      for (const [id, n] of counts) if (n > 0 && n < K) expect(hidden.has(id)).toBe(true);
      // Every subset an attacker can isolate by subtraction holds at least k respondents.
      for (const r of recoverableSums(counts, tables, hidden)) expect(r.n).toBeGreaterThanOrEqual(K);
    }
  });
});

import type { YearStatistics } from './year-statistics.js';

/**
 * A year's statistics, computed once and kept while nothing of the scope changed: the key carries
 * the head of the organisation's audit chain, which every change of a case its commission handles
 * moves (a step, a coding, a purge, a report). Changes recorded elsewhere (another commission
 * handling the organisation's reports, an advisor's registration, a reporter's return) show within
 * `ttlMs`. Bounded: the oldest entry goes first.
 */
export class FiguresCache {
  private readonly entries = new Map<string, { at: number; value: YearStatistics }>();

  constructor(
    private readonly max = 64,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  get(key: string, now: number): YearStatistics | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: YearStatistics, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

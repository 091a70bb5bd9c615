import { max } from 'drizzle-orm';
import { auditLog } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';

/**
 * Figures computed once and kept while nothing of their scope changed: the key carries the head of
 * the organisation's audit chain, which every change of a case its commission handles moves (a
 * step, a coding, a purge, a report). Changes recorded elsewhere (another commission handling the
 * organisation's reports, an advisor's registration, a reporter's return) show within `ttlMs`.
 * Bounded: the oldest entry goes first.
 */
export class FiguresCache {
  private readonly entries = new Map<string, { at: number; value: unknown }>();

  constructor(
    private readonly max = 64,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  get(key: string, now: number): unknown {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: unknown, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The figures `compute` gives for `parts`, kept while the organisation's audit chain does not move. */
export async function keptFigures<T>(s: Pick<Services, 'db' | 'now' | 'figuresCache'>, organisationId: string, parts: ReadonlyArray<string | number>, compute: () => Promise<T>): Promise<T> {
  const [head] = await s.db.select({ seq: max(auditLog.seq) }).from(auditLog).where(inOrg(organisationId, auditLog));
  const key = [...parts, organisationId, head?.seq ?? 0].join(':');
  const now = s.now().getTime();
  const kept = s.figuresCache.get(key, now);
  if (kept !== undefined) return kept as T;
  const computed = await compute();
  s.figuresCache.set(key, computed, now);
  return computed;
}

import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobRuns } from '../db/schema.js';

// Long enough for any one job to finish; a claim older than this belongs to a crashed instance.
export const LEASE_MS = 10 * 60_000;

/**
 * Claims one piece of work by key. True for exactly one caller across all instances, until the
 * work is finished or its lease runs out unfinished (then one other caller may take it over).
 */
export async function claimJob(db: Db, key: string, now: Date): Promise<boolean> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db
    .insert(jobRuns)
    .values({ key, claimedAt: now, leaseUntil })
    .onConflictDoUpdate({ target: jobRuns.key, set: { claimedAt: now, leaseUntil }, setWhere: and(isNull(jobRuns.finishedAt), lt(jobRuns.leaseUntil, now)) })
    .returning({ key: jobRuns.key });
  return rows.length === 1;
}

export async function finishJob(db: Db, key: string, now: Date): Promise<void> {
  await db.update(jobRuns).set({ finishedAt: now }).where(eq(jobRuns.key, key));
}

/** Gives a claim back at once (the work failed), so the next run retries it instead of waiting out the lease. */
export async function releaseJob(db: Db, key: string): Promise<void> {
  await db.delete(jobRuns).where(and(eq(jobRuns.key, key), isNull(jobRuns.finishedAt)));
}

import { eq, sql } from 'drizzle-orm';
import { receiptAttempts } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';

// Receipt guessing is limited without knowing who guesses: each first group of digits has its own
// budget per quarter hour. There is no installation-wide budget, so a guesser can never lock out
// every reporter; what bounds the guesser overall is the cost of each guess (an Argon2id run in a
// pool with a bounded queue), against receipts of about 66 bits.
export const WINDOW_MINUTES = 15;
export const BUCKET_FAILURES = 10;

/**
 * Reserves one attempt in the bucket before the expensive derivation, in one statement: parallel
 * guesses cannot all pass a check made before any of them is counted. Throws 'throttled' when the
 * bucket's budget is spent.
 */
export async function reserveReceiptAttempt(s: Pick<Services, 'db' | 'now'>, bucket: string): Promise<void> {
  const now = s.now();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const reserved = await s.db
    .insert(receiptAttempts)
    .values({ bucket, windowStart: now, failures: 1 })
    .onConflictDoUpdate({
      target: receiptAttempts.bucket,
      set: {
        failures: sql`case when ${receiptAttempts.windowStart} > ${since} then ${receiptAttempts.failures} + 1 else 1 end`,
        windowStart: sql`case when ${receiptAttempts.windowStart} > ${since} then ${receiptAttempts.windowStart} else ${now} end`,
      },
      setWhere: sql`${receiptAttempts.windowStart} <= ${since} or ${receiptAttempts.failures} < ${BUCKET_FAILURES}`,
    })
    .returning({ failures: receiptAttempts.failures });
  if (reserved.length === 1) return;
  const [row] = await s.db.select({ windowStart: receiptAttempts.windowStart }).from(receiptAttempts).where(eq(receiptAttempts.bucket, bucket));
  const retry = Math.ceil(((row?.windowStart.getTime() ?? now.getTime()) + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000);
  throw new AppError('throttled', [], Math.max(1, retry));
}

/** A receipt that opened its case was no guess: its reservation is given back. */
export async function releaseReceiptAttempt(s: Pick<Services, 'db'>, bucket: string): Promise<void> {
  await s.db
    .update(receiptAttempts)
    .set({ failures: sql`greatest(${receiptAttempts.failures} - 1, 0)` })
    .where(eq(receiptAttempts.bucket, bucket));
}

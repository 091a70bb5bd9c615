import { sql } from 'drizzle-orm';
import { receiptAttempts } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';

// Receipt guessing is limited without knowing who guesses: each first group of digits has its
// own budget, and all attempts together share a global one. A window resets after a quarter hour.
export const WINDOW_MINUTES = 15;
export const BUCKET_FAILURES = 10;
export const GLOBAL_FAILURES = 300;
export const GLOBAL_BUCKET = '*';

export async function checkReceiptBudget(s: Pick<Services, 'db' | 'now'>, bucket: string): Promise<void> {
  const since = new Date(s.now().getTime() - WINDOW_MINUTES * 60_000);
  const rows = await s.db.select().from(receiptAttempts).where(sql`${receiptAttempts.bucket} in (${bucket}, ${GLOBAL_BUCKET}) and ${receiptAttempts.windowStart} > ${since}`);
  for (const row of rows) {
    const limit = row.bucket === GLOBAL_BUCKET ? GLOBAL_FAILURES : BUCKET_FAILURES;
    if (row.failures >= limit) {
      const retry = Math.ceil((row.windowStart.getTime() + WINDOW_MINUTES * 60_000 - s.now().getTime()) / 1000);
      throw new AppError('throttled', [], Math.max(1, retry));
    }
  }
}

export async function recordReceiptFailure(s: Pick<Services, 'db' | 'now'>, bucket: string): Promise<void> {
  const now = s.now();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  for (const key of [bucket, GLOBAL_BUCKET]) {
    await s.db
      .insert(receiptAttempts)
      .values({ bucket: key, windowStart: now, failures: 1 })
      .onConflictDoUpdate({
        target: receiptAttempts.bucket,
        set: {
          failures: sql`case when ${receiptAttempts.windowStart} > ${since} then ${receiptAttempts.failures} + 1 else 1 end`,
          windowStart: sql`case when ${receiptAttempts.windowStart} > ${since} then ${receiptAttempts.windowStart} else ${now} end`,
        },
      });
  }
}

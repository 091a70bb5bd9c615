import { lt } from 'drizzle-orm';
import { loginAttempts, receiptAttempts, reportDrafts, reportSubmissions, reporterSessions, sessions } from '../db/schema.js';
import { WINDOW_MINUTES } from '../domain/reports/receipt-throttle.js';
import type { Services } from '../services.js';

/** Expired staff and reporter sessions and stale guessing windows are of no use to anyone: gone. */
export async function purgeExpiredSessions(s: Services): Promise<void> {
  const now = s.now();
  await s.db.delete(sessions).where(lt(sessions.expiresAt, now));
  await s.db.delete(reporterSessions).where(lt(reporterSessions.expiresAt, now));
  await s.db.delete(receiptAttempts).where(lt(receiptAttempts.windowStart, new Date(now.getTime() - 2 * WINDOW_MINUTES * 60_000)));
  // Sent drafts' receipts (sealed) once no draft that old can be sent again.
  await s.db.delete(reportSubmissions).where(lt(reportSubmissions.expiresAt, now));
  // Kept report drafts a day after they expired (sent marks after a draft's life).
  await s.db.delete(reportDrafts).where(lt(reportDrafts.expiresAt, now));
  // Failed log-in counters (every address, keyed hash) a day after their last attempt (the longest lock is an hour).
  await s.db.delete(loginAttempts).where(lt(loginAttempts.lastAt, new Date(now.getTime() - 24 * 3600_000)));
}

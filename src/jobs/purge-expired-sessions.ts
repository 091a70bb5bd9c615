import { eq, inArray, lt, ne } from 'drizzle-orm';
import { loginAttempts, receiptAttempts, reportDrafts, reportSubmissions, reporterSessions, sessions, teamParticipants, teamSessions } from '../db/schema.js';
import { unsafeAnyOrg } from '../db/scoped.js';
import { SESSION_HOURS, UNKEPT_DAYS } from '../domain/learning/team-participant.js';
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
  // Team sessions left running past their hours end by themselves: the code and every participant are forgotten.
  const ended = await s.db
    .update(teamSessions)
    .set({ state: 'ended', codeHash: null, codeSealed: null, endedAt: now })
    .where(unsafeAnyOrg('the scheduled purge ends stale team sessions of every organisation', ne(teamSessions.state, 'ended'), lt(teamSessions.createdAt, new Date(now.getTime() - SESSION_HOURS * 3600_000))))
    .returning({ id: teamSessions.id });
  if (ended.length > 0) await s.db.delete(teamParticipants).where(inArray(teamParticipants.sessionId, ended.map((row) => row.id)));
  // An outcome the facilitator did not keep is deleted a week after the end, as the page says.
  await s.db
    .delete(teamSessions)
    .where(unsafeAnyOrg('the scheduled purge deletes unkept team sessions of every organisation', eq(teamSessions.state, 'ended'), eq(teamSessions.kept, false), lt(teamSessions.endedAt, new Date(now.getTime() - UNKEPT_DAYS * 24 * 3600_000))));
}

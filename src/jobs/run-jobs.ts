import type { Services } from '../services.js';
import { sendDailyDigest } from './daily-digest.js';
import { sendDeadlineReminders } from './deadline-reminders.js';
import { purgeExpiredCases } from './purge-cases.js';
import { purgeExpiredSessions } from './purge-expired-sessions.js';
import { refreshStatistics } from './refresh-statistics.js';
import { anchorAuditHead } from '../domain/audit/audit-anchor.js';
import { releaseIdentitiesAfterWaiting } from './release-identities.js';

export interface JobReport {
  reminders: number;
  digests: number;
  purged: number;
  /** Reporters' names released after the waiting period without an objection. */
  identitiesReleased: number;
}

/**
 * Everything scheduled, computed afresh from the database on every run: nothing lives in memory,
 * so a restart loses nothing and a run that was missed is made up by the next.
 */
export async function runDueJobs(s: Services): Promise<JobReport> {
  const reminders = await sendDeadlineReminders(s);
  const digests = await sendDailyDigest(s);
  const identitiesReleased = await releaseIdentitiesAfterWaiting(s);
  const purged = await purgeExpiredCases(s);
  await purgeExpiredSessions(s);
  await refreshStatistics(s);
  await anchorAuditHead(s);
  return { reminders, digests, purged, identitiesReleased };
}

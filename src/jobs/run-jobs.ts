import type { Services } from '../services.js';
import { sendDailyDigest } from './daily-digest.js';
import { sendDeadlineReminders } from './deadline-reminders.js';
import { sendNewCaseNotices } from './new-case-notices.js';
import { purgeExpiredCases } from './purge-cases.js';
import { purgeExpiredSessions } from './purge-expired-sessions.js';
import { refreshStatistics } from './refresh-statistics.js';
import { anchorAuditHead } from '../domain/audit/audit-anchor.js';
import { listOrganisations } from '../domain/organisation/get-organisation.js';
import { releaseIdentitiesAfterWaiting } from './release-identities.js';

export interface JobReport {
  reminders: number;
  /** Mails about new cases to those who can open them. */
  newCases: number;
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
  let reminders = 0;
  let newCases = 0;
  let digests = 0;
  let purged = 0;
  // Each organisation on its own clock and settings: its commission's reminders and digest, its
  // own retention period.
  for (const organisation of await listOrganisations(s)) {
    newCases += await sendNewCaseNotices(s, organisation);
    reminders += await sendDeadlineReminders(s, organisation);
    digests += await sendDailyDigest(s, organisation);
    purged += await purgeExpiredCases(s, organisation);
  }
  const identitiesReleased = await releaseIdentitiesAfterWaiting(s);
  await purgeExpiredSessions(s);
  await refreshStatistics(s);
  await anchorAuditHead(s);
  return { reminders, newCases, digests, purged, identitiesReleased };
}

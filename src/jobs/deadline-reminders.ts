import { inArray } from 'drizzle-orm';
import { cases } from '../db/schema.js';
import { inCommission } from '../db/scoped.js';
import { translator, languageOf } from '../i18n/index.js';
import type { Organisation } from '../domain/organisation/get-organisation.js';
import { addDays, computeDeadlines, localDate } from '../domain/reports/deadlines.js';
import type { Services } from '../services.js';
import { awaitingFeedback, type CaseStatus } from '../domain/cases/lifecycle.js';
import { claimJob, finishJob, releaseJob } from './claim-job.js';
import { keyHoldersOf } from './staff-recipients.js';
import { organisationAddress } from '../domain/organisation/organisation-address.js';

// How many calendar days before a legal deadline the handlers are reminded.
export const ACKNOWLEDGE_LEAD_DAYS = 2;
export const FEEDBACK_LEAD_DAYS = 14;


/**
 * One reminder per deadline of each open case, to everyone holding its key; one mail per person
 * per run however many cases. The key names the deadline date, so an extended deadline gets a
 * reminder of its own. A case that is already past its reminder day (the app was down) is
 * reminded at the first run after.
 */
export async function sendDeadlineReminders(s: Services, organisation: Organisation): Promise<number> {
  const now = s.now();
  const today = localDate(now, organisation.timeZone);
  const open = await s.db
    .select({ id: cases.id, status: cases.status, receivedAt: cases.receivedAt, acknowledgedAt: cases.acknowledgedAt, extendedTo: cases.feedbackExtendedTo })
    .from(cases)
    // The cases this organisation's bodies handle, on its clock.
    .where(inCommission(organisation.id, cases, inArray(cases.status, ['received', ...awaitingFeedback])));

  const due: Array<{ key: string; caseId: string }> = [];
  for (const c of open) {
    const deadlines = computeDeadlines(c.receivedAt, c.acknowledgedAt, organisation.timeZone, c.extendedTo);
    if (c.status === 'received' && today >= addDays(deadlines.acknowledgeBy, -ACKNOWLEDGE_LEAD_DAYS)) {
      due.push({ key: `reminder:acknowledge:${c.id}:${deadlines.acknowledgeBy}`, caseId: c.id });
    }
    if (awaitingFeedback.includes(c.status as CaseStatus) && today >= addDays(deadlines.feedbackBy, -FEEDBACK_LEAD_DAYS)) {
      due.push({ key: `reminder:feedback:${c.id}:${deadlines.feedbackBy}`, caseId: c.id });
    }
  }

  const claimed: typeof due = [];
  for (const item of due) if (await claimJob(s.db, item.key, now)) claimed.push(item);
  if (claimed.length === 0) return 0;

  const t = translator(languageOf(organisation.defaultLanguage));
  const recipients = await keyHoldersOf(s, organisation.id, [...new Set(claimed.map((c) => c.caseId))]);
  let failed = false;
  for (const recipient of recipients.values()) {
    try {
      // Content-free: not which case, not what it is about, not even how many.
      await s.mailer.send({ to: recipient.email, subject: t('mail.reminder.subject'), text: t('mail.reminder.body', { link: `${organisationAddress(s.config.baseUrl, organisation)}/staff/cases?overdue=1` }) });
    } catch {
      failed = true;
    }
  }
  // A failed send hands the claims back so the next run tries again; some may then get it twice.
  for (const item of claimed) {
    if (failed) await releaseJob(s.db, item.key);
    else await finishJob(s.db, item.key, now);
  }
  if (failed) s.logger.warn('deadline reminders could not all be sent; retrying at the next run');
  return failed ? 0 : recipients.size;
}

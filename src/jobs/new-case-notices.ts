import { localHour } from '../domain/reports/deadlines.js';
import { eq, gt, lt, sql } from 'drizzle-orm';
import { cases, jobRuns } from '../db/schema.js';
import { inCommission } from '../db/scoped.js';
import { translator, languageOf } from '../i18n/index.js';
import type { Organisation } from '../domain/organisation/get-organisation.js';
import { organisationAddress } from '../domain/organisation/organisation-address.js';
import type { Services } from '../services.js';
import { claimJob, finishJob, releaseJob } from './claim-job.js';
import { keyHoldersOf } from './staff-recipients.js';

// A case older than this when first seen (the app was down for days) is left to the reminders.
const NEW_CASE_WINDOW_MS = 3 * 24 * 3600_000;
/** Local hours at which new cases are told: a mail at a fixed time says little about when a report came in. */
export const NEW_CASE_HOURS = [9, 13, 17];


/**
 * A new case reaches the people who can open it the same working day, not only through the next
 * digest or two days before the deadline: advisors and ethics-panel members have no secretariat
 * reading for them. Only at fixed hours, and only cases that came in before that hour began, so
 * that the mail system (often the employer's) cannot tell from the mail when a report was made.
 * Once per case, one mail per person however many cases; content-free, like every mail.
 */
export async function sendNewCaseNotices(s: Services, organisation: Organisation): Promise<number> {
  const now = s.now();
  if (!NEW_CASE_HOURS.includes(localHour(now, organisation.timeZone))) return 0;
  const hourBegan = new Date(Math.floor(now.getTime() / 3600_000) * 3600_000);
  // One instance per organisation and hour sends: two instances claiming different cases at once
  // would each mail the same person ("one mail per person").
  const hourKey = `new-case-hour:${organisation.id}:${hourBegan.toISOString()}`;
  if (!(await claimJob(s.db, hourKey, now))) return 0;
  try {
    return await sendForHour(s, organisation, now, hourBegan);
  } finally {
    await finishJob(s.db, hourKey, now);
  }
}

async function sendForHour(s: Services, organisation: Organisation, now: Date, hourBegan: Date): Promise<number> {
  const fresh = await s.db
    .select({ id: cases.id })
    .from(cases)
    .where(
      inCommission(
        organisation.id,
        cases,
        eq(cases.status, 'received'),
        gt(cases.receivedAt, new Date(now.getTime() - NEW_CASE_WINDOW_MS)),
        lt(cases.receivedAt, hourBegan),
        sql`not exists (select 1 from ${jobRuns} where ${jobRuns.key} = 'new-case:' || ${cases.id}::text)`,
      ),
    );
  const claimed: string[] = [];
  for (const { id } of fresh) if (await claimJob(s.db, `new-case:${id}`, now)) claimed.push(id);
  if (claimed.length === 0) return 0;
  const recipients = await keyHoldersOf(s, organisation.id, claimed);
  const t = translator(languageOf(organisation.defaultLanguage));
  let failed = false;
  for (const recipient of recipients.values()) {
    try {
      await s.mailer.send({ to: recipient.email, subject: t('mail.newCase.subject'), text: t('mail.newCase.body', { link: `${organisationAddress(s.config.baseUrl, organisation)}/staff/cases?status=received` }) });
    } catch {
      failed = true;
    }
  }
  // A failed send hands the claims back so the next run tries again; some may then get it twice.
  for (const id of claimed) {
    if (failed) await releaseJob(s.db, `new-case:${id}`);
    else await finishJob(s.db, `new-case:${id}`, now);
  }
  if (failed) s.logger.warn('new-case notice could not be sent; retrying at the next fixed hour');
  return failed ? 0 : recipients.size;
}

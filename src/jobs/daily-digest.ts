import { reporterWroteLastSql } from '../domain/cases/reporter-waits.js';
import { and, eq, or } from 'drizzle-orm';
import { caseKeys, cases, users } from '../db/schema.js';
import { inCommission } from '../db/scoped.js';
import { translator, languageOf } from '../i18n/index.js';
import type { Organisation } from '../domain/organisation/get-organisation.js';
import { localDate, localHour } from '../domain/reports/deadlines.js';
import type { Services } from '../services.js';
import { claimJob, finishJob, releaseJob } from './claim-job.js';
import { organisationAddress } from '../domain/organisation/organisation-address.js';


/**
 * Once a day, from the configured hour in the organisation's time zone: a nudge to each handler
 * who can open a case that waits (not yet acknowledged, or a reporter who wrote last). The mail
 * never says what, nor how much.
 */
export async function sendDailyDigest(s: Services, organisation: Organisation): Promise<number> {
  const now = s.now();
  if (localHour(now, organisation.timeZone) < s.config.digestHour) return 0;
  const key = `digest:${organisation.id}:${localDate(now, organisation.timeZone)}`;

  // Everyone who can open a case that waits: the commission's secretariat and members for its
  // routes, each advisor and panel member for theirs; nobody hears of a case they cannot open.
  const recipients = await s.db
    .selectDistinct({ userId: users.id, email: users.email })
    .from(cases)
    .innerJoin(caseKeys, eq(caseKeys.caseId, cases.id))
    .innerJoin(users, and(eq(users.id, caseKeys.userId), eq(users.status, 'active')))
    // The cases this organisation's bodies handle: its own, and those of organisations its commission serves.
    .where(
      inCommission(
        organisation.id,
        cases,
        or(
          eq(cases.status, 'received'),
          // The reporter wrote last, also after closing: such a message is never left unread.
          reporterWroteLastSql,
        ),
      ),
    );
  // The day's digest is claimed only when there is something to say and someone to tell: a run
  // that finds nothing (at start-up, say) leaves it for a later run of the same day.
  if (recipients.length === 0) return 0;
  if (!(await claimJob(s.db, key, now))) return 0;
  const t = translator(languageOf(organisation.defaultLanguage));
  try {
    for (const recipient of recipients) {
      await s.mailer.send({ to: recipient.email, subject: t('mail.digest.subject'), text: t('mail.digest.body', { link: `${organisationAddress(s.config.baseUrl, organisation)}/staff/cases` }) });
    }
  } catch {
    await releaseJob(s.db, key);
    s.logger.warn('daily digest could not be sent; retrying at the next run');
    return 0;
  }
  await finishJob(s.db, key, now);
  return recipients.length;
}

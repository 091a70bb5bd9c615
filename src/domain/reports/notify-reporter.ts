import { eq, isNull, lte, or } from 'drizzle-orm';
import { openWithKey, sealWithKey } from '../../crypto/aead.js';
import { cases, organisations } from '../../db/schema.js';
import { inOrg, unsafeAnyOrg } from '../../db/scoped.js';
import { translator, languageOf } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { organisationAddress } from '../organisation/organisation-address.js';

const context = (caseId: string) => `notify-email:${caseId}`;

export function sealNotifyEmail(s: Pick<Services, 'sodium' | 'serverKeys'>, caseId: string, email: string): Uint8Array {
  return sealWithKey(s.sodium, s.serverKeys.notify, s.sodium.from_string(email), context(caseId));
}

/**
 * Tells a reporter who left an address that there is something new. The mail says only that and
 * where to go: never what, and never which case.
 */
export async function notifyReporter(s: Services, caseId: string): Promise<void> {
  const [row] = await s.db
    .select({ organisationId: cases.organisationId, sealed: cases.notifyEmailSealed, language: cases.reporterLanguage, slug: organisations.slug, hostName: organisations.hostName })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(unsafeAnyOrg('callers (staff steps, the identity jobs) pass only a case id they already reached; the mail goes to the address of the organisation the report concerns', eq(cases.id, caseId)));
  if (!row?.sealed) return;
  // One notice per case per period, claimed atomically: a burst of messages (or a handler who
  // writes ten short ones) cannot flood the reporter's inbox. The notice only says "look".
  const now = s.now();
  const since = new Date(now.getTime() - s.config.reporterNoticeMinutes * 60_000);
  const claimed = await s.db
    .update(cases)
    .set({ reporterNotifiedAt: now })
    .where(inOrg(row.organisationId, cases, eq(cases.id, caseId), or(isNull(cases.reporterNotifiedAt), lte(cases.reporterNotifiedAt, since))))
    .returning({ id: cases.id });
  if (claimed.length === 0) return;
  const email = openWithKey(s.sodium, s.serverKeys.notify, row.sealed, context(caseId));
  if (!email) return;
  const t = translator(languageOf(row.language));
  try {
    await s.mailer.send({ to: s.sodium.to_string(email), subject: t('mail.reporterNotice.subject'), text: t('mail.reporterNotice.body', { link: `${organisationAddress(s.config.baseUrl, row)}/receipt` }) });
  } catch {
    // A failed notice must not undo the message itself; the reporter still sees it on return.
    s.logger.warn('reporter notice could not be sent');
  }
}

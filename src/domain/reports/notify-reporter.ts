import { eq } from 'drizzle-orm';
import { openWithKey, sealWithKey } from '../../crypto/aead.js';
import { cases } from '../../db/schema.js';
import { translator } from '../../i18n/index.js';
import type { Services } from '../../services.js';

const context = (caseId: string) => `notify-email:${caseId}`;

export function sealNotifyEmail(s: Pick<Services, 'sodium' | 'serverKeys'>, caseId: string, email: string): Uint8Array {
  return sealWithKey(s.sodium, s.serverKeys.notify, s.sodium.from_string(email), context(caseId));
}

/**
 * Tells a reporter who left an address that there is something new. The mail says only that and
 * where to go: never what, and never which case.
 */
export async function notifyReporter(s: Services, caseId: string): Promise<void> {
  const [row] = await s.db.select({ sealed: cases.notifyEmailSealed, language: cases.reporterLanguage }).from(cases).where(eq(cases.id, caseId));
  if (!row?.sealed) return;
  const email = openWithKey(s.sodium, s.serverKeys.notify, row.sealed, context(caseId));
  if (!email) return;
  const t = translator(row.language === 'en' ? 'en' : 'nl');
  try {
    await s.mailer.send({ to: s.sodium.to_string(email), subject: t('mail.reporterNotice.subject'), text: t('mail.reporterNotice.body', { link: `${s.config.baseUrl}/receipt` }) });
  } catch {
    // A failed notice must not undo the message itself; the reporter still sees it on return.
    s.logger.warn('reporter notice could not be sent');
  }
}

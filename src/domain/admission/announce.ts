import { inArray } from 'drizzle-orm';
import { staffNotices, users } from '../../db/schema.js';
import type { Db, Tx } from '../../db/client.js';
import { translator } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import type { Body } from './bodies.js';
import { verifiedBodyState } from './verify-admissions.js';

export type NoticeKind = 'member.admitted' | 'member.removed' | 'account.changed' | 'text.changed' | 'body.founded' | 'commission.changed';

/**
 * Writes a notice for every admitted member of the bodies (in the caller's transaction) and
 * returns their ids, so that the caller can send the content-free mail after committing.
 */
export async function writeNotices(
  s: Pick<Services, 'sodium' | 'serverKeys' | 'now'> & { db: Db | Tx },
  bodiesConcerned: readonly Body[],
  kind: NoticeKind,
  detail: Record<string, string>,
  /** Someone told beside the members, such as the person just removed. */
  also: readonly string[] = [],
): Promise<string[]> {
  const recipients = new Set<string>(also);
  for (const body of new Set(bodiesConcerned)) for (const m of (await verifiedBodyState(s, body)).members) recipients.add(m.userId);
  if (recipients.size === 0) return [];
  await s.db.insert(staffNotices).values([...recipients].map((userId) => ({ userId, kind, detail, createdAt: s.now() })));
  return [...recipients];
}

/** The mail says only that there is a notice; what changed is on the staff home page. */
export async function mailNotices(s: Services, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const organisation = await getOrganisation(s);
  const t = translator(organisation?.defaultLanguage === 'en' ? 'en' : 'nl');
  const rows = await s.db.select({ email: users.email }).from(users).where(inArray(users.id, [...userIds]));
  let failed = 0;
  for (const row of rows) {
    try {
      await s.mailer.send({ to: row.email, subject: t('mail.notice.subject'), text: t('mail.notice.body', { link: `${s.config.baseUrl}/staff` }) });
    } catch {
      failed++;
    }
  }
  // The notice itself is stored; a failed mail is only a missed nudge.
  if (failed > 0) s.logger.warn({ failed }, 'notice mails could not all be sent');
}

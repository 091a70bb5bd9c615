import { eq, inArray } from 'drizzle-orm';
import { organisations, routes, staffNotices, users } from '../../db/schema.js';
import { inOrg, unsafeAnyOrg } from '../../db/scoped.js';
import type { Db, Tx } from '../../db/client.js';
import { translator, languageOf } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { bodies, bodyOfRoute, type Body } from './bodies.js';
import { verifiedBodyState } from './verify-admissions.js';
import { organisationAddress } from '../organisation/organisation-address.js';

export type NoticeKind = 'member.admitted' | 'member.removed' | 'account.changed' | 'text.changed' | 'body.founded' | 'commission.changed' | 'commission.shared' | 'identity.requested' | 'decision.ready' | 'dossier.produced';

/** One organisation's body. */
export interface BodyRef {
  organisationId: string;
  body: Body;
}

/** An organisation's own bodies. */
export const bodiesOf = (organisationId: string, which: readonly Body[] = bodies): BodyRef[] => which.map((body) => ({ organisationId, body }));

/**
 * The bodies that read an organisation's reports: its own, and a shared commission elsewhere that
 * serves one of its routes. They are told of every change to a text the organisation's reporters read.
 */
export async function readingBodiesOf(db: Db | Tx, organisationId: string): Promise<BodyRef[]> {
  const rows = await db.select({ code: routes.code, bodyOrganisationId: routes.bodyOrganisationId }).from(routes).where(inOrg(organisationId, routes));
  const refs = new Map<string, BodyRef>(bodiesOf(organisationId).map((ref) => [`${ref.organisationId}:${ref.body}`, ref]));
  for (const row of rows) {
    const body = bodyOfRoute(row);
    if (body) refs.set(`${row.bodyOrganisationId}:${body}`, { organisationId: row.bodyOrganisationId, body });
  }
  return [...refs.values()];
}

/**
 * Writes a notice for every admitted member of the bodies (in the caller's transaction) and
 * returns their ids, so that the caller can send the content-free mail after committing.
 */
export async function writeNotices(
  s: Pick<Services, 'sodium' | 'serverKeys' | 'now'> & { db: Db | Tx },
  bodiesConcerned: readonly BodyRef[],
  kind: NoticeKind,
  detail: Record<string, string>,
  /** Someone told beside the members, such as the person just removed. */
  also: readonly string[] = [],
): Promise<string[]> {
  const recipients = new Set<string>(also);
  const seen = new Set<string>();
  for (const ref of bodiesConcerned) {
    if (seen.has(`${ref.organisationId}:${ref.body}`)) continue;
    seen.add(`${ref.organisationId}:${ref.body}`);
    for (const m of (await verifiedBodyState(s, ref.organisationId, ref.body)).members) recipients.add(m.userId);
  }
  if (recipients.size === 0) return [];
  await s.db.insert(staffNotices).values([...recipients].map((userId) => ({ userId, kind, detail, createdAt: s.now() })));
  return [...recipients];
}

/** A notice for named people about one case (its number, never its content), in the caller's transaction; returns who to mail after committing. */
export async function noticeTo(s: Pick<Services, 'now'> & { db: Db | Tx }, userIds: readonly string[], kind: NoticeKind, detail: Record<string, string>): Promise<string[]> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return [];
  await s.db.insert(staffNotices).values(recipients.map((userId) => ({ userId, kind, detail, createdAt: s.now() })));
  return recipients;
}

/** The mail says only that there is a notice; what changed is on the staff home page. */
export async function mailNotices(s: Services, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  // Each person in their own organisation's language, with a link to their own organisation's pages.
  const rows = await s.db
    .select({ email: users.email, language: organisations.defaultLanguage, slug: organisations.slug, hostName: organisations.hostName })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    // Recipients may sit in another organisation's shared commission; the callers took their ids from verified bodies.
    .where(unsafeAnyOrg('notice recipients can be members of a shared commission of another organisation', inArray(users.id, [...userIds])));
  let failed = 0;
  for (const row of rows) {
    const t = translator(languageOf(row.language));
    try {
      await s.mailer.send({ to: row.email, subject: t('mail.notice.subject'), text: t('mail.notice.body', { link: `${organisationAddress(s.config.baseUrl, row)}/staff` }) });
    } catch {
      failed++;
    }
  }
  // The notice itself is stored; a failed mail is only a missed nudge.
  if (failed > 0) s.logger.warn({ failed }, 'notice mails could not all be sent');
}

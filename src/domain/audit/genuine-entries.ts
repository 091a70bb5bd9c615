import { type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditLog, organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { auditHash } from './audit-hash.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Up to which number the chain's entries were written before chains named their organisation. */
export async function legacyUntilOf(db: Db | Tx, organisationId: string): Promise<number> {
  const [row] = await db.select({ until: organisations.auditLegacyUntil }).from(organisations).where(inOrg(organisationId, organisations));
  return row?.until ?? 0;
}

/**
 * Entries of one organisation's chain, matching the condition, that really are what they say:
 * someone who can edit the database but does not hold the server key can neither write nor alter
 * one, nor move one from another organisation's chain into this one.
 */
export async function genuineEntries(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, organisationId: string, condition: SQL): Promise<AuditRow[]> {
  const legacyUntil = await legacyUntilOf(s.db, organisationId);
  const rows = await s.db
    .select()
    .from(auditLog)
    .where(inOrg(organisationId, auditLog, condition));
  return rows.filter((entry) => s.sodium.memcmp(auditHash(s.sodium, s.serverKeys.audit, entry.prevHash, entry, entry.seq <= legacyUntil), entry.hash));
}

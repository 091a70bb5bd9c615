import { desc, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { auditHash, GENESIS_HASH, type AuditFields } from './audit-hash.js';

// Lock id for appends: entries are numbered without gaps per chain, so a missing number means a removed row.
const AUDIT_LOCK_ID = 7_431_903;

export type AuditEntry = Omit<AuditFields, 'seq' | 'at'>;

/**
 * Appends one entry to its organisation's chain inside the caller's transaction (or its own), so
 * an action and its audit entry are stored together or not at all.
 */
export async function appendAudit(s: Pick<Services, 'sodium' | 'serverKeys' | 'now'> & { db: Db | Tx }, entry: AuditEntry): Promise<void> {
  const write = async (tx: Db | Tx) => {
    // One lock per chain: organisations never wait for each other's entries.
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_ID}, hashtext(${entry.organisationId}))`);
    const [last] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(inOrg(entry.organisationId, auditLog))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const fields: AuditFields = { ...entry, seq: (last?.seq ?? 0) + 1, at: s.now() };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditLog).values({ ...fields, organisationId: entry.organisationId, prevHash, hash: auditHash(s.sodium, s.serverKeys.audit, prevHash, fields) });
  };
  if ('rollback' in s.db) await write(s.db);
  else await s.db.transaction(write);
}


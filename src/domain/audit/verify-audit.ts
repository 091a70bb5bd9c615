import { asc, count, gt } from 'drizzle-orm';
import { auditLog, organisations, PLATFORM_CHAIN } from '../../db/schema.js';
import { inOrg, unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { readAuditAnchor } from './audit-anchor.js';
import { legacyUntilOf } from './genuine-entries.js';

export type AuditVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'edited' | 'missing' | 'relinked' | 'truncated' | 'anchor'; chain?: string };

const BATCH = 1000;

/** Walks one chain (an organisation's, or the platform's) in order and names the first entry that does not check out. */
export async function unsafeVerifyAuditChain(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'config'>, chain: string): Promise<AuditVerdict> {
  const anchor = await readAuditAnchor(s, chain);
  if (anchor === 'invalid') return { ok: false, entries: 0, brokenAt: 0, reason: 'anchor', chain };
  const legacyUntil = chain === PLATFORM_CHAIN ? 0 : await legacyUntilOf(s.db, chain);
  let anchorSeen = false;
  let expectedSeq = 1;
  let prevHash: Uint8Array = GENESIS_HASH;
  for (;;) {
    const rows = await s.db
      .select()
      .from(auditLog)
      .where(inOrg(chain, auditLog, gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, reason: 'missing', chain };
      if (!s.sodium.memcmp(row.prevHash, prevHash)) return { ok: false, entries: expectedSeq - 1, brokenAt: row.seq, reason: 'relinked', chain };
      const hash = auditHash(s.sodium, s.serverKeys.audit, prevHash, row, row.seq <= legacyUntil);
      if (!s.sodium.memcmp(hash, row.hash)) return { ok: false, entries: expectedSeq - 1, brokenAt: row.seq, reason: 'edited', chain };
      if (anchor && row.seq === anchor.seq) anchorSeen = s.sodium.memcmp(row.hash, anchor.hash);
      prevHash = row.hash;
      expectedSeq++;
    }
  }
  // The chain checks out as far as it goes; it must also reach the anchored head.
  if (anchor && !anchorSeen) return { ok: false, entries: expectedSeq - 1, brokenAt: Math.min(expectedSeq, anchor.seq), reason: 'truncated', chain };
  const [total] = await s.db.select({ n: count() }).from(auditLog).where(inOrg(chain, auditLog));
  return { ok: true, entries: total?.n ?? 0 };
}

/** Every chain of the installation: each organisation's and the platform's; the first broken one is named. */
export async function unsafeVerifyAudit(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'config'>): Promise<AuditVerdict> {
  const chains = [...(await s.db.select({ id: organisations.id }).from(organisations).where(unsafeAnyOrg('verifying every chain of the installation')).orderBy(asc(organisations.createdAt))).map((row) => row.id), PLATFORM_CHAIN];
  let entries = 0;
  for (const chain of chains) {
    const verdict = await unsafeVerifyAuditChain(s, chain);
    if (!verdict.ok) return verdict;
    entries += verdict.entries;
  }
  return { ok: true, entries };
}

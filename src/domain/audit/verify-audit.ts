import { asc, count, gt } from 'drizzle-orm';
import { auditLog } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { readAuditAnchor } from './audit-anchor.js';

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: 'edited' | 'missing' | 'relinked' | 'truncated' | 'anchor' };

const BATCH = 1000;

/** Walks the whole chain in order and names the first entry that does not check out. */
export async function unsafeVerifyAudit(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'config'>): Promise<AuditVerdict> {
  const anchor = await readAuditAnchor(s);
  if (anchor === 'invalid') return { ok: false, entries: 0, brokenAt: 0, reason: 'anchor' };
  let anchorSeen = false;
  let expectedSeq = 1;
  let prevHash: Uint8Array = GENESIS_HASH;
  for (;;) {
    const rows = await s.db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, reason: 'missing' };
      if (!s.sodium.memcmp(row.prevHash, prevHash)) return { ok: false, entries: expectedSeq - 1, brokenAt: row.seq, reason: 'relinked' };
      const hash = auditHash(s.sodium, s.serverKeys.audit, prevHash, row);
      if (!s.sodium.memcmp(hash, row.hash)) return { ok: false, entries: expectedSeq - 1, brokenAt: row.seq, reason: 'edited' };
      if (anchor && row.seq === anchor.seq) anchorSeen = s.sodium.memcmp(row.hash, anchor.hash);
      prevHash = row.hash;
      expectedSeq++;
    }
  }
  // The chain checks out as far as it goes; it must also reach the anchored head.
  if (anchor && !anchorSeen) return { ok: false, entries: expectedSeq - 1, brokenAt: Math.min(expectedSeq, anchor.seq), reason: 'truncated' };
  const [total] = await s.db.select({ n: count() }).from(auditLog);
  return { ok: true, entries: total?.n ?? 0 };
}

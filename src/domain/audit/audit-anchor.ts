import { readFile, rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../db/schema.js';
import type { Services } from '../../services.js';

// The audit chain's head, kept apart from the database: a file beside the server key with the
// latest sequence number and hash, MACed with the server's audit key. Someone who edits the
// database can delete the newest entries without breaking the chain itself; the anchor shows
// that entries up to its number existed. The scheduler moves it on every run (each minute by
// default), so at most the entries of the last minute could go unnoticed.

export interface AuditAnchor {
  seq: number;
  hash: Uint8Array;
}

type Ctx = Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'config'>;

const anchorFile = (s: Pick<Services, 'config'>) => join(s.config.dataDir, 'audit-head.json');
const macOf = (s: Pick<Services, 'sodium' | 'serverKeys'>, seq: number, hash: Uint8Array) =>
  s.sodium.to_hex(s.sodium.crypto_generichash(32, s.sodium.from_string(`audit-head:${seq}:${s.sodium.to_hex(hash)}`), s.serverKeys.audit));

/** The anchored head; null when none was written yet; 'invalid' when the file was altered. */
export async function readAuditAnchor(s: Pick<Services, 'sodium' | 'serverKeys' | 'config'>): Promise<AuditAnchor | null | 'invalid'> {
  let text: string;
  try {
    text = await readFile(anchorFile(s), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as { seq: number; hash: string; mac: string };
    const hash = s.sodium.from_hex(parsed.hash);
    if (!Number.isInteger(parsed.seq) || parsed.mac !== macOf(s, parsed.seq, hash)) return 'invalid';
    return { seq: parsed.seq, hash };
  } catch {
    return 'invalid';
  }
}

/** Moves the anchor to the chain's current head (never backwards). */
export async function anchorAuditHead(s: Ctx): Promise<void> {
  const [head] = await s.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  if (!head) return;
  const current = await readAuditAnchor(s);
  if (current && current !== 'invalid' && current.seq >= head.seq) return;
  const file = anchorFile(s);
  // A name of its own per write: two runs in one process (or two processes) never share one.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, JSON.stringify({ seq: head.seq, hash: s.sodium.to_hex(head.hash), mac: macOf(s, head.seq, head.hash) }), { mode: 0o600 });
  await rename(temporary, file);
}

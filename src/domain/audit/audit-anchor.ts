import { readFile, rename, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { desc, gt } from 'drizzle-orm';
import { auditLog, organisations } from '../../db/schema.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';

// Each audit chain's head, kept apart from the database: a file beside the server key with the
// latest sequence number and hash of every chain (one per organisation, one for the platform),
// each MACed with the server's audit key and the chain's name. Someone who edits the database can
// delete the newest entries without breaking a chain itself; the anchor shows that entries up to
// its number existed. The scheduler moves it on every run (each minute by default), so at most the
// entries of the last minute could go unnoticed.

export interface AuditAnchor {
  seq: number;
  hash: Uint8Array;
}

type Ctx = Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'config'>;
type Stored = { seq: number; hash: string; mac: string };
type AnchorFile = { chains: Record<string, Stored> };

const anchorFile = (s: Pick<Services, 'config'>) => join(s.config.dataDir, 'audit-head.json');
const macOf = (s: Pick<Services, 'sodium' | 'serverKeys'>, chain: string | null, seq: number, hash: Uint8Array) =>
  s.sodium.to_hex(
    s.sodium.crypto_generichash(32, s.sodium.from_string(chain === null ? `audit-head:${seq}:${s.sodium.to_hex(hash)}` : `audit-head:${chain}:${seq}:${s.sodium.to_hex(hash)}`), s.serverKeys.audit),
  );

async function readFileOrNull(s: Pick<Services, 'config'>): Promise<string | null> {
  try {
    return await readFile(anchorFile(s), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The chain that holds the entries of the time before chains were per organisation (the first organisation's). */
async function legacyChain(s: Pick<Services, 'db'>): Promise<string | null> {
  const [row] = await s.db.select({ id: organisations.id }).from(organisations).where(unsafeAnyOrg('finding which organisation holds the entries from before chains were per organisation', gt(organisations.auditLegacyUntil, 0))).limit(1);
  return row?.id ?? null;
}

/** Every chain's anchored head, checked; 'invalid' when the file was altered. */
async function readAnchors(s: Ctx): Promise<Map<string, AuditAnchor> | null | 'invalid'> {
  const text = await readFileOrNull(s);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as AnchorFile | Stored;
    const anchors = new Map<string, AuditAnchor>();
    if (!('chains' in parsed)) {
      // Written by a version with one chain: it anchors the chain that version wrote.
      const hash = s.sodium.from_hex(parsed.hash);
      if (!Number.isInteger(parsed.seq) || parsed.mac !== macOf(s, null, parsed.seq, hash)) return 'invalid';
      const chain = await legacyChain(s);
      if (chain) anchors.set(chain, { seq: parsed.seq, hash });
      return anchors;
    }
    for (const [chain, stored] of Object.entries(parsed.chains)) {
      const hash = s.sodium.from_hex(stored.hash);
      if (!Number.isInteger(stored.seq) || stored.mac !== macOf(s, chain, stored.seq, hash)) return 'invalid';
      anchors.set(chain, { seq: stored.seq, hash });
    }
    return anchors;
  } catch {
    return 'invalid';
  }
}

/** The anchored head of one chain; null when none was written yet; 'invalid' when the file was altered. */
export async function readAuditAnchor(s: Ctx, chain: string): Promise<AuditAnchor | null | 'invalid'> {
  const anchors = await readAnchors(s);
  if (anchors === 'invalid') return 'invalid';
  return anchors?.get(chain) ?? null;
}

/** Moves every chain's anchor to its current head (never backwards). */
export async function anchorAuditHead(s: Ctx): Promise<void> {
  // The newest entry of each chain.
  const heads = await s.db
    .selectDistinctOn([auditLog.organisationId], { chain: auditLog.organisationId, seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(unsafeAnyOrg('the anchor file holds the head of every chain of the installation'))
    .orderBy(auditLog.organisationId, desc(auditLog.seq));
  if (heads.length === 0) return;
  const current = await readAnchors(s);
  const known = current === 'invalid' || current === null ? new Map<string, AuditAnchor>() : current;
  let moved = false;
  const chains: Record<string, Stored> = {};
  for (const [chain, anchor] of known) chains[chain] = { seq: anchor.seq, hash: s.sodium.to_hex(anchor.hash), mac: macOf(s, chain, anchor.seq, anchor.hash) };
  for (const head of heads) {
    const before = known.get(head.chain);
    if (before && current !== 'invalid' && before.seq >= head.seq) continue;
    chains[head.chain] = { seq: head.seq, hash: s.sodium.to_hex(head.hash), mac: macOf(s, head.chain, head.seq, head.hash) };
    moved = true;
  }
  // An old-format file is rewritten in the new one even when no head moved.
  if (!moved && current !== null && current !== 'invalid' && (await readFileOrNull(s))?.includes('"chains"')) return;
  const file = anchorFile(s);
  // A name of its own per write: two runs in one process (or two processes) never share one.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, JSON.stringify({ chains } satisfies AnchorFile), { mode: 0o600 });
  await rename(temporary, file);
}


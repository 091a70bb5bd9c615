import type { Sodium } from '../../crypto/sodium.js';

export interface AuditFields {
  seq: number;
  at: Date;
  actorKind: 'staff' | 'reporter' | 'system';
  actorUserId: string | null;
  action: string;
  caseId: string | null;
  detail: Record<string, string | number | boolean>;
}

/** A fixed text form of an entry: the same fields always give the same bytes. */
function canonical(entry: AuditFields): string {
  const detail = Object.keys(entry.detail)
    .sort()
    .map((key) => [key, entry.detail[key]]);
  return JSON.stringify([entry.seq, entry.at.toISOString(), entry.actorKind, entry.actorUserId, entry.action, entry.caseId, detail]);
}

/**
 * Keyed with the server's audit key: someone who can edit the database but does not hold the
 * server key cannot recompute a consistent chain after changing a row.
 */
export function auditHash(sodium: Sodium, key: Uint8Array, prevHash: Uint8Array, entry: AuditFields): Uint8Array {
  const body = sodium.from_string(canonical(entry));
  const message = new Uint8Array(prevHash.length + body.length);
  message.set(prevHash);
  message.set(body, prevHash.length);
  return sodium.crypto_generichash(32, message, key);
}

export const GENESIS_HASH = new Uint8Array(32);

import type { Sodium } from '../../crypto/sodium.js';

export interface AuditFields {
  /** The chain the entry belongs to: its organisation's, or the platform's. */
  organisationId: string;
  seq: number;
  at: Date;
  actorKind: 'staff' | 'reporter' | 'system';
  actorUserId: string | null;
  action: string;
  caseId: string | null;
  detail: Record<string, string | number | boolean>;
}

/**
 * A fixed text form of an entry: the same fields always give the same bytes. It names the entry's
 * chain, so an entry moved into another organisation's chain no longer checks out; entries written
 * before chains were per organisation ('legacy', see organisations.audit_legacy_until) do not.
 */
function canonical(entry: AuditFields, legacy: boolean): string {
  const detail = Object.keys(entry.detail)
    .sort()
    .map((key) => [key, entry.detail[key]]);
  const fields = [entry.seq, entry.at.toISOString(), entry.actorKind, entry.actorUserId, entry.action, entry.caseId, detail];
  return JSON.stringify(legacy ? fields : [entry.organisationId, ...fields]);
}

/**
 * Keyed with the server's audit key: someone who can edit the database but does not hold the
 * server key cannot recompute a consistent chain after changing a row.
 */
export function auditHash(sodium: Sodium, key: Uint8Array, prevHash: Uint8Array, entry: AuditFields, legacy = false): Uint8Array {
  const body = sodium.from_string(canonical(entry, legacy));
  const message = new Uint8Array(prevHash.length + body.length);
  message.set(prevHash);
  message.set(body, prevHash.length);
  return sodium.crypto_generichash(32, message, key);
}

export const GENESIS_HASH = new Uint8Array(32);

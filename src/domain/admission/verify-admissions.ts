import { eq, inArray } from 'drizzle-orm';
import { keyFingerprint, verifyAdmission } from '../../crypto/signing.js';
import { auditLog, bodyAdmissions, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { genuineEntries } from '../audit/genuine-entries.js';
import { admitterRole, type Body } from './bodies.js';

type AdmissionRow = typeof bodyAdmissions.$inferSelect;

export interface AdmittedMember {
  admissionId: string;
  userId: string;
  displayName: string;
  /** The roles the body admitted that the account still holds: a role added later admits nothing. */
  roles: Role[];
  /** The key the body signed: cases are sealed to this, never to whatever the users row says now. */
  boxPublicKey: Uint8Array;
  signingPublicKey: Uint8Array;
  fingerprint: string;
  admittedOn: string;
  admittedBy: string | null;
}

export interface BodyRoot {
  admissionId: string;
  userId: string;
  statement: string;
  admittedOn: string;
  fingerprint: string;
}

export interface BodyState {
  root: BodyRoot | null;
  /** Admissions whose signatures verify up to a founding statement, removed ones excluded. */
  members: AdmittedMember[];
  /** Rows that claim an admission but do not verify (shown to the body, never used). */
  invalid: Array<{ admissionId: string; userId: string }>;
  /** Everyone the body ever admitted (removed, deactivated or stripped of roles included): told of a new founding. */
  everAdmitted: string[];
  /** Verified admissions not removed, whatever the account's state: while any exists the body cannot be founded again. */
  openAdmissions: number;
}

const fieldsOf = (row: AdmissionRow) => ({
  id: row.id,
  body: row.body,
  userId: row.userId,
  roles: row.roles,
  boxPublicKey: row.boxPublicKey,
  signingPublicKey: row.signingPublicKey,
  admittedOn: row.admittedOn,
  admittedBy: row.admittedBy,
  statement: row.statement,
});

type AuditRow = typeof auditLog.$inferSelect;

/**
 * Entries of the keyed audit chain that really are what they say: someone who can edit the
 * database but does not hold the server key can neither write nor alter one.
 */
async function anchoredEntries(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, organisationId: string, body: Body): Promise<{ founded: AuditRow[]; removed: Map<string, Date> }> {
  const rows = await genuineEntries(s, organisationId, inArray(auditLog.action, ['body.founded', 'member.removed']));
  const genuine = rows.filter((entry) => entry.detail.body === body);
  return {
    founded: genuine.filter((entry) => entry.action === 'body.founded'),
    removed: new Map(genuine.filter((entry) => entry.action === 'member.removed' && typeof entry.detail.admission === 'string').map((entry) => [entry.detail.admission as string, entry.at])),
  };
}

/**
 * A founding statement counts only when it is signed by its own key and the audit chain recorded
 * that founding (action 'body.founded' naming the admission and its fingerprint), so nobody
 * without the server key can plant a root of their own.
 */
function rootIsAnchored(sodium: Pick<Services, 'sodium'>['sodium'], founded: AuditRow[], row: AdmissionRow): boolean {
  const fingerprint = keyFingerprint(sodium, row.boxPublicKey, row.signingPublicKey);
  return founded.some((entry) => entry.detail.admission === row.id && entry.detail.fingerprint === fingerprint && entry.actorUserId === row.userId);
}

/**
 * Who the organisation's body has admitted, verified from scratch on every call: a root anchored in the audit
 * chain, then every admission signed by an already verified member who holds the body's
 * admitting role. Removal ends reading, not the signatures someone made while admitted.
 */
export async function verifiedBodyState(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, organisationId: string, body: Body): Promise<BodyState> {
  const loaded = await s.db
    .select()
    .from(bodyAdmissions)
    .where(inOrg(organisationId, bodyAdmissions, eq(bodyAdmissions.body, body)));
  const anchors = await anchoredEntries(s, organisationId, body);
  // A removal recorded in the audit chain stands even if the row's removed_at is cleared again.
  const rows = loaded.map((row) => (row.removedAt === null && anchors.removed.has(row.id) ? { ...row, removedAt: anchors.removed.get(row.id)! } : row));
  const valid = new Map<string, AdmissionRow>();
  let root: AdmissionRow | null = null;
  for (const row of rows) {
    if (row.admittedBy !== null || row.statement === null) continue;
    if (!s.sodium.memcmp(row.admitterSigningKey, row.signingPublicKey)) continue;
    if (!verifyAdmission(s.sodium, row.signingPublicKey, fieldsOf(row), row.signature)) continue;
    if (!rootIsAnchored(s.sodium, anchors.founded, row)) continue;
    valid.set(row.id, row);
    // The latest founding is the one shown (a body re-founded after all its readers left).
    if (!root || row.admittedOn > root.admittedOn || (row.admittedOn === root.admittedOn && row.createdAt > root.createdAt)) root = row;
  }
  const admits = admitterRole[body];
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of rows) {
      if (valid.has(row.id) || row.admittedBy === null) continue;
      const admitter = [...valid.values()].find(
        (v) =>
          v.userId === row.admittedBy &&
          v.roles.includes(admits) &&
          s.sodium.memcmp(v.signingPublicKey, row.admitterSigningKey) &&
          v.admittedOn <= row.admittedOn &&
          (v.removedAt === null || v.removedAt >= row.createdAt),
      );
      if (admitter && verifyAdmission(s.sodium, row.admitterSigningKey, fieldsOf(row), row.signature)) {
        valid.set(row.id, row);
        changed = true;
      }
    }
  }
  const current = [...valid.values()].filter((row) => row.removedAt === null);
  const accounts = current.length
    ? await s.db
        .select({ id: users.id, name: users.displayName, roles: users.roles, status: users.status, publicKey: users.publicKey, signingPublicKey: users.signingPublicKey })
        .from(users)
        // Only the body's own organisation's accounts: a row naming someone elsewhere admits nobody.
        .where(inOrg(organisationId, users, inArray(users.id, current.map((row) => row.userId)), eq(users.status, 'active')))
    : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const members: AdmittedMember[] = [];
  for (const row of current) {
    const account = byId.get(row.userId);
    // A deactivated account, an administrator, or keys replaced since admission: no reading.
    if (!account || account.roles.includes('administrator')) continue;
    if (!account.publicKey || !s.sodium.memcmp(account.publicKey, row.boxPublicKey)) continue;
    if (!account.signingPublicKey || !s.sodium.memcmp(account.signingPublicKey, row.signingPublicKey)) continue;
    const roles = row.roles.filter((role) => account.roles.includes(role)) as Role[];
    if (roles.length === 0) continue;
    members.push({
      admissionId: row.id,
      userId: row.userId,
      displayName: account.name,
      roles,
      boxPublicKey: row.boxPublicKey,
      signingPublicKey: row.signingPublicKey,
      fingerprint: keyFingerprint(s.sodium, row.boxPublicKey, row.signingPublicKey),
      admittedOn: row.admittedOn,
      admittedBy: row.admittedBy,
    });
  }
  members.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    root: root
      ? { admissionId: root.id, userId: root.userId, statement: root.statement!, admittedOn: root.admittedOn, fingerprint: keyFingerprint(s.sodium, root.boxPublicKey, root.signingPublicKey) }
      : null,
    members,
    invalid: rows.filter((row) => !valid.has(row.id) && row.removedAt === null).map((row) => ({ admissionId: row.id, userId: row.userId })),
    everAdmitted: [...new Set([...valid.values()].map((row) => row.userId))],
    openAdmissions: current.length,
  };
}

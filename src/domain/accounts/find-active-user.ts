import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import type { Services } from '../../services.js';

export type UserRow = typeof users.$inferSelect;

/** The accounts of one organisation, or (null) the platform's own. */
export const ofOrganisation = (organisationId: string | null) => (organisationId === null ? isNull(users.organisationId) : eq(users.organisationId, organisationId));

/**
 * An active account of this organisation with complete key material, or null: an account of
 * another organisation signs in at its own organisation's address, never here.
 */
export async function findActiveUserByEmail(s: Pick<Services, 'db'>, organisationId: string | null, email: string): Promise<ActiveUser | null> {
  const rows = await s.db.select().from(users).where(and(eq(users.email, email), eq(users.status, 'active'), ofOrganisation(organisationId)));
  return asActiveUser(rows[0]);
}

export async function findActiveUserById(s: Pick<Services, 'db'>, id: string): Promise<ActiveUser | null> {
  const rows = await s.db.select().from(users).where(and(eq(users.id, id), eq(users.status, 'active')));
  return asActiveUser(rows[0]);
}

export type ActiveUser = UserRow & {
  kdfSalt: Uint8Array;
  kdfOpsLimit: number;
  kdfMemLimit: number;
  passwordVerifier: Uint8Array;
  privateKeyByPassword: Uint8Array;
  privateKeyByRecovery: Uint8Array;
  totpSecretSealed: Uint8Array;
};

function asActiveUser(row: UserRow | undefined): ActiveUser | null {
  if (!row) return null;
  const { kdfSalt, kdfOpsLimit, kdfMemLimit, passwordVerifier, privateKeyByPassword, privateKeyByRecovery, totpSecretSealed } = row;
  if (!kdfSalt || !kdfOpsLimit || !kdfMemLimit || !passwordVerifier || !privateKeyByPassword || !privateKeyByRecovery || !totpSecretSealed) {
    return null;
  }
  return row as ActiveUser;
}

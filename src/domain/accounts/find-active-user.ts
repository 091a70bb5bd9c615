import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { unsafeAnyOrg, inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';

export type UserRow = typeof users.$inferSelect;

/**
 * An active account of this organisation with complete key material, or null: an account of
 * another organisation signs in at its own organisation's address, never here.
 */
export async function findActiveUserByEmail(s: Pick<Services, 'db'>, organisationId: string | null, email: string): Promise<ActiveUser | null> {
  const rows = await s.db.select().from(users).where(inAccountsOf(organisationId, users, eq(users.email, email), eq(users.status, 'active')));
  return asActiveUser(rows[0]);
}

/** The signed-in person's own active account, in their organisation (or the platform's, for its operator). */
export async function findOwnActiveUser(s: Pick<Services, 'db'>, actor: { userId: string; organisationId: string | null }): Promise<ActiveUser | null> {
  const rows = await s.db.select().from(users).where(inAccountsOf(actor.organisationId, users, eq(users.id, actor.userId), eq(users.status, 'active')));
  return asActiveUser(rows[0]);
}

/**
 * An active account by its id alone, of whichever organisation (or none). Only the test support
 * calls it (to unlock an account it just made); code acting for someone uses findOwnActiveUser.
 */
export async function findActiveUserById(s: Pick<Services, 'db'>, id: string): Promise<ActiveUser | null> {
  const rows = await s.db.select().from(users).where(unsafeAnyOrg('by id alone for the test support, which names no organisation', eq(users.id, id), eq(users.status, 'active')));
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

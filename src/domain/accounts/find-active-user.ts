import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import type { Services } from '../../services.js';

export type UserRow = typeof users.$inferSelect;

/** An active account with complete key material, or null. */
export async function findActiveUserByEmail(s: Pick<Services, 'db'>, email: string): Promise<ActiveUser | null> {
  const rows = await s.db.select().from(users).where(and(eq(users.email, email), eq(users.status, 'active')));
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

import { eq, isNull, lte, or, sql } from 'drizzle-orm';
import { loginAttempts, users } from '../../db/schema.js';
import { inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';

// Failed attempts are counted per address typed into the form, never per IP address: no IP address
// is stored anywhere. Whether the address has an account or not, it is the same row (under a keyed
// hash of the address, so a database dump does not list who was tried), the same statements and
// the same rule, and the same clean-up a day after the last attempt: the throttle cannot tell who
// works here. An attempt is counted before the password is checked, so parallel guesses all count;
// success removes the count.
export const FREE_ATTEMPTS = 5;
export const MAX_LOCK_MINUTES = 60;

export function lockMinutes(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failedAttempts - FREE_ATTEMPTS), MAX_LOCK_MINUTES);
}

type ThrottleServices = Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>;

// Per organisation as well as address: the same address may have an account at two organisations,
// and attempts at one must not lock the other out.
function addressKey(s: Pick<Services, 'sodium' | 'serverKeys'>, organisationId: string | null, email: string): Uint8Array {
  return s.sodium.crypto_generichash(16, s.sodium.from_string(`${organisationId ?? 'platform'}:${email.trim().toLowerCase()}`), s.serverKeys.throttle);
}

/**
 * Counts an attempt on an address, or refuses it (429, with the seconds left) while the address is
 * locked: five free attempts, then a lock that doubles from one minute up to an hour.
 */
export async function countAttemptOnAddress(s: ThrottleServices, organisationId: string | null, email: string): Promise<void> {
  const now = s.now();
  const keyHash = addressKey(s, organisationId, email);
  const rows = await s.db
    .insert(loginAttempts)
    .values({ keyHash, failed: 1, lastAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.keyHash,
      set: { failed: sql`${loginAttempts.failed} + 1`, lastAt: now },
      setWhere: or(isNull(loginAttempts.lockedUntil), lte(loginAttempts.lockedUntil, now)),
    })
    .returning({ failed: loginAttempts.failed });
  const row = rows[0];
  if (!row) {
    const [locked] = await s.db.select({ lockedUntil: loginAttempts.lockedUntil }).from(loginAttempts).where(eq(loginAttempts.keyHash, keyHash));
    const seconds = Math.max(1, Math.ceil(((locked?.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw new AppError('throttled', [], seconds);
  }
  const minutes = lockMinutes(row.failed);
  if (minutes > 0) await s.db.update(loginAttempts).set({ lockedUntil: new Date(now.getTime() + minutes * 60_000) }).where(eq(loginAttempts.keyHash, keyHash));
}

/** After a success: the address starts afresh. */
export async function resetAttemptsOnAddress(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, organisationId: string | null, email: string): Promise<void> {
  await s.db.delete(loginAttempts).where(eq(loginAttempts.keyHash, addressKey(s, organisationId, email)));
}

/**
 * For commands that start from the account (a change of password, a recovery): counts on the
 * account's address, the same row the log-in form counts on.
 */
export async function countAttempt(s: ThrottleServices, organisationId: string | null, userId: string): Promise<void> {
  const account = await addressOf(s, organisationId, userId);
  if (account) await countAttemptOnAddress(s, account.organisationId, account.email);
}

export async function resetAttempts(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, organisationId: string | null, userId: string): Promise<void> {
  const account = await addressOf(s, organisationId, userId);
  if (account) await resetAttemptsOnAddress(s, account.organisationId, account.email);
}

async function addressOf(s: Pick<Services, 'db'>, organisationId: string | null, userId: string): Promise<{ organisationId: string | null; email: string } | null> {
  const [row] = await s.db
    .select({ organisationId: users.organisationId, email: users.email })
    .from(users)
    .where(inAccountsOf(organisationId, users, eq(users.id, userId)));
  return row ?? null;
}

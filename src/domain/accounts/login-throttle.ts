import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { loginAttempts, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';

// Failed attempts are counted per account, never per address: no IP address is stored anywhere.
// An attempt is counted before the password is checked, so parallel guesses all count; success
// resets the count.
export const FREE_ATTEMPTS = 5;
export const MAX_LOCK_MINUTES = 60;

export function lockMinutes(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failedAttempts - FREE_ATTEMPTS), MAX_LOCK_MINUTES);
}

/** Counts an attempt on the account, or refuses it while the account is locked. */
export async function countAttempt(s: Pick<Services, 'db' | 'now'>, userId: string): Promise<void> {
  const now = s.now();
  const rows = await s.db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ failedLogins: users.failedLogins });
  const row = rows[0];
  if (!row) {
    const [locked] = await s.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
    const seconds = Math.max(1, Math.ceil(((locked?.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw new AppError('throttled', [], seconds);
  }
  const minutes = lockMinutes(row.failedLogins);
  if (minutes > 0) {
    await s.db.update(users).set({ lockedUntil: new Date(now.getTime() + minutes * 60_000) }).where(eq(users.id, userId));
  }
}

export async function resetAttempts(s: Pick<Services, 'db'>, userId: string): Promise<void> {
  await s.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/**
 * The same throttle for an address without an account, counted under a keyed hash of the address
 * (the address itself is never stored): five free attempts, then the same growing lock. So the
 * answer (422, then 429 with the same Retry-After) never tells whether an account exists.
 */
export async function countUnknownAttempt(s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>, email: string): Promise<void> {
  const now = s.now();
  const keyHash = s.sodium.crypto_generichash(16, s.sodium.from_string(email.trim().toLowerCase()), s.serverKeys.throttle);
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

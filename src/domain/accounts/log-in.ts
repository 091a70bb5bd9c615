import { spendEquivalentKdfTime, unlockWithPassword } from '../../crypto/account-keys.js';
import { eq, isNull } from 'drizzle-orm';
import { signingKeyPairFrom } from '../../crypto/signing.js';
import { users } from '../../db/schema.js';
import { inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { startSession } from '../sessions/start-session.js';
import { fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { consumeTotpCode } from './check-second-factor.js';
import { findActiveUserByEmail } from './find-active-user.js';
import { countAttemptOnAddress, resetAttemptsOnAddress } from './login-throttle.js';
import { logInSchema } from './schemas.js';

/**
 * Password plus TOTP code. Every failure gives the same answer, whichever part was wrong and
 * whether the account exists, so the form cannot be used to find out who works here: an address
 * without an active account (none, deactivated, invitation not finished) is counted and locked
 * by the same rule in the same row, looked up by the same query, and costs the same Argon2id run
 * (against a dummy verifier) before the same refusal.
 */
export async function logIn(s: Services, organisationId: string | null, input: unknown): Promise<{ sessionToken: string; userId: string }> {
  const form = validate(logInSchema, input);
  await countAttemptOnAddress(s, organisationId, form.email);
  const user = await findActiveUserByEmail(s, organisationId, form.email);
  let privateKey: Uint8Array | null = null;
  if (user) privateKey = await unlockWithPassword(s.kdf, s.sodium, user, form.password);
  else await spendEquivalentKdfTime(s.kdf, s.sodium, form.password);
  if (!user || !privateKey || !(await consumeTotpCode(s, user, form.totpCode))) throw fieldError('form', 'errors.login.failed');
  await resetAttemptsOnAddress(s, organisationId, form.email);
  // Accounts made before signing keys existed get their public signing key at their next log-in.
  if (!user.signingPublicKey) {
    const signingPublicKey = signingKeyPairFrom(s.sodium, privateKey).publicKey;
    await s.db.update(users).set({ signingPublicKey }).where(inAccountsOf(organisationId, users, eq(users.id, user.id), isNull(users.signingPublicKey)));
  }
  const sessionToken = await startSession(s, user.id, privateKey);
  return { sessionToken, userId: user.id };
}

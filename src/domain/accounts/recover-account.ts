import { eq } from 'drizzle-orm';
import { sealPrivateKeyUnderPassword, unlockWithRecoveryKey } from '../../crypto/account-keys.js';
import { users } from '../../db/schema.js';
import { inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { endOtherSessions } from '../sessions/end-session.js';
import { fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { consumeTotpCode } from './check-second-factor.js';
import { findActiveUserByEmail } from './find-active-user.js';
import { countAttemptOnAddress, resetAttemptsOnAddress } from './login-throttle.js';
import { passwordProblem } from './password-policy.js';
import { recoverAccountSchema } from './schemas.js';

/**
 * A forgotten password: the recovery key (shown once at enrolment) opens the private key, the
 * TOTP code proves the second factor, and a new password seals the key again. Nobody else,
 * the administrator included, can do this for the person: that is the point.
 */
export async function recoverAccount(s: Services, organisationId: string | null, input: unknown): Promise<void> {
  const form = validate(recoverAccountSchema, input);
  const problem = passwordProblem(form.newPassword, form.email);
  if (problem) throw fieldError('newPassword', problem);
  if (form.newPassword !== form.newPasswordConfirm) throw fieldError('newPasswordConfirm', 'errors.password.mismatch');
  // Counted on the address before it is looked up, the same for an account and for none, so
  // recovery cannot tell who has one either (as log-in, see log-in.ts).
  await countAttemptOnAddress(s, organisationId, form.email);
  const user = await findActiveUserByEmail(s, organisationId, form.email);
  if (!user) throw fieldError('form', 'errors.recovery.failed');
  const privateKey = unlockWithRecoveryKey(s.sodium, user.privateKeyByRecovery, form.recoveryKey);
  if (!privateKey || !(await consumeTotpCode(s, user, form.totpCode))) throw fieldError('form', 'errors.recovery.failed');
  const sealed = await sealPrivateKeyUnderPassword(s.kdf, s.sodium, privateKey, form.newPassword);
  await s.db.transaction(async (tx) => {
    await tx.update(users).set(sealed).where(inAccountsOf(organisationId, users, eq(users.id, user.id)));
    await endOtherSessions({ db: tx }, user.id);
  });
  await resetAttemptsOnAddress(s, organisationId, form.email);
}

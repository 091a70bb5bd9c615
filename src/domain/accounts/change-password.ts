import { eq } from 'drizzle-orm';
import { sealPrivateKeyUnderPassword, unlockWithPassword } from '../../crypto/account-keys.js';
import { users } from '../../db/schema.js';
import { inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { endOtherSessions } from '../sessions/end-session.js';
import { fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { findOwnActiveUser } from './find-active-user.js';
import { countAttempt, resetAttempts } from './login-throttle.js';
import { passwordProblem } from './password-policy.js';
import { changePasswordSchema } from './schemas.js';

/** Re-seals the private key under the new password and signs out every other session. */
export async function changePassword(s: Services, actor: (Pick<Actor, 'userId' | 'roles'> & { organisationId: string | null }) | null, sessionId: string, input: unknown): Promise<void> {
  authorize(actor, 'account.manage-own');
  const form = validate(changePasswordSchema, input);
  const user = await findOwnActiveUser(s, actor);
  if (!user) throw fieldError('currentPassword', 'errors.password.currentWrong');
  const problem = passwordProblem(form.newPassword, user.email);
  if (problem) throw fieldError('newPassword', problem);
  if (form.newPassword !== form.newPasswordConfirm) throw fieldError('newPasswordConfirm', 'errors.password.mismatch');
  await countAttempt(s, actor.organisationId, user.id);
  const privateKey = await unlockWithPassword(s.kdf, s.sodium, user, form.currentPassword);
  if (!privateKey) throw fieldError('currentPassword', 'errors.password.currentWrong');
  const sealed = await sealPrivateKeyUnderPassword(s.kdf, s.sodium, privateKey, form.newPassword);
  await s.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set(sealed)
      .where(inAccountsOf(actor.organisationId, users, eq(users.id, user.id)));
    await endOtherSessions({ db: tx }, user.id, sessionId);
  });
  await resetAttempts(s, actor.organisationId, user.id);
}

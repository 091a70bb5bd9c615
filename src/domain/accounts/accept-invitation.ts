import { and, eq, isNull } from 'drizzle-orm';
import { createAccountKeys } from '../../crypto/account-keys.js';
import { signingKeyPairFrom } from '../../crypto/signing.js';
import { hashToken } from '../../crypto/tokens.js';
import { verifyTotp } from '../../crypto/totp.js';
import { invitations, PLATFORM_CHAIN, users } from '../../db/schema.js';
import { inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError, fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { mailNotices } from '../admission/announce.js';
import { recordAccountChange } from '../admission/record-change.js';
import { findInvitation } from './find-invitation.js';
import { passwordProblem } from './password-policy.js';
import { acceptInvitationSchema } from './schemas.js';
import { readTotpEnrolment, sealTotpSecret } from './totp-secrets.js';

/**
 * Turns an invitation into an active account in one step: password, TOTP enrolment and the
 * account's key pair. Returns the recovery key, which is shown once and never stored.
 */
export async function acceptInvitation(s: Services, organisationId: string | null, token: string, input: unknown): Promise<{ recoveryKey: string; email: string }> {
  const invitation = await findInvitation(s, organisationId, token);
  const form = validate(acceptInvitationSchema, input);
  const problem = passwordProblem(form.password, invitation.email);
  if (problem) throw fieldError('password', problem);
  if (form.password !== form.passwordConfirm) throw fieldError('passwordConfirm', 'errors.password.mismatch');
  const secret = readTotpEnrolment(s, form.totpEnrolment, token);
  if (!secret) throw new AppError('token_invalid');
  const step = verifyTotp(secret, form.totpCode, s.now().getTime(), 0);
  if (step === null) throw fieldError('totpCode', 'errors.totp.wrong');

  const keys = await createAccountKeys(s.kdf, s.sodium, form.password);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    const used = await tx
      .update(invitations)
      .set({ usedAt: s.now() })
      .where(and(eq(invitations.tokenHash, hashToken(s.sodium, 'invitation', token)), isNull(invitations.usedAt)))
      .returning({ userId: invitations.userId });
    if (used.length !== 1) throw new AppError('token_invalid');
    const activated = {
      status: 'active' as const,
      kdfSalt: keys.kdfSalt,
      kdfOpsLimit: keys.kdfOpsLimit,
      kdfMemLimit: keys.kdfMemLimit,
      passwordVerifier: keys.passwordVerifier,
      publicKey: keys.publicKey,
      signingPublicKey: signingKeyPairFrom(s.sodium, keys.privateKey).publicKey,
      privateKeyByPassword: keys.privateKeyByPassword,
      privateKeyByRecovery: keys.privateKeyByRecovery,
      totpSecretSealed: sealTotpSecret(s, invitation.userId, secret),
      totpLastStep: step,
    };
    const returned = { name: users.displayName, roles: users.roles, organisationId: users.organisationId };
    // The account of the organisation whose address the link was opened at (findInvitation checked it).
    const [account] = await tx.update(users).set(activated).where(inAccountsOf(organisationId, users, eq(users.id, invitation.userId))).returning(returned);
    if (!account) throw new AppError('token_invalid');
    told = await recordAccountChange({ ...s, db: tx }, account.organisationId ?? PLATFORM_CHAIN, invitation.userId, { id: invitation.userId, displayName: account.name, rolesBefore: account.roles, rolesAfter: account.roles }, 'activated', 'invited', 'active');
  });
  await mailNotices(s, told);
  return { recoveryKey: keys.recoveryKey, email: invitation.email };
}

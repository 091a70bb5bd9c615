import { eq, lt } from 'drizzle-orm';
import { verifyTotp } from '../../crypto/totp.js';
import { users } from '../../db/schema.js';
import { inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { type ActiveUser } from './find-active-user.js';
import { openTotpSecret } from './totp-secrets.js';

/**
 * Checks a TOTP code and consumes its time step, so the same code cannot be used twice. The
 * update is conditional, so two requests racing with one code cannot both succeed.
 */
export async function consumeTotpCode(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'now'>, user: ActiveUser, code: string): Promise<boolean> {
  const secret = openTotpSecret(s, user.id, user.totpSecretSealed);
  if (!secret) return false;
  const step = verifyTotp(secret, code, s.now().getTime(), user.totpLastStep);
  if (step === null) return false;
  const updated = await s.db
    .update(users)
    .set({ totpLastStep: step })
    .where(inAccountsOf(user.organisationId, users, eq(users.id, user.id), lt(users.totpLastStep, step)))
    .returning({ id: users.id });
  return updated.length === 1;
}

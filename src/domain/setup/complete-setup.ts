import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashToken, isWellFormedToken } from '../../crypto/tokens.js';
import { organisations, setupTokens } from '../../db/schema.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { displayNameSchema, emailSchema } from '../accounts/schemas.js';
import { unsafeCreateInvitation } from '../accounts/create-invitation.js';
import { AppError } from '../errors.js';
import { unsafeCreateOrganisation } from '../organisation/create-organisation.js';
import { organisationSettingsSchema } from '../organisation/update-organisation.js';
import { validate } from '../validate.js';

export const setupSchema = organisationSettingsSchema.extend({
  adminName: displayNameSchema,
  adminEmail: emailSchema,
});

/** True when the token may still claim the installation (shown before the form). */
export async function isSetupTokenValid(s: Pick<Services, 'db' | 'sodium' | 'now'>, token: string): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const rows = await s.db
    .select({ usedAt: setupTokens.usedAt })
    .from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, hashToken(s.sodium, 'setup', token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, s.now())));
  return rows.length === 1;
}

/**
 * Claims the installation: creates the organisation and invites the first administrator, who then
 * sets a password and enrols TOTP through the ordinary invitation page. The token works once.
 */
export async function completeSetup(
  s: Pick<Services, 'db' | 'sodium' | 'now' | 'serverKeys'>,
  token: string,
  input: unknown,
): Promise<{ invitationToken: string }> {
  if (!isWellFormedToken(token)) throw new AppError('token_invalid');
  const form = validate(setupSchema, input);
  return s.db.transaction(async (tx) => {
    // Marking the token used is the claim itself: of two simultaneous submissions, one wins.
    const claimed = await tx
      .update(setupTokens)
      .set({ usedAt: s.now() })
      .where(and(eq(setupTokens.tokenHash, hashToken(s.sodium, 'setup', token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, s.now())))
      .returning({ tokenHash: setupTokens.tokenHash });
    if (claimed.length !== 1) throw new AppError('token_invalid');
    const existing = await tx.select({ id: organisations.id }).from(organisations).where(unsafeAnyOrg('setup claims only an installation with no organisation at all')).limit(1);
    if (existing.length > 0) throw new AppError('token_invalid');
    const organisation = await unsafeCreateOrganisation({ ...s, db: tx }, { name: form.name, defaultLanguage: form.defaultLanguage, contactText: form.contactText });
    const invitation = await unsafeCreateInvitation({ ...s, db: tx }, organisation.id, {
      email: form.adminEmail,
      displayName: form.adminName,
      roles: ['administrator'],
    });
    return { invitationToken: invitation.token };
  });
}

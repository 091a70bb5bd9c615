import { eq } from 'drizzle-orm';
import { hashToken, newToken } from '../../crypto/tokens.js';
import type { Db, Tx } from '../../db/client.js';
import { invitations, PLATFORM_CHAIN, users } from '../../db/schema.js';
import { inAccountsOf } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { fieldError } from '../errors.js';
import type { InviteUserInput } from './schemas.js';
import { recordAccountChange } from '../admission/record-change.js';

export const INVITATION_DAYS = 7;

/**
 * Creates the invited account and its single-use link. No authorization here on purpose: it is
 * called by the administrator's invite command, by setup and by the command line.
 */
export async function unsafeCreateInvitation(
  s: Pick<Services, 'sodium' | 'now' | 'serverKeys'> & { db: Db | Tx },
  /** The organisation the account works for; null for a platform operator. */
  organisationId: string | null,
  input: InviteUserInput,
  /** Who invites: the administrator, or null for setup and the command line. */
  actorUserId: string | null = null,
): Promise<{ userId: string; token: string; expiresAt: Date; told: string[] }> {
  // An address is unique within its organisation (or among the platform's operators); whether it has
  // an account at another organisation is not shown to this one.
  const existing = await s.db.select({ id: users.id }).from(users).where(inAccountsOf(organisationId, users, eq(users.email, input.email)));
  if (existing.length > 0) throw fieldError('email', 'errors.email.taken');
  const [user] = await s.db
    .insert(users)
    .values({ organisationId, email: input.email, displayName: input.displayName, roles: [...input.roles], status: 'invited' })
    .returning({ id: users.id });
  const token = newToken(s.sodium);
  const expiresAt = new Date(s.now().getTime() + INVITATION_DAYS * 24 * 3600_000);
  await s.db.insert(invitations).values({ tokenHash: hashToken(s.sodium, 'invitation', token), userId: user!.id, expiresAt });
  const told = await recordAccountChange(s, organisationId ?? PLATFORM_CHAIN, actorUserId, { id: user!.id, displayName: input.displayName, rolesBefore: [], rolesAfter: input.roles }, 'invited', '', [...input.roles].join(','));
  return { userId: user!.id, token, expiresAt, told };
}

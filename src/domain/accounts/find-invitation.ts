import { eq, gt, isNull } from 'drizzle-orm';
import { hashToken, isWellFormedToken } from '../../crypto/tokens.js';
import { invitations, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { inAccountsOf } from '../../db/scoped.js';

export interface OpenInvitation {
  userId: string;
  email: string;
  displayName: string;
}

/**
 * The invitation behind a link, if it is unused, unexpired and for an account of the organisation
 * whose address it was opened at; otherwise a token_invalid error.
 */
export async function findInvitation(s: Pick<Services, 'db' | 'sodium' | 'now'>, organisationId: string | null, token: string): Promise<OpenInvitation> {
  if (!isWellFormedToken(token)) throw new AppError('token_invalid');
  const open = [eq(invitations.tokenHash, hashToken(s.sodium, 'invitation', token)), isNull(invitations.usedAt), gt(invitations.expiresAt, s.now()), eq(users.status, 'invited')];
  const rows = await s.db
    .select({ userId: users.id, email: users.email, displayName: users.displayName })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(inAccountsOf(organisationId, users, ...open));
  if (rows.length !== 1) throw new AppError('token_invalid');
  return rows[0]!;
}

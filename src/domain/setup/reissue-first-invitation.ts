import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import { hashToken, newToken } from '../../crypto/tokens.js';
import { invitations, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { appendAudit } from '../audit/append-audit.js';
import { INVITATION_DAYS } from '../accounts/create-invitation.js';

/**
 * Setup was done, but the first administrator never finished their account (the tab was closed
 * before the password was set): while no administrator is active, `tegenspraak init` gives that
 * person a fresh invitation link; their earlier unused links stop working. No authorization here
 * on purpose: only the command line, run by whoever runs the server, calls it.
 */
export async function unsafeReissueFirstAdminInvitation(
  s: Pick<Services, 'db' | 'sodium' | 'now' | 'serverKeys'>,
  organisationId: string,
): Promise<{ email: string; token: string; expiresAt: Date } | null> {
  return s.db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id, email: users.email, status: users.status, createdAt: users.createdAt, organisationId: users.organisationId })
      .from(users)
      .where(inOrg(organisationId, users, arrayContains(users.roles, ['administrator'])));
    if (admins.some((a) => a.status === 'active')) return null;
    const first = admins.filter((a) => a.status === 'invited').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    if (!first) return null;
    await tx.delete(invitations).where(and(eq(invitations.userId, first.id), isNull(invitations.usedAt)));
    const token = newToken(s.sodium);
    const expiresAt = new Date(s.now().getTime() + INVITATION_DAYS * 24 * 3600_000);
    await tx.insert(invitations).values({ tokenHash: hashToken(s.sodium, 'invitation', token), userId: first.id, expiresAt });
    await appendAudit({ ...s, db: tx }, { organisationId, actorKind: 'system', actorUserId: null, action: 'account.changed', caseId: null, detail: { user: first.id, change: 'invited', before: 'invited', after: 'reissued' } });
    return { email: first.email, token, expiresAt };
  });
}

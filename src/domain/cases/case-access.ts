import { and, eq, isNotNull } from 'drizzle-orm';
import { sealToPublicKey } from '../../crypto/case-keys.js';
import { caseDeclarations, caseKeys, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { caseRoles, type Role } from '../access/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError } from '../errors.js';
import { unsafeHandlerCaseKeys, type StaffActor } from '../reports/open-case.js';

export interface KeyHolderView {
  userId: string;
  displayName: string;
  roles: Role[];
}

/** Who holds a key to this case, and who could be given one (for the chair's access panel). */
export async function caseAccessOverview(s: Pick<Services, 'db'>, caseId: string): Promise<{ holders: KeyHolderView[]; candidates: KeyHolderView[] }> {
  const holders = await s.db
    .select({ userId: users.id, displayName: users.displayName, roles: users.roles })
    .from(caseKeys)
    .innerJoin(users, eq(users.id, caseKeys.userId))
    .where(eq(caseKeys.caseId, caseId));
  const recused = new Set(
    (await s.db.select({ userId: caseDeclarations.userId }).from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.decision, 'recused')))).map((r) => r.userId),
  );
  const held = new Set(holders.map((h) => h.userId));
  const everyone = await s.db.select({ userId: users.id, displayName: users.displayName, roles: users.roles }).from(users).where(and(eq(users.status, 'active'), isNotNull(users.publicKey)));
  const candidates = everyone.filter(
    (u) => !held.has(u.userId) && !recused.has(u.userId) && !u.roles.includes('administrator') && u.roles.some((r) => caseRoles.includes(r as Role)),
  );
  return { holders: holders as KeyHolderView[], candidates: candidates as KeyHolderView[] };
}

/**
 * The chair gives someone access to one case: the case key, opened with the chair's own copy,
 * is sealed to that person's public key. Never to an administrator, never to someone who stepped
 * aside from this case.
 */
export async function grantCaseAccess(s: Services, actor: StaffActor | null, caseId: string, userId: string): Promise<void> {
  authorize(actor, 'cases.grant');
  const keys = await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  const { candidates } = await caseAccessOverview(s, caseId);
  const target = candidates.find((c) => c.userId === userId);
  if (!target) throw fieldError('userId', 'errors.grant.notEligible');
  const [user] = await s.db.select({ publicKey: users.publicKey }).from(users).where(eq(users.id, userId));
  await s.db.transaction(async (tx) => {
    await tx.insert(caseKeys).values({
      caseId,
      userId,
      sealedPrivateKey: sealToPublicKey(s.sodium, user!.publicKey!, keys.privateKey),
      sealedInternalKey: keys.internal ? sealToPublicKey(s.sodium, user!.publicKey!, keys.internal.privateKey) : null,
      grantedAt: s.now(),
    });
    await appendAudit({ ...s, db: tx }, { actorKind: 'staff', actorUserId: actor!.userId, action: 'access.granted', caseId, detail: { to: userId } });
  });
}

/** The chair takes someone's access away again; their sealed copy is deleted. The chair keeps their own. */
export async function revokeCaseAccess(s: Services, actor: StaffActor | null, caseId: string, userId: string): Promise<void> {
  authorize(actor, 'cases.grant');
  await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  if (userId === actor!.userId) throw fieldError('userId', 'errors.grant.notSelf');
  await s.db.transaction(async (tx) => {
    const removed = await tx.delete(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, userId))).returning({ userId: caseKeys.userId });
    if (removed.length !== 1) throw new AppError('not_found');
    await appendAudit({ ...s, db: tx }, { actorKind: 'staff', actorUserId: actor!.userId, action: 'access.revoked', caseId, detail: { from: userId } });
  });
}

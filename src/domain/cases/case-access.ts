import { and, eq } from 'drizzle-orm';
import { handlingOrganisationOf } from './handling-organisation.js';
import { sealToPublicKey } from '../../crypto/case-keys.js';
import { caseDecisions, caseDeclarations, caseIdentities, caseKeys, cases, users } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import { withdrawIdentityRequests } from '../identity/withdraw-identity-requests.js';
import { admittedMember, requireAdmittedAs } from '../admission/admitted-readers.js';
import { bodyOfRoute } from '../admission/bodies.js';
import { verifiedBodyState } from '../admission/verify-admissions.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { Role } from '../access/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError, refusal } from '../errors.js';
import { unsafeHandlerCaseKeys, type StaffActor } from './open-case.js';
import { inOrg } from '../../db/scoped.js';

export interface KeyHolderView {
  userId: string;
  displayName: string;
  roles: Role[];
}

/**
 * Who holds a key to this case, and who could be given one (for the chair's access panel): only
 * members the case's body has admitted (external investigators included), never someone who
 * stepped aside from this case. `organisationId` is the reader's: the commission that handles the case.
 */
export async function caseAccessOverview(
  s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>,
  organisationId: string,
  caseId: string,
): Promise<{ holders: KeyHolderView[]; candidates: Array<KeyHolderView & { publicKey: Uint8Array }> }> {
  const holders = await s.db
    .select({ userId: users.id, displayName: users.displayName, roles: users.roles })
    .from(caseKeys)
    .innerJoin(users, eq(users.id, caseKeys.userId))
    .where(inOrg(organisationId, users, eq(caseKeys.caseId, caseId)));
  const recused = new Set(
    (await s.db.select({ userId: caseDeclarations.userId }).from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.decision, 'recused')))).map((r) => r.userId),
  );
  const held = new Set(holders.map((h) => h.userId));
  const [row] = await s.db.select({ code: cases.routeCode }).from(cases).where(inCommission(organisationId, cases, eq(cases.id, caseId)));
  const body = row ? bodyOfRoute(row) : null;
  const members = body ? (await verifiedBodyState(s, await handlingOrganisationOf(s.db, caseId), body)).members : [];
  const candidates = members
    .filter((m) => !held.has(m.userId) && !recused.has(m.userId))
    .map((m) => ({ userId: m.userId, displayName: m.displayName, roles: m.roles, publicKey: m.boxPublicKey }));
  return { holders: holders as KeyHolderView[], candidates };
}

/**
 * The chair gives someone access to one case: the case key, opened with the chair's own copy,
 * is sealed to that person's public key. Never to an administrator, never to someone who stepped
 * aside from this case, and only to the key the body signed.
 */
export async function grantCaseAccess(s: Services, actor: StaffActor | null, caseId: string, userId: string): Promise<void> {
  authorize(actor, 'cases.grant');
  await requireAdmittedAs(s, actor!, 'commission', 'chair');
  const keys = await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  const { candidates } = await caseAccessOverview(s, actor!.organisationId, caseId);
  const target = candidates.find((c) => c.userId === userId);
  if (!target) throw fieldError('userId', 'errors.grant.notEligible');
  await s.db.transaction(async (tx) => {
    await tx.insert(caseKeys).values({
      caseId,
      userId,
      sealedPrivateKey: sealToPublicKey(s.sodium, target.publicKey, keys.privateKey),
      sealedInternalKey: keys.internal ? sealToPublicKey(s.sodium, target.publicKey, keys.internal.privateKey) : null,
      grantedAt: s.now(),
    });
    await appendAudit({ ...s, db: tx }, { organisationId: actor!.organisationId, actorKind: 'staff', actorUserId: actor!.userId, action: 'access.granted', caseId, detail: { to: userId } });
  });
}

/** The chair takes someone's access away again; their sealed copy is deleted. The chair keeps their own. */
export async function revokeCaseAccess(s: Services, actor: StaffActor | null, caseId: string, userId: string): Promise<void> {
  authorize(actor, 'cases.grant');
  await requireAdmittedAs(s, actor!, 'commission', 'chair');
  await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  if (userId === actor!.userId) throw fieldError('userId', 'errors.grant.notSelf');
  await s.db.transaction(async (tx) => {
    const removed = await tx.delete(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, userId))).returning({ userId: caseKeys.userId });
    if (removed.length !== 1) throw new AppError('not_found');
    // Taking a voter's key while a draft decision is open would shrink the quorum to suit.
    const [open] = await tx.select({ id: caseDecisions.id }).from(caseDecisions).where(and(eq(caseDecisions.caseId, caseId), eq(caseDecisions.status, 'open')));
    if (open && (await admittedMember({ ...s, db: tx }, actor!.organisationId, 'commission', userId))?.roles.some((r) => r === 'commission_member' || r === 'chair')) {
      throw refusal('conflict', 'errors.grant.openDecision');
    }
    // Whatever name they held or were about to receive goes with the key.
    await tx.delete(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, userId)));
    await withdrawIdentityRequests(tx, userId, [caseId]);
    await appendAudit({ ...s, db: tx }, { organisationId: actor!.organisationId, actorKind: 'staff', actorUserId: actor!.userId, action: 'access.revoked', caseId, detail: { from: userId } });
  });
}

import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { bodyAdmissions, caseIdentities, caseKeys, cases, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, refusal } from '../errors.js';
import type { StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { withdrawIdentityRequests } from '../identity/withdraw-identity-requests.js';
import { lockBody } from './admission-lock.js';
import { bodiesOf, mailNotices, writeNotices } from './announce.js';
import { admitterRole, routesOfBody } from './bodies.js';
import { removeMemberSchema } from './schemas.js';
import { verifiedBodyState } from './verify-admissions.js';
import { inCommission } from '../../db/scoped.js';

/**
 * The body's admitter removes a member, or a member leaves. New cases are no longer sealed to
 * them, and their copies of case keys and names are deleted at once. A case they alone can still
 * open must first be reassigned (otherwise it would be lost).
 */
export async function removeMember(s: Services, actor: StaffActor | null, input: unknown): Promise<void> {
  authorize(actor, 'admission.view');
  const form = validate(removeMemberSchema, input);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await lockBody(tx, actor.organisationId, form.body);
    const state = await verifiedBodyState({ ...s, db: tx }, actor.organisationId, form.body);
    const member = state.members.find((m) => m.admissionId === form.admissionId);
    if (!member) throw new AppError('not_found');
    const me = state.members.find((m) => m.userId === actor.userId);
    const leavingSelf = member.userId === actor.userId;
    if (!leavingSelf && !(me && me.roles.includes(admitterRole[form.body]))) throw refusal('forbidden', 'errors.admission.notAdmitter');
    // Only this body's cases: someone who also sits in another body keeps their keys there.
    const held = await tx
      .select({ caseId: caseKeys.caseId })
      .from(caseKeys)
      .innerJoin(cases, eq(cases.id, caseKeys.caseId))
      .where(inCommission(actor.organisationId, cases, eq(caseKeys.userId, member.userId), inArray(cases.routeCode, routesOfBody(form.body))));
    for (const { caseId } of held) {
      const [others] = await tx.select({ n: count() }).from(caseKeys).where(and(eq(caseKeys.caseId, caseId), ne(caseKeys.userId, member.userId)));
      if ((others?.n ?? 0) === 0) throw refusal('conflict', 'errors.admission.lastKeyHolder');
    }
    await tx.update(bodyAdmissions).set({ removedAt: s.now(), removedBy: actor.userId }).where(inOrg(actor.organisationId, bodyAdmissions, eq(bodyAdmissions.id, member.admissionId)));
    const heldIds = held.map((h) => h.caseId);
    if (heldIds.length > 0) {
      await tx.delete(caseKeys).where(and(eq(caseKeys.userId, member.userId), inArray(caseKeys.caseId, heldIds)));
      await tx.delete(caseIdentities).where(and(eq(caseIdentities.custodianUserId, member.userId), inArray(caseIdentities.caseId, heldIds)));
      await withdrawIdentityRequests(tx, member.userId, heldIds);
    }
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'member.removed', caseId: null, detail: { body: form.body, member: member.userId, admission: member.admissionId, cases: heldIds.length } });
    const [by] = await tx.select({ name: users.displayName }).from(users).where(inOrg(actor.organisationId, users, eq(users.id, actor.userId)));
    told = await writeNotices({ ...s, db: tx }, bodiesOf(actor.organisationId, [form.body]), 'member.removed', { body: form.body, name: member.displayName, by: by?.name ?? '' }, [member.userId]);
  });
  await mailNotices(s, told);
}

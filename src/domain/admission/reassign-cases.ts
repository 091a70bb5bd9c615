import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { sealToPublicKey } from '../../crypto/case-keys.js';
import { caseDeclarations, caseIdentities, caseKeys, cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { fieldError } from '../errors.js';
import { unsafeHandlerCaseKeys, type StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { withdrawIdentityRequests } from '../identity/withdraw-identity-requests.js';
import { admittedMember, requireAdmittedAs } from './admitted-readers.js';

export const reassignSchema = z.object({
  from: z.uuid({ error: 'errors.choice.required' }),
  to: z.uuid({ error: 'errors.choice.required' }),
});

/**
 * The chair hands a departing handler's cases to another admitted member: each case key the
 * chair can open is sealed to the new member and the departing handler's copies are deleted, one
 * audited step per case. Cases the chair cannot open are left and counted, never forced.
 */
export async function reassignCases(s: Services, actor: StaffActor | null, input: unknown): Promise<{ moved: number; notMoved: number }> {
  authorize(actor, 'cases.reassign');
  await requireAdmittedAs(s, actor!, 'commission', 'chair');
  const form = validate(reassignSchema, input);
  if (form.from === form.to) throw fieldError('to', 'errors.reassign.same');
  // Only this commission's cases (those its organisation handles), so a chair learns nothing of accounts elsewhere.
  const held = (
    await s.db
      .select({ caseId: caseKeys.caseId })
      .from(caseKeys)
      .innerJoin(cases, eq(cases.id, caseKeys.caseId))
      .where(inCommission(actor.organisationId, cases, eq(caseKeys.userId, form.from)))
  ).map((r) => r.caseId);
  const mine = new Set(
    held.length
      ? (
          await s.db
            .select({ caseId: caseDeclarations.caseId })
            .from(caseDeclarations)
            .innerJoin(caseKeys, and(eq(caseKeys.caseId, caseDeclarations.caseId), eq(caseKeys.userId, caseDeclarations.userId)))
            .where(and(eq(caseDeclarations.userId, actor.userId), eq(caseDeclarations.decision, 'no_relation'), inArray(caseDeclarations.caseId, held)))
        ).map((r) => r.caseId)
      : [],
  );
  // The new member must be one the commission admitted (verified once, not per case), who did not
  // step aside from the case; a case they already hold only loses the departing member's copy.
  const target = await admittedMember(s, actor.organisationId, 'commission', form.to);
  if (!target) throw fieldError('to', 'errors.grant.notEligible');
  const ofTarget = async (table: typeof caseKeys | typeof caseDeclarations, extra?: SQL) =>
    new Set(held.length ? (await s.db.select({ caseId: table.caseId }).from(table).where(and(eq(table.userId, form.to), inArray(table.caseId, held), extra))).map((r) => r.caseId) : []);
  const alreadyHeld = await ofTarget(caseKeys);
  const steppedAside = await ofTarget(caseDeclarations, eq(caseDeclarations.decision, 'recused'));
  let moved = 0;
  let notMoved = 0;
  for (const caseId of held) {
    if (!mine.has(caseId) || steppedAside.has(caseId)) {
      notMoved++;
      continue;
    }
    const sealTo = alreadyHeld.has(caseId) ? null : target.boxPublicKey;
    const keys = await unsafeHandlerCaseKeys(s, actor, caseId);
    await s.db.transaction(async (tx) => {
      const [status] = await tx.select({ status: cases.status }).from(cases).where(inCommission(actor.organisationId, cases, eq(cases.id, caseId)));
      if (!status) return;
      if (sealTo) {
        await tx.insert(caseKeys).values({
          caseId,
          userId: form.to,
          sealedPrivateKey: sealToPublicKey(s.sodium, sealTo, keys.privateKey),
          sealedInternalKey: keys.internal ? sealToPublicKey(s.sodium, sealTo, keys.internal.privateKey) : null,
          grantedAt: s.now(),
        });
      }
      await tx.delete(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, form.from)));
      await tx.delete(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, form.from)));
      await withdrawIdentityRequests(tx, form.from, [caseId]);
      await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'case.reassigned', caseId, detail: { from: form.from, to: form.to } });
    });
    keys.privateKey.fill(0);
    moved++;
  }
  return { moved, notMoved };
}

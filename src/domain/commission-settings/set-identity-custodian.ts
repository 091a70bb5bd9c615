import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { routes } from '../../db/schema.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { bodyOfRoute } from '../admission/bodies.js';
import { requireAdmittedAs } from '../admission/admitted-readers.js';
import { bodiesOf, mailNotices, writeNotices } from '../admission/announce.js';
import { custodianChoices } from './get-commission-settings.js';

export const identityCustodianSchema = z.object({
  route: z.string().regex(/^[a-z_]{1,40}$/),
  role: z.string({ error: 'errors.custodian.choice' }).min(1, { error: 'errors.custodian.choice' }).max(100),
});

/**
 * The chair chooses, per route, which of its handler roles is the identity custodian: whoever holds
 * that role is sealed the reporter's identity on a confidential report. It applies to reports that
 * come in afterwards; identities already sealed stay with whom they were sealed to. Audited with
 * before and after.
 */
export async function setIdentityCustodian(s: Services, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'commission.settings');
  const form = validate(identityCustodianSchema, input);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await requireAdmittedAs({ ...s, db: tx }, actor!, 'commission', 'chair');
    // The route as the commission reads it, for every organisation it serves: the same choice for all.
    const served = await tx
      .select()
      .from(routes)
      .where(unsafeAnyOrg('routes of the organisations this commission serves belong to them; matched on the body organisation', eq(routes.bodyOrganisationId, actor.organisationId), eq(routes.code, form.route)))
      .orderBy(routes.organisationId)
      .for('update');
    const route = served.find((r) => r.organisationId === actor.organisationId) ?? served[0];
    // The commission names the custodian of its own routes only; the advisors and the panel keep theirs.
    if (!route || bodyOfRoute(route) !== 'commission') throw new AppError('not_found');
    if (!served.every((r) => custodianChoices(r).some((role) => role === form.role))) throw fieldError('role', 'errors.custodian.choice');
    await tx
      .update(routes)
      .set({ custodianRoles: [form.role] })
      .where(unsafeAnyOrg('routes of the organisations this commission serves belong to them; matched on the body organisation', eq(routes.bodyOrganisationId, actor.organisationId), eq(routes.code, route.code)));
    // In the commission's chain, and in the chain of every organisation it serves (with that organisation's own "before"):
    // who may open their reporters' names changed.
    const entry = (before: string) => ({ route: route.code, before, after: form.role, commission: actor.organisationId });
    if (!served.some((r) => r.organisationId === actor.organisationId)) {
      await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'commission.custodian-set', caseId: null, detail: entry(route.custodianRoles.join(',')) });
    }
    for (const r of served) {
      await appendAudit({ ...s, db: tx }, { organisationId: r.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'commission.custodian-set', caseId: null, detail: entry(r.custodianRoles.join(',')) });
    }
    told = await writeNotices({ ...s, db: tx }, bodiesOf(actor.organisationId, ['commission']), 'commission.changed', { what: 'custodian', before: route.custodianRoles.join(','), after: form.role });
  });
  await mailNotices(s, told);
}

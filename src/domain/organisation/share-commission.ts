import { inArray } from 'drizzle-orm';
import { routes } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { mailNotices, bodiesOf, writeNotices } from '../admission/announce.js';
import { routesOfBody } from '../admission/bodies.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError } from '../errors.js';
import { getOrganisation } from './get-organisation.js';
import { inOrg } from '../../db/scoped.js';

/**
 * A shared commission, as small organisations choose: from now on the reports on the
 * organisation's commission routes are sealed to the members of another organisation's commission
 * (or, with `commissionOf` null, to its own again). Reports already received stay with whoever
 * received them. The reporter sees the new readers, with their fingerprints, before sending; both
 * organisations' audit chains record the change and both commissions are told. No authorization
 * here on purpose: the platform's operator makes it, on the organisations' agreement, through the
 * command line; no organisation's administrator can.
 */
export async function unsafeShareCommission(s: Services, organisationId: string, commissionOf: string | null): Promise<void> {
  const organisation = await getOrganisation(s, organisationId);
  const target = await getOrganisation(s, commissionOf ?? organisationId);
  const codes = routesOfBody('commission');
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ by: routes.bodyOrganisationId })
      .from(routes)
      .where(inOrg(organisationId, routes, inArray(routes.code, codes)))
      .limit(1)
      .for('update');
    if (!current) throw new AppError('not_found');
    if (current.by === target.id) return;
    const before = await getOrganisation({ db: tx }, current.by);
    await tx.update(routes).set({ bodyOrganisationId: target.id }).where(inOrg(organisationId, routes, inArray(routes.code, codes)));
    const detail = { organisation: organisation.id, before: before.id, after: target.id };
    await appendAudit({ ...s, db: tx }, { organisationId, actorKind: 'system', actorUserId: null, action: 'commission.shared', caseId: null, detail });
    for (const chain of new Set([before.id, target.id].filter((id) => id !== organisationId))) {
      await appendAudit({ ...s, db: tx }, { organisationId: chain, actorKind: 'system', actorUserId: null, action: 'commission.shared', caseId: null, detail });
    }
    // The commission that starts, and the one that stops, reading this organisation's reports.
    told = await writeNotices({ ...s, db: tx }, [...bodiesOf(target.id, ['commission']), ...bodiesOf(before.id, ['commission'])], 'commission.shared', {
      organisation: organisation.name,
      before: before.name,
      after: target.name,
    });
  });
  await mailNotices(s, told);
}

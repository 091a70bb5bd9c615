import { z } from 'zod';
import { organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError } from '../errors.js';
import { validate } from '../validate.js';
import { requireAdmittedAs } from '../admission/admitted-readers.js';
import { bodiesOf, mailNotices, writeNotices } from '../admission/announce.js';

const range = { error: 'errors.identityWait.range' };
// Whole days written as digits only: "1e1" or "0x10" are not a number of days.
export const identityWaitDaysSchema = z.object({
  identityWaitDays: z.string(range).trim().regex(/^\d{1,2}$/, range).transform(Number).pipe(z.number().int(range).min(1, range).max(60, range)),
});

/**
 * The chair sets how many days a reporter has to object before a granted identity request
 * releases their name (1 to 60). Audited with before and after.
 */
export async function setIdentityWaitDays(s: Services, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'commission.settings');
  const { identityWaitDays } = validate(identityWaitDaysSchema, input);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await requireAdmittedAs({ ...s, db: tx }, actor!, 'commission', 'chair');
    const [organisation] = await tx.select({ id: organisations.id, before: organisations.identityWaitDays }).from(organisations).where(inOrg(actor.organisationId, organisations)).for('update');
    if (!organisation) throw new AppError('not_found');
    await tx.update(organisations).set({ identityWaitDays }).where(inOrg(actor.organisationId, organisations));
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'commission.identity-wait-set', caseId: null, detail: { before: organisation.before, after: identityWaitDays } });
    told = await writeNotices({ ...s, db: tx }, bodiesOf(actor.organisationId, ['commission']), 'commission.changed', { what: 'identityWaitDays', before: String(organisation.before), after: String(identityWaitDays) });
  });
  await mailNotices(s, told);
}

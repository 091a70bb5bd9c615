import { z } from 'zod';
import { organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { decisionQuorums } from '../cases/decision-quorum.js';
import { AppError } from '../errors.js';
import { validate } from '../validate.js';
import { requireAdmittedAs } from '../admission/admitted-readers.js';
import { bodiesOf, mailNotices, writeNotices } from '../admission/announce.js';

export const decisionQuorumSchema = z.object({ decisionQuorum: z.enum(decisionQuorums, { error: 'errors.quorum.choice' }) });

/** The chair sets when a joint decision may be closed: everyone voted, or more than half. Audited with before and after. */
export async function setDecisionQuorum(s: Services, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'commission.settings');
  const { decisionQuorum } = validate(decisionQuorumSchema, input);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    await requireAdmittedAs({ ...s, db: tx }, actor!, 'commission', 'chair');
    const [organisation] = await tx.select({ id: organisations.id, before: organisations.decisionQuorum }).from(organisations).where(inOrg(actor.organisationId, organisations)).for('update');
    if (!organisation) throw new AppError('not_found');
    await tx.update(organisations).set({ decisionQuorum }).where(inOrg(actor.organisationId, organisations));
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'commission.quorum-set', caseId: null, detail: { before: organisation.before, after: decisionQuorum } });
    told = await writeNotices({ ...s, db: tx }, bodiesOf(actor.organisationId, ['commission']), 'commission.changed', { what: 'quorum', before: organisation.before, after: decisionQuorum });
  });
  await mailNotices(s, told);
}

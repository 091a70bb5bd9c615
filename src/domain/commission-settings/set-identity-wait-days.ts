import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError } from '../errors.js';
import { validate } from '../validate.js';

const range = { error: 'errors.identityWait.range' };
export const identityWaitDaysSchema = z.object({ identityWaitDays: z.coerce.number(range).int(range).min(1, range).max(60, range) });

/**
 * The chair sets how many days a reporter has to object before a granted identity request
 * releases their name (1 to 60). Audited with before and after.
 */
export async function setIdentityWaitDays(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'now'>, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'commission.settings');
  const { identityWaitDays } = validate(identityWaitDaysSchema, input);
  await s.db.transaction(async (tx) => {
    const [organisation] = await tx.select({ id: organisations.id, before: organisations.identityWaitDays }).from(organisations).orderBy(organisations.createdAt).limit(1).for('update');
    if (!organisation) throw new AppError('not_found');
    await tx.update(organisations).set({ identityWaitDays }).where(eq(organisations.id, organisation.id));
    await appendAudit({ ...s, db: tx }, { actorKind: 'staff', actorUserId: actor.userId, action: 'commission.identity-wait-set', caseId: null, detail: { before: organisation.before, after: identityWaitDays } });
  });
}

import { eq } from 'drizzle-orm';
import { cases, users } from '../../db/schema.js';
import { inCommission, inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError } from '../errors.js';
import { isUuid, requireId } from '../ids.js';
import { holdsKey } from './holds-key.js';

/**
 * The secretary or the chair chooses who leads a case (or nobody: empty). Both the one who
 * chooses and the one chosen must hold the case's key (those who can read it), and the chosen must
 * be an active account of the handling organisation. Audited with before and after.
 */
export async function assignCaseOwner(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'now'>, actor: Actor | null, caseId: string, ownerInput: string): Promise<void> {
  authorize(actor, 'cases.assign');
  requireId(caseId);
  const [row] = await s.db
    .select({ ownerId: cases.ownerId })
    .from(cases)
    .where(inCommission(actor.organisationId, cases, eq(cases.id, caseId)));
  if (!row || !(await holdsKey(s, caseId, actor.userId))) throw new AppError('not_found');
  const ownerId = ownerInput === '' ? null : ownerInput;
  if (ownerId !== null) {
    if (!isUuid(ownerId)) throw fieldError('ownerId', 'errors.choice.required');
    const [owner] = await s.db
      .select({ id: users.id })
      .from(users)
      .where(inOrg(actor.organisationId, users, eq(users.id, ownerId), eq(users.status, 'active')));
    if (!owner || !(await holdsKey(s, caseId, ownerId))) throw fieldError('ownerId', 'errors.owner.cannotRead');
  }
  if (row.ownerId === ownerId) return;
  await s.db.transaction(async (tx) => {
    await tx.update(cases).set({ ownerId }).where(inCommission(actor.organisationId, cases, eq(cases.id, caseId)));
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'case.owner', caseId, detail: { before: row.ownerId ?? '', after: ownerId ?? '' } });
  });
}

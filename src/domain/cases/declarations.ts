import { and, count, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { caseDeclarations, caseIdentities, caseKeys, cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError, refusal } from '../errors.js';
import { requireId } from '../ids.js';
import { withdrawIdentityRequests } from '../identity/withdraw-identity-requests.js';
import { mailNotices, noticeTo } from '../admission/announce.js';
import { openDecisionReadiness } from './decision-members.js';

export type Declaration = 'no_relation' | 'recused';

export async function declarationOf(s: Pick<Services, 'db'>, caseId: string, userId: string): Promise<Declaration | null> {
  const [row] = await s.db.select({ decision: caseDeclarations.decision }).from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.userId, userId)));
  return row?.decision ?? null;
}

/**
 * Destroys the handler's sealed copies of the case key and of the identity, in the caller's
 * transaction. A case nobody can open is lost for good, so the last key holder cannot step aside
 * alone: `lastHolder` is the error they get instead (the chair must give someone else access first).
 * `organisationId` is the handler's own: the commission that handles the case.
 */
async function destroyOwnCopies(tx: Tx, organisationId: string, caseId: string, userId: string, lastHolder: AppError): Promise<void> {
  // One at a time per case, so that two last holders stepping aside together cannot both succeed.
  await tx.select({ id: cases.id }).from(cases).where(inCommission(organisationId, cases, eq(cases.id, caseId))).for('update');
  const [grant] = await tx.select({ userId: caseKeys.userId }).from(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, userId)));
  if (!grant) throw new AppError('forbidden');
  const [others] = await tx.select({ n: count() }).from(caseKeys).where(and(eq(caseKeys.caseId, caseId), ne(caseKeys.userId, userId)));
  if ((others?.n ?? 0) === 0) throw lastHolder;
  await tx.delete(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, userId)));
  await tx.delete(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, userId)));
  await withdrawIdentityRequests(tx, userId, [caseId]);
}

/**
 * Before opening a case for the first time a handler declares that they have no personal relation
 * to the people involved, or steps aside. Stepping aside destroys their sealed copy of the case
 * key (and of the identity) at once; it cannot be undone by them, only by a new grant.
 */
export async function declareRelation(s: Services, actor: Actor | null, caseId: string, decision: string): Promise<void> {
  authorize(actor, 'cases.read');
  if (decision !== 'no_relation' && decision !== 'recused') throw fieldError('decision', 'errors.choice.required');
  await s.db.transaction(async (tx) => {
    const [grant] = await tx.select({ userId: caseKeys.userId }).from(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, actor.userId)));
    if (!grant) throw new AppError('forbidden');
    const [existing] = await tx.select().from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.userId, actor.userId)));
    if (existing) throw new AppError('conflict');
    if (decision === 'recused') await destroyOwnCopies(tx, actor.organisationId, caseId, actor.userId, fieldError('decision', 'errors.recusal.lastKeyHolder'));
    await tx.insert(caseDeclarations).values({ caseId, userId: actor.userId, decision, at: s.now() });
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: decision === 'recused' ? 'case.recused' : 'case.declared', caseId, detail: {} });
  });
}

/**
 * A handler steps aside at any time, also after having declared "no relation" and read the case
 * (they may only later see who is involved, or come to doubt their independence). As on the first
 * declaration, their copies of the key and the identity are destroyed at once and it is audited;
 * their earlier work (notes, votes) stays in the case as it was.
 */
export async function stepAside(s: Services, actor: Actor | null, caseId: string): Promise<void> {
  authorize(actor, 'cases.read');
  requireId(caseId);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    const before = await openDecisionReadiness({ ...s, db: tx }, caseId);
    const [existing] = await tx.select({ decision: caseDeclarations.decision }).from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.userId, actor.userId)));
    if (existing?.decision === 'recused') throw new AppError('recused');
    if (!existing) {
      // Never opened: the declaration page offers stepping aside (or this is not their case at all).
      const [grant] = await tx.select({ userId: caseKeys.userId }).from(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, actor.userId)));
      throw new AppError(grant ? 'declaration_required' : 'forbidden');
    }
    await destroyOwnCopies(tx, actor.organisationId, caseId, actor.userId, refusal('conflict', 'errors.recusal.lastKeyHolder'));
    await tx.update(caseDeclarations).set({ decision: 'recused', at: s.now() }).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.userId, actor.userId)));
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'case.recused', caseId, detail: { afterReading: true } });
    // A member who had not voted stepping aside can complete the quorum: the chair is told, as after a vote.
    const after = await openDecisionReadiness({ ...s, db: tx }, caseId);
    if (before && after && !before.met && after.met) {
      const [row] = await tx.select({ number: cases.number }).from(cases).where(inCommission(actor.organisationId, cases, eq(cases.id, caseId)));
      told = await noticeTo({ ...s, db: tx }, after.chairs, 'decision.ready', { number: row!.number });
    }
  });
  await mailNotices(s, told);
}

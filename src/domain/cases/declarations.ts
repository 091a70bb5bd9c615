import { and, count, eq, ne } from 'drizzle-orm';
import { caseDeclarations, caseIdentities, caseKeys } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, fieldError } from '../errors.js';

export type Declaration = 'no_relation' | 'recused';

export async function declarationOf(s: Pick<Services, 'db'>, caseId: string, userId: string): Promise<Declaration | null> {
  const [row] = await s.db.select({ decision: caseDeclarations.decision }).from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.userId, userId)));
  return row?.decision ?? null;
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
    if (decision === 'recused') {
      // A case nobody can open is lost for good: the last key holder cannot step aside alone.
      const [others] = await tx.select({ n: count() }).from(caseKeys).where(and(eq(caseKeys.caseId, caseId), ne(caseKeys.userId, actor.userId)));
      if ((others?.n ?? 0) === 0) throw fieldError('decision', 'errors.recusal.lastKeyHolder');
      await tx.delete(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, actor.userId)));
      await tx.delete(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, actor.userId)));
    }
    await tx.insert(caseDeclarations).values({ caseId, userId: actor.userId, decision, at: s.now() });
    await appendAudit({ ...s, db: tx }, { actorKind: 'staff', actorUserId: actor.userId, action: decision === 'recused' ? 'case.recused' : 'case.declared', caseId, detail: {} });
  });
}

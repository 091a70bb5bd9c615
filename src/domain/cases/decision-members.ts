import { and, eq } from 'drizzle-orm';
import { handlingOrganisationOf } from './handling-organisation.js';
import type { Db, Tx } from '../../db/client.js';
import { caseDecisions, caseDeclarations, caseKeys, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { verifiedBodyState } from '../admission/verify-admissions.js';
import type { QuorumMember } from './decision-quorum.js';

export interface DecisionMember extends QuorumMember {
  name: string;
  /** Admitted as the commission's chair: the one who closes the decision. */
  chair: boolean;
}

/**
 * Who counts for a joint decision on this case: members the commission admitted as commission
 * member or chair (so a role the administrator adds makes nobody a voter), who hold a key to it,
 * minus anyone who stepped aside. The one place that says so: votes, quorum and pages use it.
 */
export async function decisionMembersOf(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, caseId: string): Promise<DecisionMember[]> {
  const db = s.db;
  const admitted = new Map((await verifiedBodyState(s, await handlingOrganisationOf(db, caseId), 'commission')).members.map((m) => [m.userId, m.roles]));
  const holders = await db
    .select({ userId: users.id, name: users.displayName, roles: users.roles, status: users.status, nominatedBy: users.nominatedBy })
    .from(caseKeys)
    .innerJoin(users, eq(users.id, caseKeys.userId))
    .where(eq(caseKeys.caseId, caseId));
  const recused = new Set(
    (await db.select({ userId: caseDeclarations.userId }).from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.decision, 'recused')))).map((r) => r.userId),
  );
  return holders
    .filter((h) => {
      const roles = admitted.get(h.userId) ?? [];
      return h.status === 'active' && !recused.has(h.userId) && (roles.includes('commission_member') || roles.includes('chair'));
    })
    .map((h) => ({ userId: h.userId, name: h.name, nominatedBy: h.nominatedBy, chair: (admitted.get(h.userId) ?? []).includes('chair') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether the commission has concluded this case together: a joint decision closed by the chair. */
export async function hasClosedDecision(db: Db | Tx, caseId: string): Promise<boolean> {
  const rows = await db.select({ id: caseDecisions.id }).from(caseDecisions).where(and(eq(caseDecisions.caseId, caseId), eq(caseDecisions.status, 'closed'))).limit(1);
  return rows.length === 1;
}

import { and, eq } from 'drizzle-orm';
import { handlingOrganisationOf } from './handling-organisation.js';
import type { Db, Tx } from '../../db/client.js';
import { caseDecisions, caseDeclarations, caseKeys, decisionVotes, users } from '../../db/schema.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import type { Services } from '../../services.js';
import { verifiedBodyState } from '../admission/verify-admissions.js';
import { quorumGap, type QuorumMember } from './decision-quorum.js';
import { inOrg } from '../../db/scoped.js';

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
  const commission = await handlingOrganisationOf(db, caseId);
  const admitted = new Map((await verifiedBodyState(s, commission, 'commission')).members.map((m) => [m.userId, m.roles]));
  const holders = await db
    .select({ userId: users.id, name: users.displayName, roles: users.roles, status: users.status, nominatedBy: users.nominatedBy })
    .from(caseKeys)
    .innerJoin(users, eq(users.id, caseKeys.userId))
    .where(inOrg(commission, users, eq(caseKeys.caseId, caseId)));
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

/**
 * Whether the case's open draft decision has its quorum now, and who closes it: asked before and
 * after a change that is not a vote (a member stepping aside), so the chair hears when that change
 * is what made the decision ready. Null without an open draft.
 */
export async function openDecisionReadiness(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, caseId: string): Promise<{ met: boolean; chairs: string[] } | null> {
  const [open] = await s.db.select({ id: caseDecisions.id }).from(caseDecisions).where(and(eq(caseDecisions.caseId, caseId), eq(caseDecisions.status, 'open')));
  if (!open) return null;
  const members = await decisionMembersOf(s, caseId);
  const voted = (await s.db.select({ userId: decisionVotes.userId }).from(decisionVotes).where(eq(decisionVotes.decisionId, open.id))).map((v) => v.userId);
  const rule = (await getOrganisation(s, await handlingOrganisationOf(s.db, caseId))).decisionQuorum === 'majority' ? 'majority' : 'all';
  return { met: quorumGap(rule, members, voted).met, chairs: members.filter((m) => m.chair).map((m) => m.userId) };
}

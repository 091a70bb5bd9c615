import { and, desc, eq } from 'drizzle-orm';
import { deliberations, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, isAllowed, type Actor } from '../access/authorize.js';

export interface FacilitationOverview {
  sessions: Array<{ id: string; title: string; state: 'waiting' | 'voting' | 'discussing' | 'ended'; kept: boolean; createdAt: Date }>;
  deliberations: Array<{ id: string; title: string; saved: boolean; proposed: boolean; updatedAt: Date }>;
  /** Whether the person also curates the library (an ethics panel member). */
  curates: boolean;
}

/** The facilitator's own sessions and deliberations; nobody else's. */
export async function listFacilitation(s: Pick<Services, 'db'>, actor: Actor | null): Promise<FacilitationOverview> {
  authorize(actor, 'learning.facilitate');
  const sessions = await s.db
    .select({ id: teamSessions.id, title: teamSessions.title, state: teamSessions.state, kept: teamSessions.kept, createdAt: teamSessions.createdAt })
    .from(teamSessions)
    .where(inOrg(actor.organisationId, teamSessions, and(eq(teamSessions.facilitatorId, actor.userId))))
    .orderBy(desc(teamSessions.createdAt))
    .limit(100);
  const rows = await s.db
    .select({ id: deliberations.id, title: deliberations.title, saved: deliberations.saved, proposedAt: deliberations.proposedAt, updatedAt: deliberations.updatedAt })
    .from(deliberations)
    .where(inOrg(actor.organisationId, deliberations, eq(deliberations.facilitatorId, actor.userId)))
    .orderBy(desc(deliberations.updatedAt))
    .limit(100);
  return { sessions, deliberations: rows.map((r) => ({ id: r.id, title: r.title, saved: r.saved, proposed: r.proposedAt !== null, updatedAt: r.updatedAt })), curates: isAllowed(actor, 'learning.curate') };
}

import { and, eq } from 'drizzle-orm';
import { teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';

/** A team session of the facilitator's own: another facilitator's, even at the same organisation, is not found. */
export async function facilitatedSession(s: Pick<Services, 'db'>, actor: Actor, id: string) {
  const [session] = await s.db
    .select()
    .from(teamSessions)
    .where(inOrg(actor.organisationId, teamSessions, and(eq(teamSessions.id, requireId(id)), eq(teamSessions.facilitatorId, actor.userId))));
  if (!session) throw new AppError('not_found');
  return session;
}

export const conclusionsBinding = (sessionId: string) => `team-conclusions:${sessionId}`;

import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { refusal } from '../errors.js';
import { validate } from '../validate.js';
import { facilitatedSession } from './facilitated-session.js';

const keepSchema = z.object({ keep: z.enum(['keep', 'discard']) });

/** After the end, the facilitator keeps the outcome (dilemmas, distributions, conclusions; no participant) or throws it away. */
export async function keepTeamSession(s: Pick<Services, 'db'>, actor: Actor | null, id: string, input: unknown): Promise<'kept' | 'discarded'> {
  authorize(actor, 'learning.facilitate');
  const session = await facilitatedSession(s, actor, id);
  const { keep } = validate(keepSchema, input);
  if (session.state !== 'ended') throw refusal('conflict', 'errors.learning.notEnded');
  const mine = and(eq(teamSessions.id, session.id), eq(teamSessions.facilitatorId, actor.userId));
  if (keep === 'keep') {
    await s.db.update(teamSessions).set({ kept: true }).where(inOrg(actor.organisationId, teamSessions, mine));
    return 'kept';
  }
  await s.db.delete(teamSessions).where(inOrg(actor.organisationId, teamSessions, mine));
  return 'discarded';
}

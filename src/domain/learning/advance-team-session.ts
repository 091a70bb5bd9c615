import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { teamParticipants, teamRounds, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { validate } from '../validate.js';
import { facilitatedSession } from './facilitated-session.js';

const advanceSchema = z.object({
  step: z.enum(['open', 'close', 'next', 'end']),
  /** The round the facilitator's screen showed: a second click on the same button does nothing more. */
  round: z.coerce.number().int().min(1).max(100),
});

/**
 * The facilitator moves the session on: open the vote, close it (the distribution appears), go to
 * the next dilemma, or end. Each step applies only to the state the screen showed, so a double
 * click or a resent form never skips a round. Ending forgets the code and every participant.
 */
export async function advanceTeamSession(s: Pick<Services, 'db' | 'now'>, actor: Actor | null, id: string, input: unknown): Promise<void> {
  authorize(actor, 'learning.facilitate');
  const session = await facilitatedSession(s, actor, id);
  const { step, round } = validate(advanceSchema, input);
  const position = round - 1;
  const at = (state: 'waiting' | 'voting' | 'discussing') => and(eq(teamSessions.id, session.id), eq(teamSessions.state, state), eq(teamSessions.position, position));
  if (step === 'open') await s.db.update(teamSessions).set({ state: 'voting' }).where(inOrg(actor.organisationId, teamSessions, at('waiting')));
  if (step === 'close') await s.db.update(teamSessions).set({ state: 'discussing' }).where(inOrg(actor.organisationId, teamSessions, at('voting')));
  if (step === 'next') {
    const rounds = await s.db.select({ position: teamRounds.position }).from(teamRounds).where(eq(teamRounds.sessionId, session.id));
    if (position + 1 < rounds.length) await s.db.update(teamSessions).set({ state: 'voting', position: position + 1 }).where(inOrg(actor.organisationId, teamSessions, at('discussing')));
  }
  if (step === 'end' && session.state !== 'ended') {
    await s.db.transaction(async (tx) => {
      await tx.update(teamSessions).set({ state: 'ended', codeHash: null, codeSealed: null, endedAt: s.now() }).where(inOrg(actor.organisationId, teamSessions, eq(teamSessions.id, session.id)));
      await tx.delete(teamParticipants).where(eq(teamParticipants.sessionId, session.id));
    });
  }
}

import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { teamParticipants, teamRounds, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { fieldError, refusal } from '../errors.js';
import { validate } from '../validate.js';
import { plusOneAt } from './count-choice.js';
import { findParticipant } from './team-participant.js';

const voteSchema = z.object({
  round: z.coerce.number({ error: 'errors.dilemma.chooseOption' }).int().min(1).max(100),
  option: z.coerce.number({ error: 'errors.dilemma.chooseOption' }).int({ error: 'errors.dilemma.chooseOption' }).min(1, { error: 'errors.dilemma.chooseOption' }).max(4, { error: 'errors.dilemma.chooseOption' }),
});

/**
 * One vote per participant per round, while the round is open. The participant's row keeps only
 * the last round it voted in; the choice goes into the round's count and nowhere else. A second
 * send (double click, reload, Back) finds the round already voted and changes nothing.
 */
export async function voteInRound(s: Pick<Services, 'db' | 'now' | 'sodium'>, organisationId: string, token: string | undefined, input: unknown): Promise<'counted' | 'already'> {
  const found = await findParticipant(s, organisationId, token);
  if (!found) throw refusal('forbidden', 'errors.learning.notJoined');
  const form = validate(voteSchema, input);
  const position = form.round - 1;
  return s.db.transaction(async (tx) => {
    // The session row is held (shared) until the vote is counted: closing the round waits for it,
    // so no vote lands after the close.
    const [open] = await tx
      .select({ id: teamSessions.id })
      .from(teamSessions)
      .where(inOrg(organisationId, teamSessions, eq(teamSessions.id, found.session.id), eq(teamSessions.state, 'voting'), eq(teamSessions.position, position)))
      .for('share');
    if (!open) throw refusal('conflict', 'errors.learning.roundClosed');
    const [round] = await tx
      .select({ options: sql<number>`cardinality(${teamRounds.counts})` })
      .from(teamRounds)
      .innerJoin(teamSessions, eq(teamSessions.id, teamRounds.sessionId))
      .where(inOrg(organisationId, teamSessions, eq(teamRounds.sessionId, found.session.id), eq(teamRounds.position, position), eq(teamSessions.position, position), eq(teamSessions.state, 'voting')));
    if (!round) throw refusal('conflict', 'errors.learning.roundClosed');
    if (form.option > round.options) throw fieldError('option', 'errors.dilemma.chooseOption');
    const marked = await tx
      .update(teamParticipants)
      .set({ votedPosition: position })
      .where(and(eq(teamParticipants.tokenHash, found.tokenHash), lt(teamParticipants.votedPosition, position)))
      .returning({ position: teamParticipants.votedPosition });
    if (marked.length === 0) return 'already';
    await tx
      .update(teamRounds)
      .set({ counts: plusOneAt(teamRounds.counts, form.option) })
      .where(and(eq(teamRounds.sessionId, found.session.id), eq(teamRounds.position, position)));
    return 'counted';
  });
}

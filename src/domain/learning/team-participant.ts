import { eq, gt, ne } from 'drizzle-orm';
import { hashToken, isWellFormedToken } from '../../crypto/tokens.js';
import { teamParticipants, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';

/** A join code works for this long after the session was opened, and never after it ended. */
export const SESSION_HOURS = 12;
/** An ended session's outcome that the facilitator did not keep is deleted this long after the end. */
export const UNKEPT_DAYS = 7;

export const participantHash = (s: Pick<Services, 'sodium'>, token: string) => hashToken(s.sodium, 'team-participant', token);

/** The running session a participant's token belongs to, at this organisation; null for anything else. */
export async function findParticipant(s: Pick<Services, 'db' | 'now' | 'sodium'>, organisationId: string, token: string | undefined) {
  if (!token || !isWellFormedToken(token)) return null;
  const [row] = await s.db
    .select({ tokenHash: teamParticipants.tokenHash, votedPosition: teamParticipants.votedPosition, session: teamSessions })
    .from(teamParticipants)
    .innerJoin(teamSessions, eq(teamSessions.id, teamParticipants.sessionId))
    .where(inOrg(organisationId, teamSessions, eq(teamParticipants.tokenHash, participantHash(s, token)), ne(teamSessions.state, 'ended'), gt(teamSessions.createdAt, new Date(s.now().getTime() - SESSION_HOURS * 3600_000))));
  return row ?? null;
}

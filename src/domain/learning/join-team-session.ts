import { and, eq, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import { hashJoinCode, normaliseJoinCode } from '../../crypto/team-codes.js';
import { newToken } from '../../crypto/tokens.js';
import { teamParticipants, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError, fieldError, REFUSAL_FIELD } from '../errors.js';
import { refuseWhenSpent, reserveReceiptAttempt } from '../reports/receipt-throttle.js';
import { validate } from '../validate.js';
import { participantHash, SESSION_HOURS } from './team-participant.js';

const joinSchema = z.object({ code: z.string().max(40, { error: 'errors.learning.codeShape' }) });

/**
 * Joining with the code the facilitator shows: no account and no name, only a random token that
 * lets this browser vote once per round. Guesses are limited without knowing who guesses: each
 * organisation's codes are split by their first two characters, and each part may be guessed wrong
 * only a few times per quarter hour. When that is spent, the facilitator can show a new code.
 */
export async function joinTeamSession(s: Pick<Services, 'db' | 'now' | 'sodium'>, organisationId: string, input: unknown): Promise<{ token: string }> {
  const { code: typed } = validate(joinSchema, input);
  const code = normaliseJoinCode(typed);
  if (!code) throw fieldError('code', 'errors.learning.codeShape');
  const bucket = `team:${organisationId}:${code.slice(0, 2)}`;
  // The reason on the page: too many wrong codes here just now, and when to try again.
  const throttled = (error: unknown) => {
    if (error instanceof AppError && error.code === 'throttled') throw new AppError('throttled', [{ field: REFUSAL_FIELD, message: 'errors.learning.throttled' }], error.retryAfterSeconds);
    throw error;
  };
  // A spent budget refuses every code, right or wrong, so the answer tells a guesser nothing.
  await refuseWhenSpent(s, bucket).catch(throttled);
  const [session] = await s.db
    .select({ id: teamSessions.id })
    .from(teamSessions)
    .where(inOrg(organisationId, teamSessions, and(eq(teamSessions.codeHash, hashJoinCode(s.sodium, code)), ne(teamSessions.state, 'ended'), gt(teamSessions.createdAt, new Date(s.now().getTime() - SESSION_HOURS * 3600_000)))));
  if (!session) {
    // Only a wrong code is counted: forty people typing the right one at once never touch the budget.
    await reserveReceiptAttempt(s, bucket).catch(throttled);
    throw fieldError('code', 'errors.learning.codeUnknown');
  }
  const token = newToken(s.sodium);
  await s.db.insert(teamParticipants).values({ tokenHash: participantHash(s, token), sessionId: session.id });
  return { token };
}

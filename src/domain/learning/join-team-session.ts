import { and, eq, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import { hashJoinCode, normaliseJoinCode } from '../../crypto/team-codes.js';
import { newToken } from '../../crypto/tokens.js';
import { teamParticipants, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError, fieldError, REFUSAL_FIELD } from '../errors.js';
import { releaseReceiptAttempt, reserveReceiptAttempt } from '../reports/receipt-throttle.js';
import { validate } from '../validate.js';
import { participantHash, SESSION_HOURS } from './team-participant.js';

const joinSchema = z.object({ code: z.string().max(40, { error: 'errors.learning.codeShape' }) });

/**
 * Joining with the code the facilitator shows: no account and no name, only a random token that
 * lets this browser vote once per round. Guesses are limited without knowing who guesses: each
 * organisation's codes are split by their first two characters, and each part may be guessed wrong
 * only a few times per quarter hour; a code that finds its session gives its try back.
 */
export async function joinTeamSession(s: Pick<Services, 'db' | 'now' | 'sodium'>, organisationId: string, input: unknown): Promise<{ token: string }> {
  const { code: typed } = validate(joinSchema, input);
  const code = normaliseJoinCode(typed);
  if (!code) throw fieldError('code', 'errors.learning.codeShape');
  const bucket = `team:${organisationId}:${code.slice(0, 2)}`;
  await reserveReceiptAttempt(s, bucket).catch((error: unknown) => {
    // The reason on the page: too many wrong codes here just now, and when to try again.
    if (error instanceof AppError && error.code === 'throttled') throw new AppError('throttled', [{ field: REFUSAL_FIELD, message: 'errors.learning.throttled' }], error.retryAfterSeconds);
    throw error;
  });
  const [session] = await s.db
    .select({ id: teamSessions.id })
    .from(teamSessions)
    .where(inOrg(organisationId, teamSessions, and(eq(teamSessions.codeHash, hashJoinCode(s.sodium, code)), ne(teamSessions.state, 'ended'), gt(teamSessions.createdAt, new Date(s.now().getTime() - SESSION_HOURS * 3600_000)))));
  if (!session) throw fieldError('code', 'errors.learning.codeUnknown');
  await releaseReceiptAttempt(s, bucket);
  const token = newToken(s.sodium);
  await s.db.insert(teamParticipants).values({ tokenHash: participantHash(s, token), sessionId: session.id });
  return { token };
}

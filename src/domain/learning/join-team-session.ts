import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashJoinCode, normaliseJoinCode } from '../../crypto/team-codes.js';
import { newToken } from '../../crypto/tokens.js';
import { receiptAttempts, teamParticipants, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError, fieldError, REFUSAL_FIELD } from '../errors.js';
import { validate } from '../validate.js';
import { participantHash, SESSION_HOURS } from './team-participant.js';

const joinSchema = z.object({ code: z.string().max(40, { error: 'errors.learning.codeShape' }) });

export const JOIN_WINDOW_MINUTES = 15;
/** Wrong codes per organisation, first two characters and quarter hour. */
export const JOIN_BUDGET = 100;
// Its own lock space: joins of one bucket wait for each other, nothing else waits for them.
const JOIN_LOCK_ID = 7_431_977;

/**
 * Joining with the code the facilitator shows: no account and no name, only a random token that
 * lets this browser vote once per round. Guesses are limited without knowing who guesses: each
 * organisation's codes are split by their first two characters, and each part may be guessed wrong
 * a hundred times per quarter hour (against 50-bit codes); a spent part refuses every code, right
 * or wrong, so the answer tells a guesser nothing, and the facilitator can show a new code.
 * Check, look-up and count happen under one lock per part, so a burst of guesses sent at once is
 * counted like the same guesses one by one; only a wrong code is counted, so forty people typing
 * the right one at the same moment all get in.
 */
export async function joinTeamSession(s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>, organisationId: string, input: unknown): Promise<{ token: string }> {
  const { code: typed } = validate(joinSchema, input);
  const code = normaliseJoinCode(typed);
  if (!code) throw fieldError('code', 'errors.learning.codeShape');
  const bucket = `team:${organisationId}:${code.slice(0, 2)}`;
  const now = s.now();
  const since = new Date(now.getTime() - JOIN_WINDOW_MINUTES * 60_000);
  const token = newToken(s.sodium);
  const outcome = await s.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${JOIN_LOCK_ID}, hashtext(${bucket}))`);
    const [spent] = await tx.select().from(receiptAttempts).where(eq(receiptAttempts.bucket, bucket));
    const live = spent !== undefined && spent.windowStart > since;
    if (live && spent.failures >= JOIN_BUDGET) return { kind: 'throttled' as const, retry: Math.ceil((spent.windowStart.getTime() + JOIN_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000) };
    const [session] = await tx
      .select({ id: teamSessions.id })
      .from(teamSessions)
      .where(inOrg(organisationId, teamSessions, and(eq(teamSessions.codeHash, hashJoinCode(s.sodium, s.serverKeys.throttle, code)), ne(teamSessions.state, 'ended'), gt(teamSessions.createdAt, new Date(now.getTime() - SESSION_HOURS * 3600_000)))));
    if (!session) {
      await tx
        .insert(receiptAttempts)
        .values({ bucket, windowStart: now, failures: 1 })
        .onConflictDoUpdate({ target: receiptAttempts.bucket, set: live ? { failures: sql`${receiptAttempts.failures} + 1` } : { failures: 1, windowStart: now } });
      return { kind: 'wrong' as const };
    }
    await tx.insert(teamParticipants).values({ tokenHash: participantHash(s, token), sessionId: session.id });
    return { kind: 'joined' as const };
  });
  // The reason on the page: too many wrong codes here just now, and when to try again.
  if (outcome.kind === 'throttled') throw new AppError('throttled', [{ field: REFUSAL_FIELD, message: 'errors.learning.throttled' }], Math.max(1, outcome.retry));
  if (outcome.kind === 'wrong') throw fieldError('code', 'errors.learning.codeUnknown');
  return { token };
}

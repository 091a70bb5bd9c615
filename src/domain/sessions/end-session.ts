import { and, eq, ne } from 'drizzle-orm';
import { sessions } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';

/** Ends one of the actor's own sessions (log-out, or "sign out elsewhere"). */
export async function endSession(s: Pick<Services, 'db'>, actor: Pick<Actor, 'userId' | 'roles'> | null, sessionId: string): Promise<void> {
  authorize(actor, 'account.manage-own');
  requireId(sessionId);
  const removed = await s.db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId)))
    .returning({ id: sessions.id });
  if (removed.length !== 1) throw new AppError('not_found');
}

/** After a password change or recovery every other session must re-authenticate. */
export async function endOtherSessions(s: Pick<Services, 'db'>, userId: string, keepSessionId?: string): Promise<void> {
  await s.db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}

import { desc, eq } from 'drizzle-orm';
import { sessions } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

// Only times are kept: which device or address a session came from is deliberately not recorded.
export async function listSessions(s: Pick<Services, 'db'>, actor: Pick<Actor, 'userId' | 'roles'> | null, currentSessionId: string): Promise<SessionSummary[]> {
  authorize(actor, 'account.manage-own');
  const rows = await s.db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.userId, actor.userId))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

import { and, eq, inArray } from 'drizzle-orm';
import { caseKeys, users } from '../db/schema.js';
import type { Services } from '../services.js';

export interface Recipient {
  userId: string;
  email: string;
}

/** Active staff who hold a key to any of these cases: the people who can act on them. */
export async function keyHoldersOf(s: Pick<Services, 'db'>, caseIds: string[]): Promise<Map<string, Recipient & { caseIds: string[] }>> {
  const byUser = new Map<string, Recipient & { caseIds: string[] }>();
  if (caseIds.length === 0) return byUser;
  const rows = await s.db
    .select({ userId: users.id, email: users.email, caseId: caseKeys.caseId })
    .from(caseKeys)
    .innerJoin(users, eq(users.id, caseKeys.userId))
    .where(and(inArray(caseKeys.caseId, caseIds), eq(users.status, 'active')));
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? { userId: row.userId, email: row.email, caseIds: [] };
    entry.caseIds.push(row.caseId);
    byUser.set(row.userId, entry);
  }
  return byUser;
}

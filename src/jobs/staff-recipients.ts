import { eq, inArray } from 'drizzle-orm';
import { caseKeys, users } from '../db/schema.js';
import { inOrg } from '../db/scoped.js';
import type { Services } from '../services.js';

export interface Recipient {
  userId: string;
  email: string;
}

/**
 * Active staff who hold a key to any of these cases: the people who can act on them. The cases are
 * ones the organisation's bodies handle, and those bodies' members are its own accounts (also for
 * a shared commission: its members are accounts of the organisation that serves).
 */
export async function keyHoldersOf(s: Pick<Services, 'db'>, organisationId: string, caseIds: string[]): Promise<Map<string, Recipient & { caseIds: string[] }>> {
  const byUser = new Map<string, Recipient & { caseIds: string[] }>();
  if (caseIds.length === 0) return byUser;
  const rows = await s.db
    .select({ userId: users.id, email: users.email, caseId: caseKeys.caseId })
    .from(caseKeys)
    .innerJoin(users, eq(users.id, caseKeys.userId))
    .where(inOrg(organisationId, users, inArray(caseKeys.caseId, caseIds), eq(users.status, 'active')));
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? { userId: row.userId, email: row.email, caseIds: [] };
    entry.caseIds.push(row.caseId);
    byUser.set(row.userId, entry);
  }
  return byUser;
}

import { and, eq } from 'drizzle-orm';
import { caseKeys } from '../../db/schema.js';
import type { Services } from '../../services.js';

/** Whether a user holds a sealed copy of the case key (metadata only, nothing is opened). */
export async function holdsKey(s: Pick<Services, 'db'>, caseId: string, userId: string): Promise<boolean> {
  const rows = await s.db.select({ userId: caseKeys.userId }).from(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, userId)));
  return rows.length === 1;
}

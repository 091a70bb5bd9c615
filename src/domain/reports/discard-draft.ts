import type { DraftRoute } from './report-draft.js';
import { eq } from 'drizzle-orm';
import { reportDrafts } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { draftKeys } from './kept-draft.js';

/** "Start again": the kept draft of this browser for this route is deleted. */
export async function discardDraft(s: Pick<Services, 'db' | 'sodium'>, preSession: string | null, route: DraftRoute): Promise<void> {
  const keys = preSession ? draftKeys(s, preSession, route) : null;
  if (keys) await s.db.delete(reportDrafts).where(eq(reportDrafts.idHash, keys.idHash));
}

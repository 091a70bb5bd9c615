import type { DraftRoute } from './report-draft.js';
import { eq } from 'drizzle-orm';
import { reportDrafts } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { draftKeys, sealPayload } from './kept-draft.js';
import { DRAFT_HOURS } from './report-draft.js';

/**
 * After "send": the kept draft's content is replaced by a mark that it was sent, so the browser's
 * Back button shows "already sent" instead of the form (and the content is gone from the store).
 */
export async function markDraftSent(s: Pick<Services, 'db' | 'sodium' | 'now'>, preSession: string | null, route: DraftRoute): Promise<void> {
  const keys = preSession ? draftKeys(s, preSession, route) : null;
  if (!keys) return;
  await s.db
    .update(reportDrafts)
    .set({ sealed: sealPayload(s, keys, { sent: true }), expiresAt: new Date(s.now().getTime() + DRAFT_HOURS * 3600_000) })
    .where(eq(reportDrafts.idHash, keys.idHash));
}

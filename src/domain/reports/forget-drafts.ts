import { inArray } from 'drizzle-orm';
import { reportDrafts, routes } from '../../db/schema.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { draftKeys } from './kept-draft.js';

/**
 * The quick exit and logging out: every draft this browser kept, on any route, is deleted (not
 * only made unreadable by forgetting the cookie), so a copied cookie opens nothing afterwards.
 */
export async function forgetDrafts(s: Pick<Services, 'db' | 'sodium'>, preSession: string | null): Promise<void> {
  if (!preSession) return;
  // Every route of every organisation: one browser may have begun a report at several.
  const all = await s.db.select({ organisationId: routes.organisationId, code: routes.code }).from(routes).where(unsafeAnyOrg('a browser may have begun drafts at any organisation; only route codes are read'));
  const ids = all.flatMap((route) => draftKeys(s, preSession, route)?.idHash ?? []);
  if (ids.length > 0) await s.db.delete(reportDrafts).where(inArray(reportDrafts.idHash, ids));
}

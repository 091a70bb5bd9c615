import { eq, gt, sql } from 'drizzle-orm';
import { reportDrafts } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { FieldError } from '../errors.js';
import { draftKeys, KEPT_AFTER_EXPIRY_MS, sealPayload } from './kept-draft.js';
import type { ReportDraft } from './report-draft.js';

/**
 * Keeps the draft (sealed, see kept-draft.ts) with the step to show and that step's errors.
 * Returns false when it could not be kept: no usable pre-session cookie, or the store is full
 * (DRAFT_STORE_MAX_BYTES). Then the form goes on as before, carried in the page alone, so filling
 * the store costs the attacker requests and costs nobody their report.
 */
export async function keepDraft(
  s: Pick<Services, 'db' | 'sodium' | 'now' | 'config'>,
  preSession: string | null,
  kept: { draft: ReportDraft; position: string; errors: FieldError[] },
): Promise<boolean> {
  const keys = preSession ? draftKeys(s, preSession, kept.draft.route) : null;
  if (!keys) return false;
  const sealed = sealPayload(s, keys, kept);
  const expiresAt = new Date(kept.draft.expiresAt + KEPT_AFTER_EXPIRY_MS);
  // A draft already kept is updated whatever the total (one row per browser and route).
  const updated = await s.db.update(reportDrafts).set({ sealed, expiresAt }).where(eq(reportDrafts.idHash, keys.idHash)).returning({ id: reportDrafts.idHash });
  if (updated.length > 0) return true;
  const [total] = await s.db
    .select({ bytes: sql<string>`coalesce(sum(octet_length(${reportDrafts.sealed})), 0)` })
    .from(reportDrafts)
    .where(gt(reportDrafts.expiresAt, s.now()));
  if (Number(total?.bytes ?? 0) + sealed.length > s.config.draftStoreMaxBytes) return false;
  await s.db.insert(reportDrafts).values({ idHash: keys.idHash, sealed, expiresAt }).onConflictDoUpdate({ target: reportDrafts.idHash, set: { sealed, expiresAt } });
  return true;
}

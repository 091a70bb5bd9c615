import { and, eq, gt, ne, sql } from 'drizzle-orm';
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
  const keys = preSession ? draftKeys(s, preSession, { organisationId: kept.draft.organisationId, code: kept.draft.route }) : null;
  if (!keys) return false;
  const sealed = sealPayload(s, keys, kept);
  const expiresAt = new Date(kept.draft.expiresAt + KEPT_AFTER_EXPIRY_MS);
  // One draft is never bigger than a step form could carry, and every write (update or insert)
  // counts against the total; the check and the write are one step under an advisory lock, so
  // requests arriving together cannot all pass the check. The lock is only tried, never waited
  // for: a flood of steps cannot queue anyone else's behind it. Whenever a copy is not kept (too
  // big, store full, lock busy) this browser's older copy is dropped, since it would show older
  // text, and the form goes on carried in the page alone.
  const dropOwn = async () => {
    await s.db.delete(reportDrafts).where(eq(reportDrafts.idHash, keys.idHash));
    return false;
  };
  if (sealed.length > DRAFT_MAX_BYTES) return dropOwn();
  const stored = await s.db.transaction(async (tx) => {
    const lock = (await tx.execute(sql`select pg_try_advisory_xact_lock(${DRAFT_STORE_LOCK}) as held`)) as unknown as { rows: Array<{ held: boolean }> };
    if (!lock.rows[0]?.held) return false;
    const [total] = await tx
      .select({ bytes: sql<string>`coalesce(sum(octet_length(${reportDrafts.sealed})), 0)` })
      .from(reportDrafts)
      .where(and(gt(reportDrafts.expiresAt, s.now()), ne(reportDrafts.idHash, keys.idHash)));
    if (Number(total?.bytes ?? 0) + sealed.length > s.config.draftStoreMaxBytes) return false;
    await tx.insert(reportDrafts).values({ idHash: keys.idHash, sealed, expiresAt }).onConflictDoUpdate({ target: reportDrafts.idHash, set: { sealed, expiresAt } });
    return true;
  });
  return stored || dropOwn();
}

/** The advisory lock that makes "check the total, then write" one step. */
export const DRAFT_STORE_LOCK = 7_245_001;

/** No kept draft is bigger than what one step form may post. */
const DRAFT_MAX_BYTES = 256 * 1024;

import { sql, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema.js';

/**
 * The reporter wrote after the handlers last did, and waits for an answer: one rule for the inbox,
 * the case page, the digest and the purge (which must wait for that answer).
 */
export function reporterWroteLast(lastReporterAt: Date | null, lastHandlerAt: Date | null): boolean {
  return !!lastReporterAt && (!lastHandlerAt || lastReporterAt > lastHandlerAt);
}

/** The same rule as a condition on the cases table. */
export const reporterWroteLastSql: SQL = sql`(${cases.lastReporterActivityAt} is not null and (${cases.lastHandlerActivityAt} is null or ${cases.lastReporterActivityAt} > ${cases.lastHandlerActivityAt}))`;

import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The counts with one added at a 1-based option, as one expression: parallel choices each add
 * their one in their own update of the row, none is lost. The option is a validated integer of 1
 * to 4, written into the statement as a literal array subscript.
 */
export function plusOneAt(counts: PgColumn, option: number): SQL {
  if (!Number.isInteger(option) || option < 1 || option > 4) throw new Error('option out of range');
  const [before, at, after] = [option - 1, option, option + 1].map((n) => sql.raw(String(n)));
  return sql`${counts}[1:${before}] || array[${counts}[${at}] + 1] || ${counts}[${after}:]`;
}

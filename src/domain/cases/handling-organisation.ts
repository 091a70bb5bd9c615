import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cases } from '../../db/schema.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import { AppError } from '../errors.js';

/**
 * The organisation whose body reads this case: the case's own, or, on a route that was served by a
 * shared commission when the report came in, the commission's. Its audit chain records the case's handling, and its settings
 * (time zone, quorum, waiting period) govern it.
 */
export async function handlingOrganisationOf(db: Db | Tx, caseId: string): Promise<string> {
  const [row] = await db
    .select({ id: cases.handledBy })
    .from(cases)
    .where(unsafeAnyOrg('which organisation handles a case, asked by its id after the caller reached the case (a reporter session, a handler’s key, a job): the answer names whose chain and body it is', eq(cases.id, caseId)));
  if (!row) throw new AppError('not_found');
  return row.id;
}

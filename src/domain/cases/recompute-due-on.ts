import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cases, organisations } from '../../db/schema.js';
import { dueOn } from './due-on.js';
import { awaitingFeedback } from './lifecycle.js';

const CHUNK = 1000;

/**
 * Sets every open case's next deadline again from its dates, in its handling organisation's zone
 * (the cases one organisation handles or is reported about, or all): after that organisation's time zone changed, and after a
 * restore (a backup made before the deadline was kept on the case brings none). Closed cases have none.
 */
export async function recomputeDueOn(db: Db | Tx, organisationId: string | null): Promise<number> {
  const zones = new Map((await db.select({ id: organisations.id, timeZone: organisations.timeZone }).from(organisations)).map((o) => [o.id, o.timeZone]));
  const open = ['received', ...awaitingFeedback];
  const rows = await db
    .select({ id: cases.id, status: cases.status, handledBy: cases.handledBy, receivedAt: cases.receivedAt, acknowledgedAt: cases.acknowledgedAt, feedbackExtendedTo: cases.feedbackExtendedTo })
    .from(cases)
    .where(organisationId ? and(or(eq(cases.handledBy, organisationId), eq(cases.organisationId, organisationId)), inArray(cases.status, open)) : inArray(cases.status, open));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows.slice(start, start + CHUNK).map((row) => sql`(${row.id}::uuid, ${dueOn(row, zones.get(row.handledBy) ?? 'Europe/Amsterdam')}::date)`);
    await db.execute(sql`update ${cases} set due_on = v.due from (values ${sql.join(values, sql`, `)}) as v(id, due) where ${cases.id} = v.id`);
  }
  return rows.length;
}

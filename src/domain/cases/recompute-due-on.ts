import { inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cases, organisations } from '../../db/schema.js';
import { inCommission, inOrg, unsafeAnyOrg } from '../../db/scoped.js';
import { dueOn } from './due-on.js';
import { awaitingFeedback } from './lifecycle.js';

const CHUNK = 1000;

/**
 * Sets every open case's next deadline again from its dates, in its handling organisation's zone
 * (the cases one organisation handles or is reported about, or all): after that organisation's time zone changed, and after a
 * restore (a backup made before the deadline was kept on the case brings none). Closed cases have none.
 */
export async function recomputeDueOn(db: Db | Tx, organisationId: string | null): Promise<number> {
  // A shared commission handles other organisations' cases, so any organisation's zone may be the one that counts.
  const zones = new Map(
    (await db.select({ id: organisations.id, timeZone: organisations.timeZone }).from(organisations).where(unsafeAnyOrg('the zone of whichever organisation handles a case, a shared commission included'))).map((o) => [o.id, o.timeZone]),
  );
  const open = inArray(cases.status, ['received', ...awaitingFeedback]);
  const columns = { id: cases.id, status: cases.status, handledBy: cases.handledBy, receivedAt: cases.receivedAt, acknowledgedAt: cases.acknowledgedAt, feedbackExtendedTo: cases.feedbackExtendedTo };
  // One organisation: the cases its commission handles and those reported about it (a case can be both, counted once).
  const rows = organisationId
    ? [
        ...new Map(
          [
            ...(await db.select(columns).from(cases).where(inCommission(organisationId, cases, open))),
            ...(await db.select(columns).from(cases).where(inOrg(organisationId, cases, open))),
          ].map((row) => [row.id, row]),
        ).values(),
      ]
    : await db.select(columns).from(cases).where(unsafeAnyOrg('after restoring a whole backup: the open cases of every organisation', open));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows.slice(start, start + CHUNK).map((row) => sql`(${row.id}::uuid, ${dueOn(row, zones.get(row.handledBy) ?? 'Europe/Amsterdam')}::date)`);
    await db.execute(sql`update ${cases} set due_on = v.due from (values ${sql.join(values, sql`, `)}) as v(id, due) where ${cases.id} = v.id`);
  }
  return rows.length;
}

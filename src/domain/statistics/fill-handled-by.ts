import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';

/**
 * Purged figures from a backup made before they named the commission that handled them: the
 * commission the organisation shared on the day the report came in (from the organisation's own
 * audit chain), else the first change's "before", else its own; the advisors' and the panel's
 * routes are always its own. The same rule as migration 0026, for rows a restore brings in.
 */
export async function fillHandledBy(db: Db | Tx): Promise<void> {
  await db.execute(sql`
    update case_statistics as st set handled_by = case when st.route_code in ('commission', 'risk_signal') then coalesce(
        (select (a.detail->>'after')::uuid from audit_log as a
          where a.organisation_id = st.organisation_id and a.action = 'commission.shared'
            and a.detail->>'organisation' = st.organisation_id::text and a.at < (st.received_on::date + 1)
          order by a.seq desc limit 1),
        (select (a.detail->>'before')::uuid from audit_log as a
          where a.organisation_id = st.organisation_id and a.action = 'commission.shared'
            and a.detail->>'organisation' = st.organisation_id::text
          order by a.seq asc limit 1),
        st.organisation_id) else st.organisation_id end
      where st.handled_by is null`);
}

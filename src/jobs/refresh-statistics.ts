import { sql } from 'drizzle-orm';
import type { Services } from '../services.js';
import { claimJob, finishJob } from './claim-job.js';

// The query planner needs table statistics to use the inbox indexes well. A PostgreSQL server
// keeps them fresh by itself (autovacuum); the embedded database has no background workers, so
// the scheduler refreshes them once an hour. Without this an inbox of 100,000 cases takes
// hundreds of milliseconds per page instead of about ten.
export async function refreshStatistics(s: Services, /** Again within the hour (after a bulk load). */ force = false): Promise<boolean> {
  if (s.database.kind !== 'pglite') return false;
  const now = s.now();
  const key = `analyze:${now.toISOString().slice(0, 13)}`;
  if (force) {
    await s.db.execute(sql`analyze cases, case_keys, case_entries, case_declarations, audit_log`);
    return true;
  }
  if (!(await claimJob(s.db, key, now))) return false;
  await s.db.execute(sql`analyze cases, case_keys, case_entries, case_declarations, audit_log`);
  await finishJob(s.db, key, now);
  return true;
}

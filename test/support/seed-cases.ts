import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

const migration = readFileSync(fileURLToPath(new URL('../../src/db/migrations/0024_inbox_metadata.sql', import.meta.url)), 'utf8');
export const dueOnBackfill = migration
  .split('--> statement-breakpoint')
  .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
  .find((statement) => statement.startsWith('UPDATE "cases" AS c SET "due_on"'))!;

/**
 * Many cases at once, straight into the tables, for inbox paging tests and the 100,000-case
 * benchmark. Their keys are filler bytes: these cases list, they cannot be opened.
 */
export async function seedListOnlyCases(
  db: Db,
  options: { organisationId: string; handlerId: string; count: number; start: Date; routes?: string[]; statuses?: string[] },
): Promise<void> {
  const routes = options.routes ?? ['commission'];
  const statuses = options.statuses ?? ['received'];
  const routeArray = `{${routes.join(',')}}`;
  const statusArray = `{${statuses.join(',')}}`;
  await db.execute(sql`
    insert into cases (id, number, organisation_id, handled_by, route_code, questionnaire_version, anonymity, status, received_at, receipt_lookup, public_key, private_key_by_receipt)
    select gen_random_uuid(), 'SEED-' || md5(random()::text || i), ${options.organisationId}::uuid, ${options.organisationId}::uuid, (${routeArray}::text[])[1 + (i % ${routes.length})], 1, 'anonymous', (${statusArray}::text[])[1 + (i % ${statuses.length})],
           ${options.start.toISOString()}::timestamptz + (i * interval '1 minute'),
           decode(md5('lookup' || i || random()::text), 'hex'), decode(md5('pk' || i), 'hex'), decode(md5('sk' || i), 'hex')
    from generate_series(1, ${options.count}) as i`);
  await db.execute(sql`update cases set acknowledged_at = received_at + interval '1 day' where status <> 'received' and acknowledged_at is null`);
  // The next deadline, by the very statement the migration back-fills it with (the inbox test holds it to dueOn()).
  await db.execute(sql.raw(dueOnBackfill.replace('WHERE o."id" = c."handled_by"', 'WHERE o."id" = c."handled_by" AND c."due_on" IS NULL')));
  await db.execute(sql`
    insert into case_keys (case_id, user_id, sealed_private_key)
    select c.id, ${options.handlerId}::uuid, decode(md5(c.id::text), 'hex') from cases c
    where c.organisation_id = ${options.organisationId}::uuid and not exists (select 1 from case_keys k where k.case_id = c.id and k.user_id = ${options.handlerId}::uuid)`);
}

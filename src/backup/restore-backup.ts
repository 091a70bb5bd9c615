import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { cases, organisations, questionnaires, routes, users } from '../db/schema.js';
import type { Services } from '../services.js';
import { BACKUP_FORMAT, BACKUP_VERSION, backupTables, decodeValue } from './backup-tables.js';

export class RestoreRefused extends Error {}

const BATCH = 1000;

/**
 * Restores a backup into an empty installation (migrated, nobody set up, no cases), all or
 * nothing. The same handlers read the same cases afterwards with their own passwords, provided
 * the server key is the same as before.
 */
export async function restoreBackup(s: Pick<Services, 'db'>, path: string): Promise<{ rows: number }> {
  const count = async (table: PgTable) => (await s.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  if ((await count(users)) + (await count(organisations)) + (await count(cases)) > 0) throw new RestoreRefused('The installation is not empty: restore only into a fresh one.');
  const tables = new Map<string, PgTable>(backupTables);
  let header: { format?: string; version?: number } | null = null;
  let rows = 0;
  await s.db.transaction(async (tx) => {
    // The fresh installation has its default routes; the backup brings the real ones.
    await tx.delete(questionnaires);
    await tx.delete(routes);
    let pending: { table: PgTable | null; rows: Record<string, unknown>[] } = { table: null, rows: [] };
    const flush = async (t: Tx) => {
      if (pending.table && pending.rows.length > 0) await t.insert(pending.table).values(pending.rows);
      pending = { table: pending.table, rows: [] };
    };
    // Opened only now: lines read before the loop starts would be lost.
    for await (const line of readLines(path)) {
      if (!line.trim()) continue;
      if (!header) {
        header = JSON.parse(line) as { format?: string; version?: number };
        if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new RestoreRefused('This is not a Tegenspraak backup of a version this program can read.');
        continue;
      }
      const record = JSON.parse(line, decodeValue) as { table: string; row: Record<string, unknown> };
      const table = tables.get(record.table);
      if (!table) throw new RestoreRefused(`Unknown table in backup: ${record.table}`);
      if (table !== pending.table || pending.rows.length >= BATCH) {
        await flush(tx);
        pending.table = table;
      }
      pending.rows.push(record.row);
      rows += 1;
    }
    await flush(tx);
    if (!header) throw new RestoreRefused('The backup file is empty.');
  });
  return { rows };
}

/** The file's lines, unzipped; a missing or corrupt file ends the loop with its error, never hangs or escapes. */
async function* readLines(path: string): AsyncGenerator<string> {
  const source = createReadStream(path);
  const unzip = createGunzip();
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    source.destroy();
    unzip.destroy();
  };
  source.on('error', fail);
  unzip.on('error', fail);
  const lines = createInterface({ input: source.pipe(unzip), crlfDelay: Infinity });
  unzip.on('close', () => lines.close());
  for await (const line of lines) {
    if (failure) break;
    yield line;
  }
  if (failure) throw failure;
}

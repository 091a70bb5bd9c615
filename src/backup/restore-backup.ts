import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { eq, or, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { cases, organisations, questionnaires, routes, users } from '../db/schema.js';
import { unsafeAnyOrg } from '../db/scoped.js';
import type { Services } from '../services.js';
import { BACKUP_FORMAT, BACKUP_VERSION, backupTables, decodeValue } from './backup-tables.js';
import { recomputeDueOn } from '../domain/cases/recompute-due-on.js';
import { fillHandledBy } from '../domain/statistics/fill-handled-by.js';

export class RestoreRefused extends Error {}

const BATCH = 1000;

type Header = { format?: string; version?: number; organisation?: { id: string; slug: string; name: string } };

/**
 * Restores a backup, all or nothing. A backup of the whole installation goes only into an empty
 * one (migrated, nobody set up, no cases); a backup of one organisation goes into any
 * installation that does not hold that organisation yet (moving it to another host, or bringing
 * it back). The same handlers read the same cases afterwards with their own passwords, provided
 * the server key is the same as before.
 */
export async function restoreBackup(s: Pick<Services, 'db'>, path: string): Promise<{ rows: number; organisation: string | null }> {
  const tables = new Map<string, PgTable>(backupTables);
  let header: Header | null = null;
  let rows = 0;
  await s.db.transaction(async (tx) => {
    let pending: { table: PgTable | null; rows: Record<string, unknown>[] } = { table: null, rows: [] };
    const flush = async (t: Tx) => {
      if (pending.table && pending.rows.length > 0) await insertOrRefuse(t, pending.table, pending.rows);
      pending = { table: pending.table, rows: [] };
    };
    // Opened only now: lines read before the loop starts would be lost.
    for await (const line of readLines(path)) {
      if (!line.trim()) continue;
      if (!header) {
        header = parseHeader(line);
        await checkRoom(tx, header);
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
    // A backup from before the next deadline was kept on the case brings none: set them from the dates.
    await recomputeDueOn(tx, (header as Header).organisation?.id ?? null);
    // And one from before purged figures named the commission that handled them gets it filled in.
    await fillHandledBy(tx);
  });
  return { rows, organisation: (header as Header | null)?.organisation?.slug ?? null };
}

function parseHeader(line: string): Header {
  let header: Header;
  try {
    header = JSON.parse(line) as Header;
  } catch {
    throw new RestoreRefused('This is not a Tegenspraak backup of a version this program can read.');
  }
  if (header?.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new RestoreRefused('This is not a Tegenspraak backup of a version this program can read.');
  return header;
}

async function checkRoom(tx: Tx, header: Header): Promise<void> {
  const count = async (table: PgTable) => (await tx.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  const one = header.organisation;
  if (!one) {
    if ((await count(users)) + (await count(organisations)) + (await count(cases)) > 0) throw new RestoreRefused('The installation is not empty: restore a whole installation only into a fresh one.');
    // The fresh installation has its default routes; the backup brings the real ones.
    await tx.delete(questionnaires).where(unsafeAnyOrg('restoring a whole installation into a fresh one: every default route gives way'));
    await tx.delete(routes).where(unsafeAnyOrg('restoring a whole installation into a fresh one: every default route gives way'));
    return;
  }
  const [present] = await tx.select({ slug: organisations.slug }).from(organisations).where(unsafeAnyOrg('restoring one organisation: does any organisation hold its id or address already', or(eq(organisations.id, one.id), eq(organisations.slug, one.slug))));
  if (present) throw new RestoreRefused(`This installation already holds an organisation at the address "${present.slug}": the backup of "${one.slug}" can only be restored where it is not.`);
}

/** A clash with what the installation already holds (an account's e-mail address, say) refuses the whole restore with a reason. */
async function insertOrRefuse(tx: Tx, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  try {
    await tx.insert(table).values(rows);
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw new RestoreRefused('Something in the backup already exists on this installation (the same account, for example): nothing was restored.');
    throw error;
  }
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

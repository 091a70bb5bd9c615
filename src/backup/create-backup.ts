import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Services } from '../services.js';
import { BACKUP_FORMAT, BACKUP_VERSION, backupTables, encodeValue } from './backup-tables.js';

const PAGE = 2000;

/**
 * Writes the whole installation to a gzipped file of JSON lines. Report content, files and
 * identities stay what they are in the database: ciphertext sealed to the handlers' keys. The
 * server key is not in it and must be kept apart (it protects TOTP secrets, mail addresses and
 * the audit chain, never case content).
 */
export async function createBackup(s: Pick<Services, 'db' | 'now'>, path: string): Promise<{ rows: number }> {
  let rows = 0;
  async function* lines() {
    yield JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: s.now().toISOString() }) + '\n';
    for (const [name, table] of backupTables) {
      for (let offset = 0; ; offset += PAGE) {
        // Stable pages without relying on a key name: every column, in the table's own order.
        const page = await s.db.select().from(table).limit(PAGE).offset(offset);
        for (const row of page) {
          rows += 1;
          yield JSON.stringify({ table: name, row: dated(row) }, encodeValue) + '\n';
        }
        if (page.length < PAGE) break;
      }
    }
  }
  const out = createWriteStream(path, { mode: 0o600 });
  await pipeline(Readable.from(lines()), createGzip(), out);
  if (!out.closed) await once(out, 'close');
  return { rows };
}

/** Dates are tagged before JSON.stringify turns them into bare strings. */
function dated(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? { $date: v.toISOString() } : v]));
}

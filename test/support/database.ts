import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { withDatabase } from './global-setup.js';

/** A fresh, migrated database for one test file, on whichever engine this run uses. */
export async function createTestDatabase(options: { pgliteDataDir?: string } = {}): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const postgresTemplate = inject('postgresTemplate');
  if (serverUrl && postgresTemplate) return newPostgresDatabase(serverUrl, postgresTemplate);
  if (options.pgliteDataDir) {
    // A real data folder on disk, for tests that inspect the raw files (migrated by boot()).
    const handle = await openDatabase({ kind: 'pglite', dataDir: options.pgliteDataDir });
    return { handle, drop: () => handle.close() };
  }
  const dump = await readFile(inject('pgliteTemplate'));
  const handle = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) });
  return { handle, drop: () => handle.close() };
}

/** An empty, unmigrated database on whichever engine this run uses (for the upgrade test). */
export async function createEmptyTestDatabase(): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return newPostgresDatabase(serverUrl, null);
  const handle = await openDatabase({ kind: 'pglite' });
  return { handle, drop: () => handle.close() };
}

/** A new database on the PostgreSQL server, copied from `template` or empty; dropped by `drop`. */
async function newPostgresDatabase(serverUrl: string, template: string | null) {
  const name = `tegenspraak_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  return {
    handle,
    url,
    async drop() {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { OwnReports } from './own-reports.js';
import * as schema from './schema.js';

// The channel of change-feed.ts, listened to by every pooled connection.
export const CHANGE_CHANNEL = 'tegenspraak_change';

// One interface over both engines: embedded PGlite (a data folder, zero set-up) and a PostgreSQL
// server when DATABASE_URL is set. The same schema and migrations serve both.
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a function with exclusive use of one connection (used for migrations under a lock). */
  raw: { pglite?: PGlite; pool?: pg.Pool };
  /**
   * On a PostgreSQL server: the change notifications of this process's own commits. Every pooled
   * connection listens from the moment it connects and passes on only what its own backend sent, so
   * a change this process commits is reported before its query returns ('notification'), and a
   * pooled connection that failed (perhaps before it could report its commit) says so ('lost')
   * (src/db/change-feed.ts).
   */
  notifications?: EventEmitter;
  /** On a PostgreSQL server: which backends are this pool's, and what they reported (see own-reports.ts). */
  ownReports?: OwnReports;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseSource =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(source: DatabaseSource): Promise<DatabaseHandle> {
  if (source.kind === 'postgres') {
    const notifications = new EventEmitter();
    const ownReports = new OwnReports();
    const pool = new pg.Pool({
      connectionString: source.url,
      max: source.poolSize ?? 10,
      // Every pooled connection listens before its first use (see `notifications`). It passes on only
      // its own backend's notifications: those arrive before its commit returns, whereas another
      // connection's arrive whenever its socket is next read, and would make the public cache forget
      // again, later, what it had rightly kept since (the dedicated listener hears the others').
      onConnect: async (client) => {
        const pid = (client as unknown as { processID: number }).processID;
        client.on('notification', (message) => {
          if (message.processId !== pid) return;
          ownReports.record(pid, message.payload);
          notifications.emit('notification', message);
        });
        client.on('error', () => {
          ownReports.disconnected(pid);
          notifications.emit('lost');
        });
        client.on('end', () => ownReports.disconnected(pid));
        await client.query(`listen ${CHANGE_CHANNEL}`);
        ownReports.connected(pid);
      },
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      raw: { pool },
      notifications,
      ownReports,
      ping: async () => {
        await pool.query('select 1');
      },
      close: once(() => pool.end()),
    };
  }
  if (source.dataDir) await mkdir(source.dataDir, { recursive: true });
  // PostgreSQL's memory lives in PGlite's WebAssembly memory, which never shrinks: its shared memory
  // is written through at start and stays resident, as does the peak of any sort or index build.
  // With the defaults (shared_buffers 128 MB; 145 MB of shared memory in all) that was most of the
  // server's resident memory (issue 17). With 32 MB of buffers the inbox, figures and statistics on
  // 20,000 and on 100,000 cases measured as fast as with 128 (the data folder's files sit in the
  // system's page cache besides; 16 MB was slower in some runs); an index build at a migration or the
  // VACUUM after a purge gets 16 MB instead of 64 before it spills to disk. Set on the command line: nothing is written into the data
  // folder's postgresql.conf, and an existing folder gets the same.
  const memory = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB', '-c', 'maintenance_work_mem=16MB'] };
  const client = source.loadDataDir
    ? new PGlite({ ...memory, loadDataDir: source.loadDataDir })
    : new PGlite(source.dataDir ?? 'memory://', memory);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    raw: { pglite: client },
    ping: async () => {
      await client.query('select 1');
    },
    close: once(() => client.close()),
  };
}

/** Closing twice (a test and its clean-up, a signal during shutdown) must not throw. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FEED_APPLICATION_NAME, listenForChanges, type ChangeFeed } from '../../src/db/change-feed.js';
import { createTestDatabase } from '../support/database.js';

// The change feed on a PostgreSQL server (threat model: "Cannot make the start page show other
// readers…"): when its listening connection is cut it stops being live (so the public cache serves
// nothing from memory) and forgets everything before it is live again, since a change may have
// been committed while nobody listened.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.runIf(onPostgres)('the change feed on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is not live while its connection is cut, forgets everything, and listens again', async () => {
    const seen: boolean[] = [];
    let feed: ChangeFeed | null = null;
    feed = await listenForChanges(database.handle, { onChange: () => seen.push(feed?.live ?? false) });
    try {
      expect(feed.live).toBe(true);
      seen.length = 0;
      // Another session ends the listening connection (as a restart of the database server would).
      const cut = await database.handle.db.execute(
        sql`select pg_terminate_backend(pid) as cut from pg_stat_activity where datname = current_database() and application_name = ${FEED_APPLICATION_NAME}`,
      );
      expect((cut as unknown as { rows: unknown[] }).rows).toHaveLength(1);
      await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 10_000, interval: 5 });
      // Told to forget while already marked as not live: nothing kept is served from then on.
      expect(seen[0]).toBe(false);
      // Back again after a short wait, forgetting once more what may have changed meanwhile.
      await vi.waitFor(() => expect(feed!.live).toBe(true), { timeout: 20_000, interval: 20 });
      expect(seen.length).toBeGreaterThanOrEqual(2);
      // And it hears a change committed after that.
      const before = seen.length;
      await database.handle.db.execute(sql`select pg_notify('tegenspraak_change', 'test')`);
      await vi.waitFor(() => expect(seen.length).toBeGreaterThan(before), { timeout: 10_000, interval: 5 });
    } finally {
      await feed.close();
    }
    expect(feed.live).toBe(false);
  }, 60_000);

  it("reports this process's own commit once, before it returns, and another writer's once", async () => {
    let heard = 0;
    const feed = await listenForChanges(database.handle, { onChange: () => (heard += 1) });
    const other = new pg.Client({ connectionString: database.url });
    try {
      // Several pooled connections open and listening, each of which hears every commit.
      await Promise.all(Array.from({ length: 5 }, () => database.handle.db.execute(sql`select pg_sleep(0.05)`)));
      heard = 0;
      await database.handle.db.execute(sql`select pg_notify('tegenspraak_change', 'own')`);
      expect(heard).toBe(1);
      // Another writer (another instance, psql): heard on the feed's own connection, after this
      // process's own commit would have been heard there too (one connection, in commit order).
      await other.connect();
      await other.query(`select pg_notify('tegenspraak_change', 'other')`);
      await vi.waitFor(() => expect(heard).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 5 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Not again, later, from the idle pooled connections or the feed's: a page kept meanwhile stays.
      expect(heard).toBe(2);
    } finally {
      await other.end().catch(() => {});
      await feed.close();
    }
  }, 60_000);

  it("still reports this process's own commit when the connection that made it never reported it", async () => {
    let heard = 0;
    const feed = await listenForChanges(database.handle, { onChange: () => (heard += 1) });
    const pooled = await database.handle.raw.pool!.connect();
    try {
      heard = 0;
      // The committing connection's own report is lost (as when its reply never arrives).
      pooled.removeAllListeners('notification');
      await pooled.query(`select pg_notify('tegenspraak_change', 'unreported')`);
      expect(heard).toBe(0);
      // The feed's own connection heard it too and, with no report to match, reports it itself.
      await vi.waitFor(() => expect(heard).toBe(1), { timeout: 10_000, interval: 5 });
    } finally {
      pooled.release(true);
      await feed.close();
    }
  }, 60_000);

  it('forgets when one of its own pooled connections fails, which may have committed without saying so', async () => {
    let heard = 0;
    const feed = await listenForChanges(database.handle, { onChange: () => (heard += 1) });
    try {
      await Promise.all(Array.from({ length: 3 }, () => database.handle.db.execute(sql`select pg_sleep(0.05)`)));
      heard = 0;
      const cut = await database.handle.db.execute(
        sql`select pg_terminate_backend(pid) as cut from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and application_name <> ${FEED_APPLICATION_NAME}`,
      );
      expect((cut as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
      await vi.waitFor(() => expect(heard).toBeGreaterThan(0), { timeout: 10_000, interval: 5 });
      // The feed's own connection was left alone and is still live.
      expect(feed.live).toBe(true);
    } finally {
      await feed.close();
    }
  }, 60_000);
});

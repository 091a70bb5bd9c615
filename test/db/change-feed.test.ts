import { sql } from 'drizzle-orm';
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
});

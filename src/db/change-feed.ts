import pg from 'pg';
import { CHANGE_CHANNEL, type DatabaseHandle } from './client.js';

// What the public pages show (organisations, routes, questionnaires, who reads a route) is kept in
// memory and must be forgotten the moment it changes, in every instance on the same database. The
// database says so itself: triggers on those tables (migration 0030_change_feed) call
// pg_notify('tegenspraak_change', <table>) in the writing transaction, delivered at commit to every
// listener, whoever wrote (another instance, the command line, a hand edit in psql). A listener that
// lost its connection may have missed a change: until it listens again the feed is not live and
// nothing may be served from memory.

/**
 * How long a notification from one of this process's own backends waits here for that backend's
 * own report of it before it counts as unreported (the stale window when a pooled connection fails
 * right after committing).
 */
export const OWN_REPORT_GRACE_MS = 1_000;

/** The dedicated listening connection's application_name in pg_stat_activity. */
export const FEED_APPLICATION_NAME = 'tegenspraak-change-feed';

export interface ChangeFeed {
  /** Whether every change since the last `onChange` call will be reported. */
  readonly live: boolean;
  close(): Promise<void>;
}

export interface ChangeListener {
  /** A change was committed, or the feed went live again after missing some: forget everything. */
  onChange(): void;
}

export async function listenForChanges(handle: DatabaseHandle, listener: ChangeListener): Promise<ChangeFeed> {
  const deliver = () => listener.onChange();

  if (handle.kind === 'pglite') {
    // One embedded database, one process: its notifications arrive before the commit's promise resolves.
    const pglite = handle.raw.pglite!;
    const unlisten = await pglite.listen(CHANGE_CHANNEL, deliver);
    return {
      live: true,
      close: () => unlisten(),
    };
  }

  const pool = handle.raw.pool!;
  // A change committed through this process's own pool is reported on the committing connection
  // before the commit returns; the dedicated connection below hears every other writer's. A pooled
  // connection that failed may have committed without reporting it: forget then too.
  const onPooled = (message: pg.Notification) => {
    if (message.channel === CHANGE_CHANNEL) deliver();
  };
  handle.notifications?.on('notification', onPooled);
  handle.notifications?.on('lost', deliver);
  // What this connection hears from one of this process's own backends was, as a rule, reported by
  // that backend's connection already; hearing it again would only throw away pages kept correctly
  // since. The rule has exceptions (that connection failed, or its reply was lost): a notification
  // from an own backend that no report matches within a moment is delivered after all.
  const own = handle.ownReports;
  const waiting = new Set<NodeJS.Timeout>();
  const heard = (message: pg.Notification) => {
    if (!own || !own.isOwn(message.processId)) return deliver();
    if (own.take(message.processId, message.payload)) return;
    const wait = setTimeout(() => {
      waiting.delete(wait);
      if (!own.take(message.processId, message.payload)) deliver();
    }, OWN_REPORT_GRACE_MS);
    wait.unref();
    waiting.add(wait);
  };
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;
  const lost = () => {
    live = false;
    listener.onChange();
    const dead = client;
    client = null;
    dead?.removeAllListeners();
    dead?.on('error', () => {});
    void dead?.end().catch(() => {});
    if (!closed && !retry) {
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, delay);
      retry.unref();
      delay = Math.min(delay * 2, 10_000);
    }
  };
  const connect = async () => {
    // Named, so an operator (and the test that cuts it) can tell it from the pooled connections.
    const next = new pg.Client({ ...pool.options, application_name: FEED_APPLICATION_NAME });
    client = next;
    next.on('error', lost);
    next.on('end', () => {
      if (client === next) lost();
    });
    next.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) heard(message);
    });
    try {
      await next.connect();
      // Set again here: an application_name in DATABASE_URL would override the one given above.
      await next.query(`set application_name = '${FEED_APPLICATION_NAME}'`);
      await next.query(`listen ${CHANGE_CHANNEL}`);
      if (client !== next || closed) return;
      delay = 250;
      // Reports made before this connection listened will never be heard on it.
      own?.clear();
      // Whatever changed while nobody listened is forgotten now, and the feed is live again.
      listener.onChange();
      live = true;
    } catch {
      if (client === next) lost();
    }
  };
  await connect();
  return {
    get live() {
      return live;
    },
    async close() {
      closed = true;
      handle.notifications?.off('notification', onPooled);
      handle.notifications?.off('lost', deliver);
      if (retry) clearTimeout(retry);
      for (const wait of waiting) clearTimeout(wait);
      waiting.clear();
      live = false;
      const last = client;
      client = null;
      last?.removeAllListeners();
      last?.on('error', () => {});
      await last?.end().catch(() => {});
    },
  };
}

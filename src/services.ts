import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { DatabaseHandle, Db } from './db/client.js';
import type { KdfPool } from './crypto/kdf-pool.js';
import type { ServerKeys } from './crypto/server-key.js';
import type { Sodium } from './crypto/sodium.js';
import type { Mailer } from './mail/mailer.js';
import type { FiguresCache } from './domain/statistics/figures-cache.js';
import type { RecentForms } from './domain/learning/recent-forms.js';
import type { PublicCache } from './domain/public-cache/public-cache.js';

// Everything a command or route needs, injected as one object: no module reads global state.
export interface Services {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  sodium: Sodium;
  kdf: KdfPool;
  serverKeys: ServerKeys;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  /** Computed statistics per scope and year, kept while unchanged (bounded). */
  figuresCache: FiguresCache;
  /** The dilemma choice forms counted lately, so a double click counts once. */
  recentChoices: RecentForms;
  /** What the public pages show, kept until the database reports a change (src/db/change-feed.ts). */
  publicCache: PublicCache;
}

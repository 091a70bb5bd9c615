import type { Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { applyMigrations } from './db/migrate.js';
import { ensureDefaultRoutesEverywhere } from './domain/routes/ensure-default-routes.js';
import { createKdfPool } from './crypto/kdf-pool.js';
import { loadServerKeys } from './crypto/server-key.js';
import { loadSodium } from './crypto/sodium.js';
import { createLogger } from './logging.js';
import { createSmtpMailer, type Mailer } from './mail/mailer.js';
import { startSmtpSink } from './mail/smtp-sink.js';
import { mailFolderWriter } from './mail/mail-folder.js';
import { lockDataDir } from './db/data-dir-lock.js';
import { FiguresCache } from './domain/statistics/figures-cache.js';
import { RecentForms } from './domain/learning/recent-forms.js';
import type { Services } from './services.js';
import { PublicCache } from './domain/public-cache/public-cache.js';
import { listenForChanges } from './db/change-feed.js';

export interface Booted {
  services: Services;
  close(): Promise<void>;
}

/**
 * Builds every service from the configuration: database (migrated), crypto, mail, logging.
 * Tests pass their own database, mailer or clock; everything else is built the same way. The command
 * line passes ensureRoutes: false for a read-only command (this version's new routes wait for the next start).
 */
export async function boot(
  config: Config,
  overrides: { database?: DatabaseHandle; mailer?: Mailer; logger?: Logger; now?: () => Date; kdfThreads?: number; ensureRoutes?: boolean } = {},
): Promise<Booted> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const sodium = await loadSodium();
  // Only this process may open the embedded database's folder (see data-dir-lock.ts).
  const unlock = !overrides.database && !config.databaseUrl ? await lockDataDir(config.dataDir) : null;
  const database =
    overrides.database ??
    (await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }));
  await applyMigrations(database);
  if (overrides.ensureRoutes !== false) await ensureDefaultRoutesEverywhere(database.db);
  const serverKeys = await loadServerKeys(sodium, config);
  const kdf = createKdfPool({ threads: overrides.kdfThreads ?? config.kdfConcurrency });
  const publicCache = new PublicCache();
  const changes = await listenForChanges(database, { onChange: () => publicCache.forget() });
  publicCache.follow(() => changes.live);

  const closers: Array<() => Promise<void> | void> = [];
  let mailer = overrides.mailer;
  if (!mailer && config.smtpUrl) mailer = createSmtpMailer(config.smtpUrl, config.mailFrom);
  if (!mailer) {
    // No SMTP server configured: a local sink receives the mail and writes it to a file under the
    // data folder (mode 0600), so invitation links can be read during development; the log says
    // only that a mail was written, never to whom or what.
    const folder = mailFolderWriter(config.dataDir);
    const sink = await startSmtpSink((mail) => {
      folder.write(mail).then(
        () => logger.info({ folder: folder.folder }, 'mail written to the development mail folder'),
        () => logger.warn('the development mail sink could not write a mail'),
      );
    });
    mailer = createSmtpMailer(sink.url, config.mailFrom);
    closers.push(() => sink.close());
  }
  const services: Services = Object.freeze({
    config,
    database,
    db: database.db,
    sodium,
    kdf,
    serverKeys,
    mailer,
    logger,
    now: overrides.now ?? (() => new Date()),
    figuresCache: new FiguresCache(),
    recentChoices: new RecentForms(),
    publicCache,
  });
  return {
    services,
    async close() {
      mailer.close();
      for (const close of closers) await close();
      await kdf.close();
      await changes.close();
      if (!overrides.database) await database.close();
      await unlock?.();
    },
  };
}

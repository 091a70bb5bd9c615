import type { Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { applyMigrations } from './db/migrate.js';
import { ensureDefaultRoutes } from './domain/routes/ensure-default-routes.js';
import { createKdfPool } from './crypto/kdf-pool.js';
import { loadServerKeys } from './crypto/server-key.js';
import { loadSodium } from './crypto/sodium.js';
import { createLogger } from './logging.js';
import { createSmtpMailer, type Mailer } from './mail/mailer.js';
import { startSmtpSink } from './mail/smtp-sink.js';
import type { Services } from './services.js';

export interface Booted {
  services: Services;
  close(): Promise<void>;
}

/**
 * Builds every service from the configuration: database (migrated), crypto, mail, logging.
 * Tests pass their own database, mailer or clock; everything else is built the same way.
 */
export async function boot(
  config: Config,
  overrides: { database?: DatabaseHandle; mailer?: Mailer; logger?: Logger; now?: () => Date; kdfThreads?: number } = {},
): Promise<Booted> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const sodium = await loadSodium();
  const database =
    overrides.database ??
    (await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }));
  await applyMigrations(database);
  await ensureDefaultRoutes(database.db);
  const serverKeys = await loadServerKeys(sodium, config);
  const kdf = createKdfPool({ threads: overrides.kdfThreads });

  const closers: Array<() => Promise<void> | void> = [];
  let mailer = overrides.mailer;
  if (!mailer && config.smtpUrl) mailer = createSmtpMailer(config.smtpUrl, config.mailFrom);
  if (!mailer) {
    // No SMTP server configured: a local sink receives the mail and prints it, so invitation
    // links are visible during development. Mail never holds report content.
    const sink = await startSmtpSink((mail) => logger.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'mail (development sink)'));
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
  });
  return {
    services,
    async close() {
      mailer.close();
      for (const close of closers) await close();
      await kdf.close();
      if (!overrides.database) await database.close();
    },
  };
}

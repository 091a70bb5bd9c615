import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../../src/bootstrap.js';
import { parseConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logging.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { startSmtpSink, type SmtpSink } from '../../src/mail/smtp-sink.js';
import type { Services } from '../../src/services.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { createTestDatabase } from './database.js';

/** A clock the test moves forward, so TOTP steps, expiry and idle timeouts can be tested exactly. */
export class TestClock {
  constructor(public ms = Date.UTC(2026, 10, 22, 12, 0, 0)) {}
  now = () => new Date(this.ms);
  advance(ms: number) {
    this.ms += ms;
  }
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  clock: TestClock;
  mail: SmtpSink;
  logLines: string[];
  /** The installation's first organisation ('Testorganisatie'); '' when made without one. */
  organisationId: string;
  databaseUrl?: string;
  close(): Promise<void>;
}

/** The real app on a real database, a real SMTP sink, and a log that the test can read. */
export async function createTestApp(
  env: Record<string, string> = {},
  /** `developmentMail`: no mailer is handed in, so the app starts its own development sink, as without SMTP_URL. */
  options: { organisation?: boolean; pgliteDataDir?: string; developmentMail?: boolean; database?: Awaited<ReturnType<typeof createTestDatabase>> } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase({ pgliteDataDir: options.pgliteDataDir }));
  const mail = await startSmtpSink();
  const clock = new TestClock();
  const logLines: string[] = [];
  const config = parseConfig({
    DATA_DIR: await mkdtemp(join(tmpdir(), 'tegenspraak-test-')),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    BASE_URL: 'http://localhost',
    LOG_LEVEL: 'info',
    ...env,
  });
  const logger = createLogger(
    config.logLevel,
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const booted = await boot(config, { database: database.handle, ...(options.developmentMail ? {} : { mailer: createSmtpMailer(mail.url, config.mailFrom) }), logger, now: clock.now, kdfThreads: 2 });
  let organisationId = '';
  if (options.organisation !== false) {
    organisationId = (await unsafeCreateOrganisation(booted.services, { name: 'Testorganisatie', slug: 'testorganisatie', contactText: 'Secretariaat bereikbaar via de intranetpagina.' })).id;
  }
  return {
    app: createApp(booted.services),
    services: booted.services,
    clock,
    mail,
    logLines,
    organisationId,
    databaseUrl: database.url,
    async close() {
      await booted.close();
      await mail.close();
      await database.drop();
    },
  };
}

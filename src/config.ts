import { z } from 'zod';

// Every setting comes from the environment, is parsed once here and then frozen:
// nothing else in the code reads process.env.
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    SMTP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
    MAIL_FROM: z.string().min(3).default('Tegenspraak <noreply@localhost>'),
    SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
    KEY_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
    // At most 100 MB a file: five of them are what one unauthenticated request may bring.
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(25 * 1024 * 1024),
    // At most one "there is something new" mail to a reporter's address per case in this many minutes.
    REPORTER_NOTICE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
    // All report drafts kept for the browser's Back button together (sealed, see draft-store.ts): when
    // full, new drafts are carried in the form alone, so filling it locks nobody out.
    DRAFT_STORE_MAX_BYTES: z.coerce.number().int().min(0).max(4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
    // Argon2id derivations (log-ins, submissions) at once, each holding 64 MiB while it runs. One
    // native derivation is as fast as two did before (issue 17) and keeps the server under 256 MiB.
    KDF_CONCURRENCY: z.coerce.number().int().min(1).max(3).default(1),
    // Scheduled jobs (reminders, digest, purges); 0 turns them off in this instance.
    JOB_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    // Survey figures on fewer respondents than this are suppressed; never below 5.
    SURVEY_MIN_GROUP: z.coerce.number().int().min(5).max(1000).default(10),
    // With several organisations, the installation's own start page lists them ('shown'), or is the
    // first organisation's start page like any other plain address ('hidden').
    ORGANISATION_LIST: z.enum(['shown', 'hidden']).default('shown'),
  })
  .transform((env) => {
    const port = env.PORT;
    const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
    return Object.freeze({
      port,
      host: env.HOST,
      baseUrl,
      secureCookies: baseUrl.startsWith('https://'),
      dataDir: env.DATA_DIR,
      databaseUrl: env.DATABASE_URL,
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      sessionSecret: env.SESSION_SECRET,
      keyFile: env.KEY_FILE,
      logLevel: env.LOG_LEVEL,
      sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      reporterNoticeMinutes: env.REPORTER_NOTICE_MINUTES,
      draftStoreMaxBytes: env.DRAFT_STORE_MAX_BYTES,
      jobIntervalSeconds: env.JOB_INTERVAL_SECONDS,
      kdfConcurrency: env.KDF_CONCURRENCY,
      digestHour: env.DIGEST_HOUR,
      surveyMinGroup: env.SURVEY_MIN_GROUP,
      organisationList: env.ORGANISATION_LIST,
    });
  });

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  return result.data;
}

import { sql } from 'drizzle-orm';
import { boolean, customType, integer, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

// Binary columns hold ciphertext, salts and hashes; both drivers hand back a Uint8Array (pg a Buffer).
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  defaultLanguage: text('default_language').notNull().default('nl'),
  contactText: text('contact_text').notNull().default(''),
  timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: created(),
});

// Only a hash of each one-time token is stored: a database dump cannot be used to claim anything.
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: bytes('token_hash').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: created(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  status: text('status', { enum: ['invited', 'active', 'disabled'] }).notNull().default('invited'),
  // One Argon2id derivation per log-in: its first half is checked against the verifier hash,
  // its second half unseals the private key.
  kdfSalt: bytes('kdf_salt'),
  kdfOpsLimit: integer('kdf_ops_limit'),
  kdfMemLimit: integer('kdf_mem_limit'),
  passwordVerifier: bytes('password_verifier'),
  publicKey: bytes('public_key'),
  privateKeyByPassword: bytes('private_key_by_password'),
  privateKeyByRecovery: bytes('private_key_by_recovery'),
  // The TOTP secret must be readable by the server to check codes; it is sealed under the server key.
  totpSecretSealed: bytes('totp_secret_sealed'),
  totpLastStep: integer('totp_last_step').notNull().default(0),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: created(),
});

export const invitations = pgTable(
  'invitations',
  {
    tokenHash: bytes('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: created(),
  },
  (table) => [index('invitations_user_idx').on(table.userId)],
);

// A session row is found by a hash of the cookie token. The user's private key is kept here only
// encrypted under a second key derived from that same token, which lives in the cookie alone.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idHash: bytes('id_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    privateKeySealed: bytes('private_key_sealed'),
    createdAt: created(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

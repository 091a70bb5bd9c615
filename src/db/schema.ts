import { sql } from 'drizzle-orm';
import { boolean, customType, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseCoding } from '../domain/coding/codes.js';
import type { DilemmaContent } from '../domain/learning/dilemma-content.js';

// Binary columns hold ciphertext, salts and hashes; both drivers hand back a Uint8Array (pg a Buffer).
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** The organisation's own public address on a platform of many: /o/<slug>/… (set from the name; a random one when none is given). */
  slug: text('slug')
    .notNull()
    .unique()
    .default(sql`'org-' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 10)`),
  defaultLanguage: text('default_language').notNull().default('nl'),
  /** The languages its pages offer (the default among them); with one, no language switch is shown. */
  languages: text('languages').array().notNull().default(sql`'{nl,en}'::text[]`),
  contactText: text('contact_text').notNull().default(''),
  /** Who forms the commission and the ethics panel, in the organisation's words, for the start page. */
  commissionText: text('commission_text').notNull().default(''),
  panelText: text('panel_text').notNull().default(''),
  timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
  /** Months after closing before a case is purged: all content and keys destroyed, an anonymous count kept. */
  retentionMonths: integer('retention_months').notNull().default(24),
  isDemo: boolean('is_demo').notNull().default(false),
  /**
   * The commission's own settings (set by its chair, never by the administrator): when a joint
   * decision may be closed ('all': every admitted, non-recused member voted; 'majority': more
   * than half did), and how many days a reporter has to object before a granted identity request
   * releases their name.
   */
  decisionQuorum: text('decision_quorum', { enum: ['all', 'majority'] }).notNull().default('all'),
  identityWaitDays: integer('identity_wait_days').notNull().default(10),
  /**
   * Mixed into every receipt derivation of this organisation, so a receipt opens only here and
   * cannot be precomputed across organisations or installations. Two random UUIDs' worth of bits.
   */
  receiptSalt: bytes('receipt_salt')
    .notNull()
    .default(sql`decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')`),
  /** Audit entries up to this number were written before chains were per organisation (their hash does not name it). */
  auditLegacyUntil: integer('audit_legacy_until').notNull().default(0),
  /** Whether the installation's start page lists this organisation (its own pages work either way). */
  listed: boolean('listed').notNull().default(true),
  /** Number of people working there, for figures per 1,000 employees; null while unknown. */
  headcount: integer('headcount'),
  /** Its sector (the monitor's codes: central_government, municipality, …), for benchmarks beside organisations like it; null while not chosen. */
  sector: text('sector'),
  /** The organisation's own look: NL Design System tokens by name, colours checked for contrast when set. */
  theme: jsonb('theme').$type<Record<string, string>>().notNull().default({}),
  /** Which logo to show (0 or less: none); the number moves on with every new logo, so its address can be cached for good. */
  logoVersion: integer('logo_version').notNull().default(0),
  /** Its own host name (set by the platform operator): there, plain addresses are this organisation's and no other's. */
  hostName: text('host_name').unique(),
  /** How many people must have chosen before a dilemma's choices are shown (set by the ethics panel). */
  dilemmaMinCount: integer('dilemma_min_count').notNull().default(5),
  createdAt: created(),
});

/** Kept apart from the organisation row, which every request reads, so the image is loaded only when asked for. */
export const organisationLogos = pgTable('organisation_logos', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  type: text('type', { enum: ['image/png', 'image/jpeg'] }).notNull(),
  bytes: bytes('bytes').notNull(),
});

/** The nil UUID names the platform's own audit chain (organisations created, administrators invited). */
export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';

// Only a hash of each one-time token is stored: a database dump cannot be used to claim anything.
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: bytes('token_hash').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: created(),
});

export const users = pgTable(
  'users',
  {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The organisation the account works for; null only for the platform operator, who reads nothing. */
  organisationId: uuid('organisation_id').references(() => organisations.id),
  /** Unique within its organisation only: whether an address has an account elsewhere on the platform is no one's business here. */
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  status: text('status', { enum: ['invited', 'active', 'disabled'] }).notNull().default('invited'),
  /** Which side nominated a commission member; shown beside their vote on every decision. */
  nominatedBy: text('nominated_by', { enum: ['staff_representatives', 'employer', 'independent'] }),
  // One Argon2id derivation per log-in: its first half is checked against the verifier hash,
  // its second half unseals the private key.
  kdfSalt: bytes('kdf_salt'),
  kdfOpsLimit: integer('kdf_ops_limit'),
  kdfMemLimit: integer('kdf_mem_limit'),
  passwordVerifier: bytes('password_verifier'),
  publicKey: bytes('public_key'),
  /** Ed25519, derived from the sealed private key (so it is protected exactly like it); signs admissions. */
  signingPublicKey: bytes('signing_public_key'),
  privateKeyByPassword: bytes('private_key_by_password'),
  privateKeyByRecovery: bytes('private_key_by_recovery'),
  // The TOTP secret must be readable by the server to check codes; it is sealed under the server key.
  totpSecretSealed: bytes('totp_secret_sealed'),
  totpLastStep: integer('totp_last_step').notNull().default(0),
  createdAt: created(),
  },
  (table) => [
    uniqueIndex('users_organisation_email').on(table.organisationId, table.email),
    // The platform operators' accounts (of no organisation) are unique among themselves.
    uniqueIndex('users_operator_email').on(table.email).where(sql`organisation_id is null`),
  ],
);

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

// ---- Admission of readers ------------------------------------------------------------------------
// A case role gives no key until an admitted member of the body signs the account's keys. A row
// here is only as good as its signature: sealing verifies every row up to the body's founding
// statement, so a row (or a user, role or key) added by editing the database admits nobody.
export const bodyAdmissions = pgTable(
  'body_admissions',
  {
    id: uuid('id').primaryKey(),
    /** Whose body this is: every organisation has its own three, each founded and admitted on its own. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    body: text('body', { enum: ['commission', 'advisors', 'ethics_panel'] }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: text('roles').array().notNull(),
    boxPublicKey: bytes('box_public_key').notNull(),
    signingPublicKey: bytes('signing_public_key').notNull(),
    /** The day of admission (YYYY-MM-DD), part of what is signed. */
    admittedOn: text('admitted_on').notNull(),
    /** Null for the founding statement, which its first member signs for themselves. */
    admittedBy: uuid('admitted_by'),
    admitterSigningKey: bytes('admitter_signing_key').notNull(),
    /** The founding statement's text (appointment decision), only on the root. */
    statement: text('statement'),
    signature: bytes('signature').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by'),
    createdAt: created(),
  },
  (table) => [index('body_admissions_body_idx').on(table.organisationId, table.body), index('body_admissions_user_idx').on(table.userId)],
);

// Content-free notices on a staff member's home page (an admission, a role change, a text change).
export const staffNotices = pgTable(
  'staff_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, string>>().notNull(),
    createdAt: created(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('staff_notices_user_idx').on(table.userId, table.createdAt)],
);

// ---- Reporting -------------------------------------------------------------------------------

export const installation = pgTable('installation', {
  id: integer('id').primaryKey(),
  // Mixed into every receipt derivation, so receipts cannot be precomputed across installations.
  receiptSalt: bytes('receipt_salt').notNull(),
  createdAt: created(),
});

export type LocalisedText = { nl: string; en: string };

// A route is a channel with its own handlers (by role), identity custodians and questionnaire.
// Each organisation has its own routes. A route's reports are read by a body of the organisation
// named in body_organisation_id: its own, or, for a shared commission, another organisation's.
export const routes = pgTable(
  'routes',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    bodyOrganisationId: uuid('body_organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    description: jsonb('description').$type<LocalisedText>().notNull(),
    handlerRoles: text('handler_roles').array().notNull(),
    custodianRoles: text('custodian_roles').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.code] })],
);

export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    routeCode: text('route_code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: created(),
  },
  (table) => [
    uniqueIndex('questionnaires_route_version').on(table.organisationId, table.routeCode, table.version),
    foreignKey({ columns: [table.organisationId, table.routeCode], foreignColumns: [routes.organisationId, routes.code] }),
  ],
);

// Only metadata is readable here: route, status, dates. Everything the reporter wrote lives in
// case_entries, encrypted.
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation the report concerns (where it was made). */
    organisationId: uuid('organisation_id').notNull(),
    /**
     * The organisation whose body received the report and handles it: the case's own, or the one
     * whose commission its route was shared with at the time. Fixed at submission, so a later
     * change of who serves the route does not move cases whose keys were sealed to others.
     */
    handledBy: uuid('handled_by').notNull(),
    /** The case number people use (IC-2026-0042): per handling organisation, route and local year, without gaps. */
    number: text('number').notNull(),
    /** An extension put the feedback date beyond three months after the acknowledgement (the legal term); kept for the figures. */
    beyondLegalTerm: boolean('beyond_legal_term').notNull().default(false),
    /** The handler who leads the case (chosen by the secretary or the chair); null until someone is chosen. */
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    routeCode: text('route_code').notNull(),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    anonymity: text('anonymity', { enum: ['anonymous', 'confidential', 'open'] }).notNull(),
    status: text('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** A local date (YYYY-MM-DD) when the feedback deadline was extended, with a reason told to the reporter. */
    feedbackExtendedTo: text('feedback_extended_to'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set at assessment and at the decision; kept, with the dates, in the anonymous statistics after a purge. */
    kind: text('kind'),
    outcome: text('outcome'),
    /** The commission's priority from the assessment (low, normal, high): metadata for the inbox. */
    priority: text('priority'),
    /** The next legal deadline as a local date (acknowledge, then feedback), null when none runs: the inbox sorts and filters on it. */
    dueOn: date('due_on', { mode: 'string' }),
    receiptLookup: bytes('receipt_lookup').notNull(),
    publicKey: bytes('public_key').notNull(),
    // A second key pair for internal notes, sealed to handlers only: the receipt never opens it.
    internalPublicKey: bytes('internal_public_key'),
    privateKeyByReceipt: bytes('private_key_by_receipt').notNull(),
    // Optional address for content-free "there is a new message" mails, sealed under the server
    // key because the server must be able to send to it; the reporter is warned what it reveals.
    notifyEmailSealed: bytes('notify_email_sealed'),
    reporterLanguage: text('reporter_language').notNull().default('nl'),
    /** 'operator' when the secretariat entered an oral report on the reporter's behalf. */
    enteredBy: text('entered_by', { enum: ['reporter', 'operator'] }).notNull().default('reporter'),
    lastReporterActivityAt: timestamp('last_reporter_activity_at', { withTimezone: true }),
    /** When the last content-free notice went to the reporter's address: at most one per REPORTER_NOTICE_MINUTES. */
    reporterNotifiedAt: timestamp('reporter_notified_at', { withTimezone: true }),
    lastHandlerActivityAt: timestamp('last_handler_activity_at', { withTimezone: true }),
    /** When the feedback was given (the legal term's end point), for handling times in the figures. */
    feedbackGivenAt: timestamp('feedback_given_at', { withTimezone: true }),
    /** Passed on with the reporter's consent by a confidential advisor ('advisor') or the ethics panel ('panel'); null: the form, or orally (enteredBy). */
    intakeChannel: text('intake_channel'),
    /** The reporter opened the case again with their receipt after sending it (counted, for anonymous reporters, in the figures). */
    reporterReturned: boolean('reporter_returned').notNull().default(false),
    /**
     * The commission's coding of the case (codes only, never text; not sealed, and the form says so):
     * see src/domain/coding/codes.ts. Copied into case_statistics at the purge.
     */
    coding: jsonb('coding').$type<CaseCoding>(),
  },
  (table) => [
    uniqueIndex('cases_receipt_lookup').on(table.organisationId, table.receiptLookup),
    uniqueIndex('cases_number').on(table.handledBy, table.routeCode, table.number),
    // The inbox's order within the reader's organisation, to the last tie-breaker (with or without a
    // route filter): no sort, and no other organisation's rows read however many the platform holds.
    index('cases_handled_by_idx').on(table.handledBy, table.receivedAt, table.id),
    index('cases_handled_by_route_idx').on(table.handledBy, table.routeCode, table.receivedAt, table.id),
    index('cases_handled_by_due_idx').on(table.handledBy, table.dueOn, table.id),
    foreignKey({ columns: [table.organisationId, table.routeCode], foreignColumns: [routes.organisationId, routes.code] }),
  ],
);

/**
 * The last case number given per handling organisation, route and year. Taken and raised in the
 * submitting transaction (one row lock), so numbers have no gaps and no duplicates, and a rolled-back
 * submission gives its number back.
 */
export const caseNumbers = pgTable(
  'case_numbers',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    routeCode: text('route_code').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.routeCode, table.year] })],
);

/**
 * The secretariat's standard letters (acknowledgement, inadmissible, extension, feedback, closing)
 * per language, when changed from the catalogue's text. Standard texts, never case content.
 */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.kind, table.language] })],
);

export const caseKeys = pgTable(
  'case_keys',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sealedPrivateKey: bytes('sealed_private_key').notNull(),
    sealedInternalKey: bytes('sealed_internal_key'),
    grantedAt: created(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.userId] }), index('case_keys_user_idx').on(table.userId)],
);

export const caseEntries = pgTable(
  'case_entries',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    // 'note' entries are internal to the handlers and never shown to the reporter.
    kind: text('kind', { enum: ['answers', 'message', 'attachment', 'note'] }).notNull(),
    author: text('author', { enum: ['reporter', 'handler'] }).notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    sealedKey: bytes('sealed_key').notNull(),
    ciphertext: bytes('ciphertext').notNull(),
    createdAt: created(),
  },
  (table) => [index('case_entries_case_idx').on(table.caseId, table.createdAt)],
);

// The reporter's identity, sealed to each identity custodian separately from the case key.
export const caseIdentities = pgTable(
  'case_identities',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    custodianUserId: uuid('custodian_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sealedIdentity: bytes('sealed_identity').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.custodianUserId] })],
);

export const reporterSessions = pgTable('reporter_sessions', {
  idHash: bytes('id_hash').primaryKey(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' }),
  privateKeySealed: bytes('private_key_sealed').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

// A sent report form, by a hash of the random nonce its draft carried: a resent "send" (reload,
// double click, Back and send again) stores nothing new and shows the same receipt again. The
// receipt is kept only sealed under a key derived from that nonce, which exists in the
// reporter's own form and nowhere else, and only for as long as a draft lives.
export const reportSubmissions = pgTable('report_submissions', {
  nonceHash: bytes('nonce_hash').primaryKey(),
  sealedReceipt: bytes('sealed_receipt').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

// Report drafts kept so that the browser's Back and Forward buttons can show every step again
// (see src/domain/reports/kept-draft.ts). A row is found only by a keyed hash of the browser's
// pre-session cookie and the route, and its content is sealed under a key derived from that
// cookie: without the browser's cookie, a database dump or the server key opens nothing.
export const reportDrafts = pgTable('report_drafts', {
  idHash: bytes('id_hash').primaryKey(),
  sealed: bytes('sealed').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

// Failed log-ins (and recoveries) for every address, with or without an account, keyed by a
// keyed hash of the address (never the address): one counter for both, so the answer does not
// tell who works here.
export const loginAttempts = pgTable('login_attempts', {
  keyHash: bytes('key_hash').primaryKey(),
  failed: integer('failed').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
});

// Receipt guessing budgets: per first group of digits and one global bucket ('*'). No address.
export const receiptAttempts = pgTable('receipt_attempts', {
  bucket: text('bucket').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull().default(0),
});

// File contents, encrypted as a stream; name, type and key live in the sealed 'attachment' entry.
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    header: bytes('header').notNull(),
    ciphertext: bytes('ciphertext').notNull(),
    createdAt: created(),
  },
  (table) => [index('attachments_case_idx').on(table.caseId)],
);

// ---- Case handling ---------------------------------------------------------------------------

// Append-only and chained: each entry carries a keyed hash over its own fields and the previous
// entry's hash, so an edited, removed or inserted row breaks the chain at that row. No content:
// who did what to which case, and when. No foreign keys, so purges and account removal keep it.
export const auditLog = pgTable(
  'audit_log',
  {
  /** Whose chain: an organisation's id, or PLATFORM_CHAIN for the platform's own. */
  organisationId: uuid('organisation_id').notNull(),
  seq: integer('seq').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorKind: text('actor_kind', { enum: ['staff', 'reporter', 'system'] }).notNull(),
  actorUserId: uuid('actor_user_id'),
  action: text('action').notNull(),
  caseId: uuid('case_id'),
  detail: jsonb('detail').$type<Record<string, string | number | boolean>>().notNull(),
  prevHash: bytes('prev_hash').notNull(),
  hash: bytes('hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.seq] }), index('audit_log_action_idx').on(table.organisationId, table.action)],
);

// Before first opening a case a handler declares no personal relation, or steps aside.
export const caseDeclarations = pgTable(
  'case_declarations',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: ['no_relation', 'recused'] }).notNull(),
    at: created(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.userId] })],
);

// ---- Jobs and retention ----------------------------------------------------------------------

// One row per piece of scheduled work ("reminder for this deadline of this case", "digest of this
// day"). Claiming is an insert or a takeover of an expired lease in one statement, so with several
// app instances exactly one does the work; a crashed instance's claim is retried after the lease.
export const jobRuns = pgTable('job_runs', {
  key: text('key').primaryKey(),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
  leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

// What survives a purge: no case id, no content, no key; dates only to the day.
export const caseStatistics = pgTable('case_statistics', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  /** The organisation whose body handled the case (another one's, for a shared commission), so figures split the same way before and after the purge. */
  handledBy: uuid('handled_by').references(() => organisations.id),
  routeCode: text('route_code').notNull(),
  kind: text('kind'),
  outcome: text('outcome'),
  receivedOn: text('received_on').notNull(),
  acknowledgedOn: text('acknowledged_on'),
  closedOn: text('closed_on'),
  purgedOn: text('purged_on').notNull(),
  beyondLegalTerm: boolean('beyond_legal_term').notNull().default(false),
  anonymity: text('anonymity'),
  feedbackOn: text('feedback_on'),
  /** The feedback deadline was extended (with or without passing the legal term). */
  extended: boolean('extended').notNull().default(false),
  reporterReturned: boolean('reporter_returned').notNull().default(false),
  coding: jsonb('coding').$type<CaseCoding>(),
  /** What the case's interventions and recommendations were, without any text: [{ kind, done }], [status]. */
  interventions: jsonb('interventions').$type<Array<{ kind: string; done: boolean }>>(),
  recommendations: jsonb('recommendations').$type<string[]>(),
});

// The commission's own words in its annual report, per year and block; the figures beside them
// are computed, never stored.
export const annualReportTexts = pgTable(
  'annual_report_texts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    block: text('block').notNull(),
    text: text('text').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.year, table.block] })],
);

// ---- Interventions, joint decisions, identity requests, minutes -------------------------------
// Each table holds only what the commission needs to find and count; every text (who, what,
// result, the draft, a dissent, a reason, the minutes) is a sealed case entry that these rows
// point to by id.

export const caseInterventions = pgTable(
  'case_interventions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    resultRecordedAt: timestamp('result_recorded_at', { withTimezone: true }),
    /** Local dates: when it is planned, and when it was done (given with the result). */
    plannedOn: date('planned_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (table) => [index('case_interventions_case_idx').on(table.caseId)],
);

export const caseDecisions = pgTable(
  'case_decisions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'superseded', 'closed'] }).notNull(),
    outcome: text('outcome').notNull(),
    draftedBy: uuid('drafted_by').references(() => users.id, { onDelete: 'set null' }),
    draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull(),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [index('case_decisions_case_idx').on(table.caseId)],
);

export const decisionVotes = pgTable(
  'decision_votes',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => caseDecisions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: text('position', { enum: ['agree', 'dissent'] }).notNull(),
    /** The member's nominating side at the moment of voting. */
    nominatedBy: text('nominated_by'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.decisionId, table.userId] })],
);

// Recorded apart from the decision so that a later issue can follow each one up.
export const caseRecommendations = pgTable(
  'case_recommendations',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    decisionId: uuid('decision_id').references(() => caseDecisions.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['open', 'followed', 'not_followed'] }).notNull().default('open'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('case_recommendations_case_idx').on(table.caseId)],
);

export const identityRequests = pgTable(
  'identity_requests',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /**
     * pending (custodian to decide) -> refused | awaiting_reporter (granted; the reporter is asked)
     * -> released (consent, no objection within the waiting period, or a legal duty) | objected.
     * 'granted' is the pre-consent status of earlier versions and means released; 'withdrawn': the
     * requester lost access to the case (stepped aside, removed, reassigned) before a release.
     */
    status: text('status', { enum: ['pending', 'granted', 'refused', 'awaiting_reporter', 'released', 'objected', 'withdrawn'] }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The identity sealed to the requester at the grant, moved to case_identities only on release. */
    pendingSealedIdentity: bytes('pending_sealed_identity'),
    /** Without an objection the name is released after this moment. */
    releaseAfter: timestamp('release_after', { withTimezone: true }),
    legalDuty: boolean('legal_duty').notNull().default(false),
    reporterAnswer: text('reporter_answer', { enum: ['consent', 'object'] }),
    reporterAnsweredAt: timestamp('reporter_answered_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (table) => [index('identity_requests_case_idx').on(table.caseId)],
);

// Minutes of a meeting with the reporter: a sealed message they read, and their answer.
export const caseMinutes = pgTable(
  'case_minutes',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['awaiting', 'confirmed', 'corrected'] }).notNull().default('awaiting'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [index('case_minutes_case_idx').on(table.caseId)],
);

// ---- The front door: transfers with consent, advisor registrations ---------------------------

// A proposal by the ethics panel or a confidential advisor to bring a matter to the commission.
// It happens only if the person agrees; the new commission case is anonymous and is not linked
// to this one, so neither the name nor the earlier conversation reaches the commission.
export const caseTransfers = pgTable(
  'case_transfers',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['proposed', 'accepted', 'declined'] }).notNull().default('proposed'),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [index('case_transfers_case_idx').on(table.caseId)],
);

// The confidential advisors' anonymous registration for the yearly figures: no case, no person,
// the month only.
export const advisorRegistrations = pgTable('advisor_registrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  month: text('month').notNull(),
  topic: text('topic').notNull(),
  kind: text('kind').notNull(),
  outcome: text('outcome').notNull(),
});

// ---- Integrity monitor -----------------------------------------------------------------------
// Survey data never meets case data: these tables share nothing with the case tables.

// Survey units and waves belong to the organisation whose analyst made them: another
// organisation's analyst neither sees nor touches them.
export const surveyOrganisations = pgTable(
  'survey_organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    /**
     * The platform organisation this unit is, when it is one: the owner itself (its monitor results
     * and its case figures then sit side by side), or, later, another organisation on the platform.
     * Null for a part of the organisation (a department) or an outside unit.
     */
    organisationId: uuid('organisation_id').references(() => organisations.id),
  },
  (table) => [
    uniqueIndex('survey_organisations_owner_name').on(table.ownerId, table.name),
    uniqueIndex('survey_organisations_owner_organisation').on(table.ownerId, table.organisationId),
  ],
);

export const surveyWaves = pgTable('survey_waves', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  /** The questions in order; answers are stored in this order. */
  questions: jsonb('questions').notNull(),
  /** Hash of the open link's token, for a public panel; null when the wave is by invitation only. */
  openLinkHash: bytes('open_link_hash'),
  createdAt: created(),
});

export const surveyWaveOrganisations = pgTable(
  'survey_wave_organisations',
  {
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => surveyOrganisations.id),
    /** How many invitation codes were issued: the denominator of the response rate. */
    invited: integer('invited').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.waveId, table.organisationId] })],
);

// A code lets one person answer once. Only a hash is kept, and the row is deleted when the code
// is used: nothing is left that a response could be matched against.
// No index beside the primary key: codes are only ever looked up by hash, and 121,000 of them
// are inserted at once.
export const surveyInvitations = pgTable('survey_invitations', {
  codeHash: bytes('code_hash').primaryKey(),
  waveId: uuid('wave_id')
    .notNull()
    .references(() => surveyWaves.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => surveyOrganisations.id),
});

// Deliberately without a time, a sequence number or any reference to the code: a random id, the
// organisation, and the answers in the wave's question order (null where not answered).
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => surveyOrganisations.id),
    answers: integer('answers').array().notNull(),
  },
  (table) => [index('survey_responses_wave_idx').on(table.waveId)],
);

// ---- Learning: the dilemma library, team sessions, moral deliberation --------------------------
// Nothing here names a participant or a player: choices are counts per option, a participant is a
// hash of a random token and the last round it voted in. Team notes and conclusions are sealed to
// the facilitator's own key; submitted dilemmas are sealed to the ethics panel like a question.

export const dilemmas = pgTable(
  'dilemmas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The seed library's key, so seeding again adds nothing; null for the panel's own. */
    seedKey: text('seed_key'),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] }).notNull().default('draft'),
    source: text('source', { enum: ['seed', 'panel', 'submission', 'deliberation'] }).notNull(),
    content: jsonb('content').$type<DilemmaContent>().notNull(),
    /** How often each option was chosen by people playing alone: counts in option order, nothing else. */
    choices: integer('choices').array().notNull(),
    /**
     * What the pages show of those counts: taken from them only once at least the organisation's
     * minimum of new choices came in since the last time, so nobody can watch one colleague's
     * choice arrive.
     */
    shownChoices: integer('shown_choices').array().notNull().default(sql`'{}'::int[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: created(),
  },
  (table) => [uniqueIndex('dilemmas_seed_key').on(table.organisationId, table.seedKey)],
);

// A dilemma an employee submitted, or a deliberation proposed as a precedent. Only the date is
// kept beside it; the text is a sealed copy per admitted reader of the ethics panel, destroyed once
// the panel has rewritten or declined it.
export const dilemmaProposals = pgTable('dilemma_proposals', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  source: text('source', { enum: ['employee', 'deliberation'] }).notNull(),
  status: text('status', { enum: ['new', 'rewritten', 'declined'] }).notNull().default('new'),
  receivedOn: date('received_on').notNull(),
  /** The draft the panel wrote from it. */
  dilemmaId: uuid('dilemma_id').references(() => dilemmas.id),
});

export const dilemmaProposalCopies = pgTable(
  'dilemma_proposal_copies',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => dilemmaProposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sealed: bytes('sealed').notNull(),
  },
  (table) => [primaryKey({ columns: [table.proposalId, table.userId] })],
);

// A dilemma session a facilitator leads. Only a hash of the join code is kept, and only while the
// session runs.
export const teamSessions = pgTable('team_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  facilitatorId: uuid('facilitator_id')
    .notNull()
    .references(() => users.id),
  title: text('title').notNull(),
  codeHash: bytes('code_hash').unique(),
  /** The code itself sealed to the facilitator's key, so their screen can show it again after a reload. */
  codeSealed: bytes('code_sealed'),
  /** The round being played (0-based) and where it stands. */
  position: integer('position').notNull().default(0),
  state: text('state', { enum: ['waiting', 'voting', 'discussing', 'ended'] }).notNull().default('waiting'),
  /** Whether the facilitator kept the outcome after the end. */
  kept: boolean('kept').notNull().default(false),
  /** The team's own conclusions per round, sealed to the facilitator's key; null until written. */
  conclusionsSealed: bytes('conclusions_sealed'),
  createdAt: created(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
});

export const teamRounds = pgTable(
  'team_rounds',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => teamSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The dilemma as it was played, so a kept outcome reads the same after the library changes. */
    dilemma: jsonb('dilemma').$type<DilemmaContent>().notNull(),
    counts: integer('counts').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.position] })],
);

export const teamParticipants = pgTable('team_participants', {
  tokenHash: bytes('token_hash').primaryKey(),
  sessionId: uuid('session_id')
    .notNull()
    .references(() => teamSessions.id, { onDelete: 'cascade' }),
  /** The last round this participant voted in (-1: none yet): one vote per round, never which. */
  votedPosition: integer('voted_position').notNull().default(-1),
});

// A moral deliberation: the method's steps, led by the facilitator, with notes per step sealed to the facilitator's key.
export const deliberations = pgTable('deliberations', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  facilitatorId: uuid('facilitator_id')
    .notNull()
    .references(() => users.id),
  title: text('title').notNull(),
  method: text('method').notNull(),
  step: integer('step').notNull().default(0),
  notesSealed: bytes('notes_sealed'),
  saved: boolean('saved').notNull().default(false),
  proposedAt: timestamp('proposed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  createdAt: created(),
});

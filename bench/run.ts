import { sql } from 'drizzle-orm';
// `npm run bench`: measures on this machine, in one run, what the product promises about speed,
// next to the unavoidable cost it is built on, and prints one table (also written as JSON).
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { randomBytes } from 'node:crypto';
import { boot } from '../src/bootstrap.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { unsafeCreateOrganisation } from '../src/domain/organisation/create-organisation.js';
import { users } from '../src/db/schema.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logging.js';
import type { Mailer } from '../src/mail/mailer.js';
import { BENCH_PASSWORD, createBenchStaff } from './staff.js';
import { seedListOnlyCases } from '../test/support/seed-cases.js';
import { yearStatistics } from '../src/domain/statistics/year-statistics.js';
import { FiguresCache } from '../src/domain/statistics/figures-cache.js';
import { logIn } from '../src/domain/accounts/log-in.js';
import { totpCode, totpStep } from '../src/crypto/totp.js';
import { percentile, timeEach, withConcurrency } from './measure.js';
import { refreshStatistics } from '../src/jobs/refresh-statistics.js';
import { benchSurveys } from './surveys.js';
import { benchPublicPages, loadGenerator, publicPageRows, type PublicPagesResult } from './public-pages.js';
import pg from 'pg';
import { benchStaffLogIn, logInRows } from './login.js';
import { benchDossierPdf } from './dossier-pdf.js';
import { benchTeamSession, teamSessionRow } from './team-session.js';
import { benchStartAndCli, startAndCliRows } from './start-and-cli.js';
import { benchPgliteMemory, pgliteMemoryRow } from './pglite-memory.js';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 40);
const LOGINS = Number(process.env.BENCH_LOGINS ?? 20);
// Staff log-ins per kind of address; CI's reduced run sets BENCH_LOGINS, which this follows.
const STAFF_LOGINS = Number(process.env.BENCH_STAFF_LOGINS ?? LOGINS);
const DERIVATIONS = Number(process.env.BENCH_DERIVATIONS ?? 20);
const INBOX_CASES = Number(process.env.BENCH_INBOX_CASES ?? 100_000);
const INBOX_REQUESTS = Number(process.env.BENCH_INBOX_REQUESTS ?? 60);
const SURVEY_RESPONDENTS = Number(process.env.BENCH_SURVEY_RESPONDENTS ?? 121_000);
const SURVEY_CODES = Number(process.env.BENCH_SURVEY_CODES ?? 121_000);
// Issue 17: the public pages from outside, per round and target this many seconds of load.
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 5);
const PAGE_ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 3);
const PAGE_SUBMISSIONS = Number(process.env.BENCH_PAGE_SUBMISSIONS ?? 60);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Issue 13: the platform with this many organisations of this many cases each.
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 20);
const ORGANISATION_CASES = Number(process.env.BENCH_ORGANISATION_CASES ?? 5000);
// Messages (and as many timeline and audit entries) in the long case whose file is made as a PDF.
const DOSSIER_ENTRIES = Number(process.env.BENCH_DOSSIER_ENTRIES ?? 500);
// Issue 16: team dilemma sessions of 40 participants timed (after one warm-up).
const TEAM_SESSIONS = Number(process.env.BENCH_TEAM_SESSIONS ?? 10);

const nullMailer: Mailer = { send: async () => {}, close: () => {} };

const stage = (name: string) => process.stderr.write(`bench: ${name}\n`);

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  stage('public pages and memory, embedded database');
  // 0. The public pages against a bare framework, and the server's memory, each in its own process.
  const pageRuns: PublicPagesResult[] = [await benchPublicPages({ database: 'pglite', seconds: PAGE_SECONDS, rounds: PAGE_ROUNDS, submissions: PAGE_SUBMISSIONS })];
  stage('public pages and memory, PostgreSQL');
  const postgres = await postgresReachable();
  if (postgres) pageRuns.push(await benchPublicPages({ database: 'postgres', postgresUrl: POSTGRES_URL, seconds: PAGE_SECONDS, rounds: PAGE_ROUNDS, submissions: PAGE_SUBMISSIONS }));
  stage('npm start and the command line');
  const startAndCli = await benchStartAndCli();
  const pgliteMemory = await benchPgliteMemory();

  const config = parseConfig({ SESSION_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', DATA_DIR: '.tmp/bench' });
  const database = await openDatabase({ kind: 'pglite' });
  const { services, close } = await boot(config, { database, mailer: nullMailer, logger: createLogger('silent') });
  const benchOrganisation = await unsafeCreateOrganisation(services, { name: 'Benchmark' });
  const [secretary] = await createBenchStaff(services, ['secretary', 'chair', 'ethics_panel_member']);
  const [analyst] = await createBenchStaff(services, ['analyst'], 'figures-');
  const app = createApp(services);
  const concurrency = availableParallelism();

  stage('argon2id');
  // 1. Argon2id alone, the floor under every submission and receipt log-in.
  const salt = randomBytes(16);
  const single = await timeEach(DERIVATIONS, () => services.kdf.derive({ secret: '01234567890123456789', salt, outputLength: 64 }));
  const parallelStart = performance.now();
  await withConcurrency(DERIVATIONS, concurrency, () => services.kdf.derive({ secret: '01234567890123456789', salt, outputLength: 64 }));
  const derivationsPerSecond = DERIVATIONS / ((performance.now() - parallelStart) / 1000);

  stage('submissions');
  // 2. Report submissions through the real HTTP stack and database.
  const receipts: string[] = [];
  const submitStart = performance.now();
  await withConcurrency(SUBMISSIONS, concurrency, async (i) => {
    const response = await app.request('http://localhost/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'commission', anonymity: 'anonymous', answers: { KIND: 'improper_pressure', WHAT: `Benchmark report ${i} `.repeat(40), WANT: ['advice'] } }),
    });
    if (response.status !== 201) throw new Error(`submission failed: ${response.status} ${await response.text()}`);
    receipts.push(((await response.json()) as { receipt: string }).receipt);
  });
  const submissionsPerSecond = SUBMISSIONS / ((performance.now() - submitStart) / 1000);

  stage('receipt log-ins');
  // 3. Receipt log-in latency, one at a time (what a returning reporter waits for).
  const logins = await timeEach(LOGINS, async (i) => {
    const response = await app.request('http://localhost/api/v1/reporter/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt: receipts[i % receipts.length] }),
    });
    if (response.status !== 200) throw new Error(`receipt log-in failed: ${response.status}`);
  });

  stage('staff log-ins');
  // 3b. Staff log-in with a wrong password, an unknown address, a deactivated account: alike.
  const staffLogIns = await benchStaffLogIn(services, app, STAFF_LOGINS);

  stage('inbox');
  // 4. The staff inbox with 100,000 cases this handler holds a key for: one page, filtered or not.
  await seedListOnlyCases(services.db, { organisationId: benchOrganisation.id, handlerId: secretary!.userId, count: INBOX_CASES, start: new Date(Date.UTC(2020, 0, 1)), routes: ['commission', 'ethics'], statuses: ['received', 'acknowledged', 'in_handling'] });
  // The assessment's metadata on the assessed ones, spread as in a real inbox: a third each priority, a fifth open, a tenth confidential.
  await services.db.execute(sql`update cases set priority = (array['low','normal','high'])[1 + (abs(hashtext(id::text)) % 3)], kind = (array['improper_pressure','integrity_violation','manager_conduct','other'])[1 + (abs(hashtext(id::text)) % 4)] where status <> 'received'`);
  // The commission's coding on the assessed ones, so the statistics count every dimension.
  await services.db.execute(sql`update cases set coding = jsonb_build_object('kind', kind, 'category', (array['misuse_of_powers','fraud_theft','undesirable_conduct','not_a_violation'])[1 + (abs(hashtext(id::text || 'c')) % 4)], 'sources', jsonb_build_array((array['director','direct_manager','colleague'])[1 + (abs(hashtext(id::text || 's')) % 3)]), 'means', '[]'::jsonb, 'aims', jsonb_build_array('adjust_report'), 'effectsPersonal', '[]'::jsonb, 'effectsPublic', '[]'::jsonb, 'themes', '[]'::jsonb, 'channel', 'form', 'outcome', '', 'measures', '[]'::jsonb, 'termsMet', 'yes', 'stage', 'assessment') where status <> 'received'`);
  await services.db.execute(sql`update cases set anonymity = case when abs(hashtext(id::text || 'a')) % 10 < 2 then 'open' when abs(hashtext(id::text || 'a')) % 10 = 2 then 'confidential' else 'anonymous' end`);
  // What the scheduler does within the hour on the embedded database (no autovacuum there).
  await refreshStatistics(services);
  // The next time step: enrolment may have used the current one moments ago.
  const totp = totpCode(secretary!.totpSecret, totpStep(Date.now()) + 1);
  const { sessionToken } = await logIn(services, benchOrganisation.id, { email: secretary!.email, password: BENCH_PASSWORD, totpCode: totp });
  const inboxPaths = [
    '/staff/cases',
    '/staff/cases?status=received',
    '/staff/cases?route=ethics&sort=oldest',
    '/staff/cases?page=20',
    '/staff/cases?overdue=1',
    '/staff/cases?sort=deadline',
    '/staff/cases?deadline=passed&sort=deadline',
    '/staff/cases?priority=high&anonymity=confidential',
    '/staff/cases?kind=manager_conduct&from=2021-01-01&to=2021-12-31',
    '/staff/cases?search=directeur',
  ];
  const inbox = await timeEach(INBOX_REQUESTS, async (i) => {
    const response = await app.request(`http://localhost${inboxPaths[i % inboxPaths.length]}`, { headers: { cookie: `tegenspraak-session=${sessionToken}` } });
    if (response.status !== 200) throw new Error(`inbox failed: ${response.status}`);
    await response.text();
  });

  // 4a. The figures page over the same cases: the commission's counts per year, route and organisation.
  const figures = await timeEach(INBOX_REQUESTS, async (i) => {
    const response = await app.request(`http://localhost/staff/figures${i % 2 ? '?year=2021' : ''}`, { headers: { cookie: `tegenspraak-session=${sessionToken}` } });
    if (response.status !== 200) throw new Error(`figures failed: ${response.status}`);
    await response.text();
  });

  // 4b. The statistics beyond the commission: the analyst's suppressed view (every dimension, the
  // disclosure audit) and the annual report made of the same figures.
  const analystTotp = totpCode(analyst!.totpSecret, totpStep(Date.now()) + 1);
  const analystSession = (await logIn(services, benchOrganisation.id, { email: analyst!.email, password: BENCH_PASSWORD, totpCode: analystTotp })).sessionToken;
  const statisticsPaths = ['/staff/figures?year=2021', '/staff/annual-report?year=2021', '/staff/figures?year=2022'];
  const statistics = await timeEach(INBOX_REQUESTS, async (i) => {
    const response = await app.request(`http://localhost${statisticsPaths[i % statisticsPaths.length]}`, { headers: { cookie: `tegenspraak-session=${analystSession}` } });
    if (response.status !== 200) throw new Error(`statistics failed: ${response.status}`);
    await response.text();
  });

  // The same, computed afresh (the first view after a change of the organisation's cases): no kept figures.
  const uncached = await timeEach(6, async (i) => {
    await yearStatistics({ ...services, figuresCache: new FiguresCache() }, { kind: i % 2 ? 'organisation' : 'commission', organisationId: benchOrganisation.id }, 2021, 'Europe/Amsterdam', null);
  });

  stage('platform');
  // 4b. The same handler's inbox and the public start page with 19 more organisations of their own
  // cases beside it: one organisation's pages must not slow down with the others' data.
  for (let i = 2; i <= ORGANISATIONS; i++) {
    const other = await unsafeCreateOrganisation(services, { name: `Benchmark ${i}` });
    const [handler] = await services.db.insert(users).values({ organisationId: other.id, email: `handler-${i}@bench.example`, displayName: `Handler ${i}`, roles: ['secretary'], status: 'active' }).returning({ id: users.id });
    await seedListOnlyCases(services.db, { organisationId: other.id, handlerId: handler!.id, count: ORGANISATION_CASES, start: new Date(Date.UTC(2021, 0, 1)), routes: ['commission'], statuses: ['received', 'in_handling'] });
  }
  await refreshStatistics(services, true);
  const platformInbox = await timeEach(INBOX_REQUESTS, async (i) => {
    const response = await app.request(`http://localhost${inboxPaths[i % inboxPaths.length]}`, { headers: { cookie: `tegenspraak-session=${sessionToken}` } });
    if (response.status !== 200) throw new Error(`inbox failed: ${response.status}`);
    await response.text();
  });
  const platformPage = await timeEach(INBOX_REQUESTS, async () => {
    const response = await app.request(`http://localhost/o/benchmark-${ORGANISATIONS}/`);
    if (response.status !== 200) throw new Error(`start page failed: ${response.status}`);
    await response.text();
  });

  stage('team session');
  // 4c. A team dilemma session: 40 participants over real HTTP join at once, then vote at once.
  const team = await benchTeamSession(services, app, TEAM_SESSIONS);

  stage('surveys');
  // 5. The integrity monitor: invitation codes, and a wave's results against a plain GROUP BY.
  const survey = await benchSurveys(services, SURVEY_RESPONDENTS, SURVEY_CODES);
  const dossier = await benchDossierPdf(DOSSIER_ENTRIES);

  const derivationP50 = percentile(single, 50);
  const rows = [
    ...pageRuns.flatMap(publicPageRows),
    pgliteMemoryRow(pgliteMemory),
    ...startAndCliRows(startAndCli),
    ...(postgres ? [] : [{ measure: `Public pages on PostgreSQL: no server at ${new URL(POSTGRES_URL).host} (BENCH_POSTGRES_URL)`, value: 'skipped', ratio: '-' }]),
    { measure: 'Argon2id derivation alone (64 MiB, ops 3)', value: `${derivationP50.toFixed(0)} ms p50`, ratio: '1.00' },
    { measure: `Argon2id derivations/s (${concurrency} asked at once; KDF_CONCURRENCY ${config.kdfConcurrency}, native libsodium)`, value: derivationsPerSecond.toFixed(2), ratio: '1.00' },
    { measure: 'Report submissions/s (HTTP + encryption + database)', value: submissionsPerSecond.toFixed(2), ratio: (derivationsPerSecond / submissionsPerSecond).toFixed(2) },
    { measure: 'Receipt log-in latency p50', value: `${percentile(logins, 50).toFixed(0)} ms`, ratio: (percentile(logins, 50) / derivationP50).toFixed(2) },
    { measure: 'Receipt log-in latency p95', value: `${percentile(logins, 95).toFixed(0)} ms`, ratio: (percentile(logins, 95) / derivationP50).toFixed(2) },
    ...logInRows(staffLogIns, derivationP50),
    { measure: `Staff case inbox p50 (${INBOX_CASES.toLocaleString('en')} cases)`, value: `${percentile(inbox, 50).toFixed(0)} ms`, ratio: '-' },
    { measure: `Staff case inbox p95 (${INBOX_CASES.toLocaleString('en')} cases)`, value: `${percentile(inbox, 95).toFixed(0)} ms`, ratio: '-' },
    { measure: `Figures page p95 (${INBOX_CASES.toLocaleString('en')} cases; target under 200 ms)`, value: `${percentile(figures, 95).toFixed(0)} ms`, ratio: '-' },
    { measure: `Statistics page and annual report p95, analyst's suppressed view (${INBOX_CASES.toLocaleString('en')} cases; target under 200 ms)`, value: `${percentile(statistics, 95).toFixed(0)} ms`, ratio: '-' },
    { measure: `Same statistics computed afresh after a change, p50 (all ${INBOX_CASES.toLocaleString('en')} cases in the two years shown)`, value: `${percentile(uncached, 50).toFixed(0)} ms`, ratio: '-' },
    { measure: `Same inbox p95, ${ORGANISATIONS} organisations on the platform (+${((ORGANISATIONS - 1) * ORGANISATION_CASES).toLocaleString('en')} cases of others)`, value: `${percentile(platformInbox, 95).toFixed(0)} ms`, ratio: (percentile(platformInbox, 95) / percentile(inbox, 95)).toFixed(2) },
    { measure: `An organisation's start page p95 (${ORGANISATIONS} organisations)`, value: `${percentile(platformPage, 95).toFixed(0)} ms`, ratio: '-' },
    teamSessionRow(team),
    { measure: `Survey invitation codes (${SURVEY_CODES.toLocaleString('en')})`, value: `${(survey.codesMs / 1000).toFixed(2)} s`, ratio: '-' },
    { measure: `Survey results (${SURVEY_RESPONDENTS.toLocaleString('en')} x 30 questions)`, value: `${(survey.aggregateMs / 1000).toFixed(2)} s`, ratio: (survey.aggregateMs / survey.plainMs).toFixed(2) },
    { measure: 'Same counts by a plain SQL GROUP BY', value: `${(survey.plainMs / 1000).toFixed(2)} s`, ratio: '1.00' },
    { measure: `Case file PDF, ${DOSSIER_ENTRIES.toLocaleString('en')} messages + ${DOSSIER_ENTRIES.toLocaleString('en')} timeline entries (p50; size; heap growth)`, value: `${(dossier.p50Ms / 1000).toFixed(2)} s; ${(dossier.bytes / 1024 / 1024).toFixed(1)} MiB; ${dossier.heapMb.toFixed(0)} MiB`, ratio: '-' },
  ];
  const machine = `${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`\nTegenspraak benchmark, ${new Date().toISOString()}\n${machine}\ndatabase: embedded PGlite for every row not marked PostgreSQL${postgres ? `; PostgreSQL server at ${new URL(POSTGRES_URL).host}` : ''}\nload for the public pages: ${loadGenerator()}, ${PAGE_ROUNDS} rounds of ${PAGE_SECONDS} s per target, alternating with the baseline; median\nratio: for the public pages, their requests/s as a fraction of the hello-world's (higher is better); elsewhere the cost relative to the baseline of its group: Argon2id alone for receipts and staff log-ins, a plain GROUP BY for survey results (1.00 = nothing beyond it)\n`);
  const width = Math.max(...rows.map((r) => r.measure.length));
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(12)}  ${'ratio'.padStart(6)}`);
  for (const row of rows) console.log(`${row.measure.padEnd(width)}  ${row.value.padStart(12)}  ${row.ratio.padStart(6)}`);
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/latest.json', JSON.stringify({ machine, at: new Date().toISOString(), load: loadGenerator(), rows }, null, 2));
  await close();
  await database.close();
}

await main();

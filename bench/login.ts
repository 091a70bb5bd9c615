// The staff log-in's answer time for an address with an account (wrong password), one without, and
// a deactivated account, through the real app: the three should be alike within noise (issue 12;
// the equal answers and equal work are tested in test/http/login-equality.test.ts). Run alone with
// `npx tsx bench/login.ts`; `npm run bench` includes it.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Hono } from 'hono';
import { boot } from '../src/bootstrap.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { unsafeCreateOrganisation } from '../src/domain/organisation/create-organisation.js';
import { resetAttemptsOnAddress } from '../src/domain/accounts/login-throttle.js';
import { setUserDisabled } from '../src/domain/accounts/update-user.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logging.js';
import type { Mailer } from '../src/mail/mailer.js';
import type { Services } from '../src/services.js';
import { csrfTokenFor } from '../test/support/form-client.js';
import { percentile } from './measure.js';
import { createBenchStaff } from './staff.js';

export interface LogInTimes {
  known: number[];
  unknown: number[];
  deactivated: number[];
}

type App = Pick<Hono, 'request'>;

/** One wrong log-in as a browser sends it (the form first, for its token and cookie); only the POST is timed. */
async function timedWrongLogIn(app: App, email: string): Promise<number> {
  const form = await app.request('http://localhost/login');
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = csrfTokenFor(await form.text(), '/login');
  const body = new URLSearchParams({ email, password: 'a wrong password of usual length', totpCode: '123456', _csrf: token }).toString();
  const start = performance.now();
  const response = await app.request('http://localhost/login', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}) },
  });
  await response.arrayBuffer();
  const ms = performance.now() - start;
  if (response.status !== 422) throw new Error(`log-in bench: expected 422 for a wrong password, got ${response.status}`);
  return ms;
}

/**
 * `rounds` wrong log-ins on each kind of address, one at a time and interleaved (each round in a
 * rotated order, so none always runs first), every one a first failure: the counts are removed
 * between rounds, as a success would, so no lock is ever measured.
 */
export async function benchStaffLogIn(s: Services, app: App, rounds: number): Promise<LogInTimes> {
  // Made through the real invitation commands; the third is then disabled by the administrator.
  const [admin, known, gone] = await createBenchStaff(s, ['administrator', 'analyst', 'external_investigator']);
  await setUserDisabled(s, { userId: admin!.userId, organisationId: admin!.organisationId, roles: ['administrator'] }, gone!.userId, true);
  const addresses = { known: known!.email, unknown: 'nobody-here@bench.example', deactivated: gone!.email } as const;
  const kinds = Object.keys(addresses) as (keyof LogInTimes)[];
  const times: LogInTimes = { known: [], unknown: [], deactivated: [] };
  const warmUp = Math.min(3, rounds);
  for (let i = 0; i < warmUp + rounds; i++) {
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(i + k) % kinds.length]!;
      const ms = await timedWrongLogIn(app, addresses[kind]);
      if (i >= warmUp) times[kind].push(ms);
    }
    for (const email of Object.values(addresses)) await resetAttemptsOnAddress(s, admin!.organisationId, email);
  }
  return times;
}

export interface LogInRow {
  measure: string;
  value: string;
  ratio: string;
}

/** The table rows: p50 and p95 per kind (ratio: to Argon2id alone), and each kind against the known address. */
export function logInRows(times: LogInTimes, derivationP50: number): LogInRow[] {
  const label = { known: 'known address, wrong password', unknown: 'unknown address', deactivated: 'deactivated account' } as const;
  const rows: LogInRow[] = [];
  for (const kind of ['known', 'unknown', 'deactivated'] as const) {
    for (const p of [50, 95]) {
      const ms = percentile(times[kind], p);
      rows.push({ measure: `Staff log-in, ${label[kind]} p${p}`, value: `${ms.toFixed(0)} ms`, ratio: (ms / derivationP50).toFixed(2) });
    }
  }
  // Each round times the three back to back, so the per-round difference cancels most of the
  // machine's drift (other load, frequency changes); its median is set against the known p50.
  const knownP50 = percentile(times.known, 50);
  for (const kind of ['unknown', 'deactivated'] as const) {
    const difference = percentile(times[kind].map((ms, i) => ms - times.known[i]!), 50);
    rows.push({
      measure: `Staff log-in, ${label[kind]} minus known, median per round (ratio: % of known p50; target ±10 %)`,
      value: `${difference >= 0 ? '+' : ''}${difference.toFixed(1)} ms`,
      ratio: `${difference >= 0 ? '+' : ''}${((100 * difference) / knownP50).toFixed(1)}%`,
    });
  }
  return rows;
}

// Alone: `npx tsx bench/login.ts` (BENCH_STAFF_LOGINS rounds, default 20) prints only these rows.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const nullMailer: Mailer = { send: async () => {}, close: () => {} };
  const config = parseConfig({ SESSION_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', DATA_DIR: '.tmp/bench' });
  const database = await openDatabase({ kind: 'pglite' });
  const { services, close } = await boot(config, { database, mailer: nullMailer, logger: createLogger('silent') });
  await unsafeCreateOrganisation(services, { name: 'Benchmark' });
  const salt = randomBytes(16);
  const derivations: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await services.kdf.derive({ secret: '01234567890123456789', salt, outputLength: 64 });
    derivations.push(performance.now() - start);
  }
  const times = await benchStaffLogIn(services, createApp(services), Number(process.env.BENCH_STAFF_LOGINS ?? 20));
  const rows = logInRows(times, percentile(derivations, 50));
  const width = Math.max(...rows.map((r) => r.measure.length));
  for (const row of rows) console.log(`${row.measure.padEnd(width)}  ${row.value.padStart(12)}  ${row.ratio.padStart(6)}`);
  await close();
  await database.close();
}

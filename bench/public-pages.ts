// The public pages and the server's memory, measured from outside: the built app runs as its own
// process (as `npm start` runs it), a bare Hono "hello world" runs as another, and the load comes
// from a third (wrk when the machine has it, else a Node process of its own), so the client is never
// what is measured. Rounds alternate between the baseline and the pages, so a machine that slows
// down during the run slows both; each row is the median of its rounds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { boot } from '../src/bootstrap.js';
import { parseConfig } from '../src/config.js';
import { unsafeCreateOrganisation } from '../src/domain/organisation/create-organisation.js';
import { createLogger } from '../src/logging.js';
import type { Mailer } from '../src/mail/mailer.js';
import type { MemoryReport } from '../src/memory-report.js';
import { createBenchStaff } from './staff.js';

const nullMailer: Mailer = { send: async () => {}, close: () => {} };

export interface PublicPagesResult {
  database: 'pglite' | 'postgres';
  hello: number;
  pages: { name: string; path: string; perSecond: number }[];
  peakRssMb: number;
  /** Where the memory was when the resident memory was highest, and after a quiet minute. */
  atPeak: MemoryReport | null;
  afterIdle: MemoryReport | null;
  submissions: number;
}

export const loadGenerator = (): string => (hasWrk() ? `wrk (${wrkVersion()}), 1 thread, 16 connections` : 'a separate Node process (node:http, keep-alive), 16 connections');

function hasWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

function wrkVersion(): string {
  const out = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  return /wrk (\S+)/.exec(`${out.stdout}${out.stderr}`)?.[1] ?? '?';
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Requests per second over `seconds`, 16 connections, from another process. */
async function load(url: string, seconds: number): Promise<number> {
  const command = hasWrk()
    ? spawn('wrk', ['-t1', '-c16', `-d${seconds}s`, url], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, [new URL('./load-process.mjs', import.meta.url).pathname, url, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  command.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => command.once('exit', resolve));
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(out);
  if (!Number.isFinite(perSecond) || errors) throw new Error(`load on ${url} failed:\n${out}`);
  return perSecond;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.arrayBuffer().then(() => r.ok), () => false);
    if (ok) return;
    if (waited > 60_000) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

let asked = 0;

/** The server's own account of where its memory is; each question has its id, so answers cannot cross. */
async function askMemory(child: ChildProcess): Promise<MemoryReport | null> {
  if (!child.connected) return null;
  const id = ++asked;
  return new Promise((resolve) => {
    const answer = (message: { memory?: MemoryReport; id?: number }) => {
      if (message.id !== id) return;
      done(message.memory ?? null);
    };
    const done = (report: MemoryReport | null) => {
      clearTimeout(timer);
      child.off('message', answer);
      resolve(report);
    };
    const timer = setTimeout(() => done(null), 5000);
    child.on('message', answer);
    child.send({ memory: id });
  });
}

/** The kernel's high-water mark of the process's resident memory, in MiB, and how to start it afresh. */
function peakResidentMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}
function resetPeakResident(pid: number): void {
  // "5" clears the peak (Linux 4.0+): what the start-up (migrations, first queries) took is not counted.
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A database with one organisation and its bodies founded, so the start page names its readers. */
export async function prepare(env: Record<string, string>): Promise<void> {
  const config = parseConfig({ ...env, LOG_LEVEL: 'silent' });
  const { services, close } = await boot(config, { mailer: nullMailer, logger: createLogger('silent') });
  await unsafeCreateOrganisation(services, { name: 'Benchmark' });
  await createBenchStaff(services, ['secretary', 'chair', 'ethics_panel_member', 'confidential_advisor']);
  await close();
}

export async function benchPublicPages(options: { database: 'pglite' | 'postgres'; postgresUrl?: string; seconds: number; rounds: number; submissions: number }): Promise<PublicPagesResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tegenspraak-bench-'));
  const env: Record<string, string> = { SESSION_SECRET: randomBytes(32).toString('hex'), DATA_DIR: dataDir };
  let dropDatabase = async () => {};
  if (options.database === 'postgres') {
    const name = `tegenspraak_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(options.postgresUrl!);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  await prepare(env);

  // Built once, as `npm start` does it; the app then runs from dist/ like in production.
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const appPort = await freePort();
  const helloPort = await freePort();
  // The production default: a log line per request (to a discarded stdout), the scheduler running.
  // BENCH_NODE_FLAGS: V8 flags to try (e.g. --max-semi-space-size=2); none by default, as `npm start` runs it.
  const app = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), 'dist/main.js'], {
    env: { PATH: process.env.PATH, ...env, PORT: String(appPort), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const hello = spawn(process.execPath, [new URL('./hello-server.mjs', import.meta.url).pathname, String(helloPort)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let peakRssMb = 0;
  const peak: { report: MemoryReport | null } = { report: null };
  const sampler = setInterval(() => {
    if (app.exitCode !== null || !app.pid) return;
    const now = residentMb(app.pid);
    if (now > peakRssMb) {
      peakRssMb = now;
      void askMemory(app).then((report) => {
        if (report && report.rssMb >= (peak.report?.rssMb ?? 0)) peak.report = report;
      });
    }
  }, 200);
  try {
    const base = `http://127.0.0.1:${appPort}`;
    await waitFor(`${base}/`, app);
    await waitFor(`http://127.0.0.1:${helloPort}/`, hello);
    // From here on the kernel keeps the exact peak; the sampler only says where the memory was near it.
    resetPeakResident(app.pid!);
    peakRssMb = 0;

    // What a day brings besides page views: reports sent and a reporter returning with the receipt.
    const receipts: string[] = [];
    for (let i = 0; i < options.submissions; i += 2) {
      await Promise.all(
        [0, 1].map(async () => {
          const response = await fetch(`${base}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ route: 'commission', anonymity: 'anonymous', answers: { KIND: 'improper_pressure', WHAT: 'Benchmark report. '.repeat(40), WANT: ['advice'] } }),
          });
          if (response.status !== 201) throw new Error(`submission failed: ${response.status}`);
          receipts.push(((await response.json()) as { receipt: string }).receipt);
        }),
      );
    }
    for (const receipt of receipts.slice(0, 4)) {
      const response = await fetch(`${base}/api/v1/reporter/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt }) });
      if (response.status !== 200) throw new Error(`receipt log-in failed: ${response.status}`);
    }

    const targets = [
      { name: 'Public start page', path: '/' },
      { name: 'Receipt page (form with a CSRF token)', path: '/receipt' },
      { name: 'Route list API (JSON)', path: '/api/v1/routes' },
    ];
    // A server in use is warm: every address gets a second of load (not counted) before the rounds,
    // so the first round does not measure the JIT compiler instead of the server.
    await load(`http://127.0.0.1:${helloPort}/`, 1);
    for (const target of targets) await load(`${base}${target.path}`, 1);
    const helloRuns: number[] = [];
    const pageRuns = targets.map(() => [] as number[]);
    for (let round = 0; round < options.rounds; round++) {
      helloRuns.push(await load(`http://127.0.0.1:${helloPort}/`, options.seconds));
      for (const [i, target] of targets.entries()) pageRuns[i]!.push(await load(`${base}${target.path}`, options.seconds));
    }
    peakRssMb = Math.max(peakRssMb, peakResidentMb(app.pid!));
    const afterLoad = await askMemory(app);
    if (afterLoad && afterLoad.rssMb > (peak.report?.rssMb ?? 0)) peak.report = afterLoad;
    // The Argon2id threads are let go when idle; what stays is the server at rest.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    const afterIdle = await askMemory(app);
    return {
      database: options.database,
      hello: median(helloRuns),
      pages: targets.map((target, i) => ({ ...target, perSecond: median(pageRuns[i]!) })),
      peakRssMb,
      atPeak: peak.report,
      afterIdle,
      submissions: receipts.length,
    };
  } finally {
    clearInterval(sampler);
    await Promise.all([stop(app), stop(hello)]);
    await dropDatabase();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const memoryText = (m: MemoryReport | null) => (m ? `V8 heap ${m.heapMb}, external ${m.externalMb}, PGlite WebAssembly ${m.pgliteMb} committed, Argon2id ${m.kdfRunning} running holding ${m.kdfRunningMb}` : 'not reported');

export function publicPageRows(result: PublicPagesResult): { measure: string; value: string; ratio: string }[] {
  const db = result.database === 'pglite' ? 'embedded database' : 'PostgreSQL';
  return [
    { measure: `Bare Hono hello-world requests/s (separate process; ratio base for the next rows; ${db} run)`, value: result.hello.toFixed(0), ratio: '1.00' },
    ...result.pages.map((page) => ({
      measure: `${page.name} requests/s, ${db} (target at least 0.25 of the hello-world)`,
      value: page.perSecond.toFixed(0),
      ratio: (page.perSecond / result.hello).toFixed(2),
    })),
    {
      measure: `Server resident memory, peak under that load and ${result.submissions} submissions, ${db} (target under 256 MiB)`,
      value: `${result.peakRssMb.toFixed(0)} MiB`,
      ratio: '-',
    },
    { measure: `  where it was near the peak (MiB), ${db}`, value: memoryText(result.atPeak), ratio: '-' },
    { measure: `  resident after 12 s idle, ${db}`, value: result.afterIdle ? `${result.afterIdle.rssMb} MiB; ${memoryText(result.afterIdle)}` : 'not reported', ratio: '-' },
  ];
}

// How long people wait for the server and the command line: `npm start` on a built checkout with an
// existing data folder until the first page is answered, and the command line's commands, each run
// as a person runs them (their own process, wall-clock time, the median of a few).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, median, prepare } from './public-pages.js';

export interface StartAndCliResult {
  startMs: number;
  commands: { name: string; ms: number; targetMs: number }[];
}

const RUNS = 3;

async function firstPageAfterStart(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so that npm and the server it starts stop together.
  const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.arrayBuffer().then(() => r.ok), () => false);
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('no first page within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

function timeCommand(args: string[], env: Record<string, string>): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/tegenspraak.js', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`tegenspraak ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

export async function benchStartAndCli(): Promise<StartAndCliResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tegenspraak-start-'));
  const env = { SESSION_SECRET: randomBytes(32).toString('hex'), DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOB_INTERVAL_SECONDS: '60' };
  try {
    await prepare(env);
    const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
    const starts: number[] = [];
    for (let i = 0; i < RUNS; i++) starts.push(await firstPageAfterStart(env));
    const commands = [
      { name: '--help', args: ['--help'], targetMs: 500 },
      { name: 'totp <secret>', args: ['totp', 'JBSWY3DPEHPK3PXP'], targetMs: 500 },
      { name: 'user list (embedded database)', args: ['user', 'list'], targetMs: 2000 },
      { name: 'org list (embedded database)', args: ['org', 'list'], targetMs: 2000 },
    ];
    return {
      startMs: median(starts),
      commands: commands.map(({ name, args, targetMs }) => ({ name, targetMs, ms: median(Array.from({ length: RUNS }, () => timeCommand(args, env))) })),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function startAndCliRows(result: StartAndCliResult): { measure: string; value: string; ratio: string }[] {
  return [
    { measure: '`npm start` on a built checkout, existing data folder, until the first page (median of 3; target under 5 s)', value: `${(result.startMs / 1000).toFixed(2)} s`, ratio: '-' },
    ...result.commands.map((command) => ({
      measure: `Command line \`node bin/tegenspraak.js ${command.name}\` (median of 3; target under ${command.targetMs / 1000} s)`,
      value: `${(command.ms / 1000).toFixed(2)} s`,
      ratio: '-',
    })),
  ];
}

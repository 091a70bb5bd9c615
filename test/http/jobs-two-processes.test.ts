import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportThroughForm } from '../support/reporting.js';
import { createStaff, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Two real app processes on one PostgreSQL database, each running the scheduler every second:
// a reminder is still sent once, and a restart does not send it again. PGlite is one process's
// embedded database, so this runs only in the PostgreSQL pass.
const DAY = 24 * 3600_000;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let t: TestApp;
let secretary: TestStaff;
let member: TestStaff;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  member = await createStaff(t, ['commission_member']);
  // Received six days ago: the acknowledgement deadline is tomorrow, so the reminder is due now.
  t.clock.ms = Date.now() - 6 * DAY;
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Twee processen.', WANT: ['advice'] });
  t.mail.received.length = 0;
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await t?.close();
});

async function startInstance(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: t.databaseUrl,
      SMTP_URL: t.mail.url,
      SESSION_SECRET: t.services.config.sessionSecret,
      DATA_DIR: await mkdtemp(join(tmpdir(), 'tegenspraak-instance-')),
      PORT: '0',
      JOB_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listens on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const remindersTo = (email: string) => t.mail.received.filter((m) => m.to.includes(email) && /Herinnering/.test(m.subject)).length;

describe.skipIf(!onPostgres)('scheduled jobs with two app processes on PostgreSQL', () => {
  it('sends a due reminder once, and not again after a restart', async () => {
    const instances = await Promise.all([startInstance(), startInstance()]);
    for (let waited = 0; waited < 30_000 && (remindersTo(secretary.email) < 1 || remindersTo(member.email) < 1); waited += 200) await sleep(200);
    // Several more runs of both schedulers.
    await sleep(3000);
    expect(remindersTo(secretary.email)).toBe(1);
    expect(remindersTo(member.email)).toBe(1);

    await Promise.all(instances.map(stop));
    const restarted = await startInstance();
    await sleep(3000);
    expect(remindersTo(secretary.email)).toBe(1);
    expect(remindersTo(member.email)).toBe(1);
    await stop(restarted);
  }, 60_000);
});

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

/** How many scheduler runs each instance has finished (its debug log says so after every run). */
const runsOf = new Map<ChildProcess, number>();

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
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  runsOf.set(child, 0);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      runsOf.set(child, runsOf.get(child)! + (text.match(/scheduled jobs ran/g) ?? []).length);
      if (text.includes('listens on')) resolve();
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

/** Waits for an event (a condition on what the processes reported), never for a fixed time. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 30_000) throw new Error(`waited 30 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const remindersTo = (email: string) => t.mail.received.filter((m) => m.to.includes(email) && /Herinnering/.test(m.subject)).length;

describe.skipIf(!onPostgres)('scheduled jobs with two app processes on PostgreSQL', () => {
  it('sends a due reminder once, and not again after a restart', async () => {
    const instances = await Promise.all([startInstance(), startInstance()]);
    await until(() => remindersTo(secretary.email) >= 1 && remindersTo(member.email) >= 1, 'the reminders');
    // Three more finished runs of each scheduler after the reminders went out.
    const seen = instances.map((child) => runsOf.get(child)!);
    await until(() => instances.every((child, i) => runsOf.get(child)! >= seen[i]! + 3), 'three more runs of both instances');
    expect(remindersTo(secretary.email)).toBe(1);
    expect(remindersTo(member.email)).toBe(1);

    await Promise.all(instances.map(stop));
    const restarted = await startInstance();
    await until(() => runsOf.get(restarted)! >= 3, 'three runs after the restart');
    expect(remindersTo(secretary.email)).toBe(1);
    expect(remindersTo(member.email)).toBe(1);
    await stop(restarted);
  }, 60_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { withDatabase } from '../support/global-setup.js';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';

// The server is killed with SIGKILL while reports and messages are being sent. After a restart,
// every report that had been answered with a receipt opens with the receipt and is complete, and
// every message that had been answered 201 is there. Runs on the embedded database (a data folder)
// and, in the PostgreSQL pass, on PostgreSQL.
const children: ChildProcess[] = [];
// A case without its answers or without any key to open it would be half written.
const ORPHANS = `select count(*)::int as n from cases c where not exists (select 1 from case_entries e where e.case_id = c.id and e.kind = 'answers') or not exists (select 1 from case_keys k where k.case_id = c.id)`;
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--demo'], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'warn', JOB_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listens on .*port (\d+)\)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function post(base: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

async function killedUnderLoad(env: Record<string, string>) {
  const first = await startServer(env);
  const acknowledged: Array<{ receipt: string; marker: string }> = [];
  const messages: Array<{ receipt: string; text: string }> = [];
  // A few reports exist already, so that messages can be written during the storm too.
  for (let i = 0; i < 3; i++) {
    const marker = `voorraad-${i}-${randomBytes(4).toString('hex')}`;
    const r = await post(first.base, '/api/v1/reports', { route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: marker }, language: 'nl' });
    acknowledged.push({ receipt: String(r.json!.receipt), marker });
  }
  const tokens = await Promise.all(acknowledged.map(async (a) => ({ ...a, token: String((await post(first.base, '/api/v1/reporter/session', { receipt: a.receipt })).json!.token) })));
  let killed = false;
  // The kill comes when the storm has had writes of both kinds acknowledged, while others are still under way.
  let stormReports = 0;
  let midStream!: () => void;
  const enoughAcknowledged = new Promise<void>((resolve) => (midStream = resolve));
  const check = () => {
    if (stormReports >= 2 && messages.length >= 2) midStream();
  };
  const storm = Array.from({ length: 24 }, async (_, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * 60));
    try {
      if (i % 2 === 0) {
        const marker = `storm-${i}-${randomBytes(4).toString('hex')}`;
        const r = await post(first.base, '/api/v1/reports', { route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: marker }, language: 'nl' });
        if (r.status === 201 && !killed) {
          acknowledged.push({ receipt: String(r.json!.receipt), marker });
          stormReports++;
          check();
        }
      } else {
        const target = tokens[i % tokens.length]!;
        const text = `bericht-${i}-${randomBytes(4).toString('hex')}`;
        const r = await post(first.base, '/api/v1/reporter/messages', { text }, target.token);
        if (r.status === 201 && !killed) {
          messages.push({ receipt: target.receipt, text });
          check();
        }
      }
    } catch {
      // The connection dies with the server: that request was never acknowledged.
    }
  });
  await enoughAcknowledged;
  killed = true;
  first.child.kill('SIGKILL');
  await Promise.all(storm);
  await new Promise((resolve) => first.child.exitCode !== null || first.child.signalCode ? resolve(null) : first.child.once('exit', resolve));

  const second = await startServer(env);
  for (const { receipt, marker } of acknowledged) {
    const session = await post(second.base, '/api/v1/reporter/session', { receipt });
    expect(session.status, `receipt ${receipt} after the crash`).toBe(200);
    const view = await fetch(`${second.base}/api/v1/reporter/case`, { headers: { authorization: `Bearer ${String(session.json!.token)}` } });
    expect(view.status).toBe(200);
    const body = (await view.json()) as { answers: Record<string, string>; messages: Array<{ text: string }> };
    expect(body.answers.QUESTION).toBe(marker);
    for (const m of messages.filter((x) => x.receipt === receipt)) expect(body.messages.map((x) => x.text)).toContain(m.text);
  }
  second.child.kill('SIGTERM');
  await new Promise((resolve) => second.child.once('exit', resolve));
  return { reports: acknowledged.length, messages: messages.length, stormReports };
}

describe('crash safety under SIGKILL', () => {
  it('loses nothing acknowledged on the embedded database, and leaves no half-written case', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tegenspraak-crash-'));
    const result = await killedUnderLoad({ DATA_DIR: dataDir, SESSION_SECRET: randomBytes(32).toString('hex') });
    // Reports and messages were acknowledged during the storm, before the kill, and all were found again.
    expect(result.stormReports).toBeGreaterThanOrEqual(2);
    expect(result.messages).toBeGreaterThanOrEqual(2);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const orphans = await database.db.execute(sql.raw(ORPHANS));
      expect((((orphans as { rows?: unknown[] }).rows ?? orphans) as Array<{ n: number }>)[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)('loses nothing acknowledged on PostgreSQL, and leaves no half-written case', async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `tegenspraak_crash_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const url = withDatabase(server, name);
    try {
      const result = await killedUnderLoad({ DATABASE_URL: url, DATA_DIR: await mkdtemp(join(tmpdir(), 'tegenspraak-crash-')), SESSION_SECRET: randomBytes(32).toString('hex') });
      expect(result.stormReports).toBeGreaterThanOrEqual(2);
      expect(result.messages).toBeGreaterThanOrEqual(2);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const orphans = await check.query(ORPHANS);
      expect(orphans.rows[0].n).toBe(0);
      await check.end();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});

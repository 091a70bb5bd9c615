import { createServer, connect, type Server, type Socket } from 'node:net';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { boot, type Booted } from '../../src/bootstrap.js';
import { parseConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logging.js';
import { withDatabase } from '../support/global-setup.js';
import { createStaff } from '../support/staff.js';
import { TestClock, type TestApp } from '../support/test-app.js';

// PostgreSQL unreachable for a while, simulated by a TCP relay between the app and the server
// that can be cut and restored: requests fail with a clear, temporary error, nothing half-done
// is stored, and the app recovers by itself once the database is back.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

class Relay {
  private sockets = new Set<Socket>();
  private open = true;
  readonly server: Server;
  constructor(private target: { host: string; port: number }) {
    this.server = createServer((client) => {
      if (!this.open) return void client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
  }
  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port)));
  }
  cut() {
    this.open = false;
    for (const s of this.sockets) s.destroy();
  }
  restore() {
    this.open = true;
  }
}

let booted: Booted;
let app: ReturnType<typeof createApp>;
let relay: Relay;
let admin: pg.Client;
let name: string;

beforeAll(async () => {
  if (!onPostgres) return;
  const server = new URL(process.env.TEST_DATABASE_URL!);
  name = `tegenspraak_outage_${randomBytes(6).toString('hex')}`;
  admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  relay = new Relay({ host: server.hostname, port: Number(server.port || 5432) });
  const port = await relay.listen();
  const viaRelay = new URL(withDatabase(process.env.TEST_DATABASE_URL!, name));
  viaRelay.port = String(port);
  const config = parseConfig({ SESSION_SECRET: randomBytes(32).toString('hex'), DATA_DIR: await mkdtemp(join(tmpdir(), 'tegenspraak-outage-')), LOG_LEVEL: 'silent', DATABASE_URL: viaRelay.toString() });
  const database = await openDatabase({ kind: 'postgres', url: viaRelay.toString(), poolSize: 3 });
  booted = await boot(config, { database, mailer: { send: async () => {}, close: () => {} }, logger: createLogger('silent') });
  app = createApp(booted.services);
  // An organisation, and a handler for its ethics route, so that a report can be accepted once the database is back.
  const organisation = await unsafeCreateOrganisation(booted.services, { name: 'Testorganisatie', slug: 'testorganisatie' });
  await createStaff({ services: booted.services, clock: new TestClock(Date.now()), organisationId: organisation.id } as unknown as TestApp, ['ethics_panel_member']);
});
afterAll(async () => {
  if (!onPostgres) return;
  relay.restore();
  await booted.close();
  await booted.services.database.close();
  relay.server.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const report = () =>
  app.request('http://localhost/api/v1/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: 'Tijdens een storing?' }, language: 'nl' }),
  });

describe.skipIf(!onPostgres)('PostgreSQL unreachable', () => {
  it('answers a clear temporary error, stores nothing half, and recovers by itself', async () => {
    expect((await app.request('http://localhost/healthz')).status).toBe(200);
    relay.cut();
    const health = await app.request('http://localhost/healthz');
    expect(health.status).toBe(503);
    const page = await app.request('http://localhost/route-finder');
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('Er is niets verloren gegaan');
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(page.headers.get('retry-after')).toBe('30');
    const during = await report();
    expect(during.status).toBe(503);
    expect(((await during.json()) as { code: string }).code).toBe('unavailable');

    relay.restore();
    // The pool reconnects on its own: no restart, no intervention.
    let recovered = 0;
    for (let i = 0; i < 20 && recovered !== 200; i++) {
      recovered = (await app.request('http://localhost/healthz')).status;
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(200);
    expect((await report()).status).toBe(201);
    const check = new pg.Client({ connectionString: withDatabase(process.env.TEST_DATABASE_URL!, name) });
    await check.connect();
    const counts = await check.query(`select (select count(*)::int from cases) as cases, (select count(*)::int from case_entries where kind = 'answers') as answers`);
    expect(counts.rows[0]).toEqual({ cases: 1, answers: 1 });
    await check.end();
  }, 60_000);
});

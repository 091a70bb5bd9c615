import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, desc } from 'drizzle-orm';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DatabaseHandle } from '../../src/db/client.js';
import { unsafeVerifyAudit } from '../../src/domain/audit/verify-audit.js';
import { createEmptyTestDatabase } from '../support/database.js';
import { FormClient } from '../support/form-client.js';
import { bodyAdmissions, cases, caseStatistics, organisations, routes, surveyOrganisations, users } from '../../src/db/schema.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An installation filled by an earlier version upgrades in place: a database made by the code as
// it was at migration <n> (test/fixtures/previous-version, made through the real commands) gets
// this version's migrations when the app starts, and everything in it still works: staff log in
// and read their cases, receipts open their reports, the audit chain verifies.
const fixtureFolder = fileURLToPath(new URL('../fixtures/previous-version/', import.meta.url));
const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));

interface Fixture {
  migration: number;
  sessionSecret: string;
  clockMs: number;
  staff: Record<string, { email: string; password: string; totpSecretHex: string; recoveryKey: string }>;
  receipts: { anonymous: string; confidential: string };
  openedCase: string;
}

/** An empty database on this run's engine, migrated only up to the fixture's migration. */
async function previousVersionDatabase(fixture: Fixture): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'tegenspraak-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((entry) => entry.idx <= fixture.migration);
  await writeFile(journalPath, JSON.stringify(journal));
  const sqlText = await readFile(join(fixtureFolder, `schema-${fixture.migration}.sql`), 'utf8');

  const database = await createEmptyTestDatabase();
  if (database.handle.kind === 'postgres') {
    await migratePg(database.handle.db as unknown as NodePgDatabase, { migrationsFolder: folder });
    await database.handle.raw.pool!.query(sqlText);
  } else {
    await migratePglite(database.handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    await database.handle.raw.pglite!.exec(sqlText);
  }
  return database;
}

/** An empty database on this run's engine with the migrations up to `last` (its journal index). */
async function databaseAtMigration(last: number) {
  const folder = await mkdtemp(join(tmpdir(), 'tegenspraak-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  await writeFile(journalPath, JSON.stringify(journal));
  const database = await createEmptyTestDatabase();
  const migrateTo = async (migrations: string) =>
    database.handle.kind === 'postgres'
      ? migratePg(database.handle.db as unknown as NodePgDatabase, { migrationsFolder: migrations })
      : migratePglite(database.handle.db as unknown as PgliteDatabase, { migrationsFolder: migrations });
  await migrateTo(folder);
  const exec = async (text: string) => {
    if (database.handle.kind === 'postgres') await database.handle.raw.pool!.query(text);
    else await database.handle.raw.pglite!.exec(text);
  };
  return { database, exec, migrateAll: () => migrateTo(migrationsFolder) };
}

describe('migration 0026: the organisation as its own survey unit, and purged figures with the body that handled them', () => {
  it('links the unit named after the organisation (one, whatever its case), takes its sector, and gives purged rows the commission that read their route on the day they came in', async () => {
    const { database, exec, migrateAll } = await databaseAtMigration(25);
    try {
      const a = '10000000-0000-4000-8000-000000000001';
      const b = '10000000-0000-4000-8000-000000000002';
      const route = (org: string, code: string, body: string) =>
        `insert into routes (organisation_id, code, body_organisation_id, position, name, description, handler_roles, custodian_roles) values ('${org}', '${code}', '${body}', 1, '{}', '{}', '{chair}', '{chair}');`;
      await exec(`
        insert into organisations (id, name, slug) values ('${a}', 'Gemeente Aa', 'gemeente-aa'), ('${b}', 'Kleine Dienst', 'kleine-dienst');
        ${route(a, 'commission', a)} ${route(b, 'commission', a)} ${route(b, 'ethics', b)}
        insert into survey_organisations (owner_id, name, sector) values ('${a}', 'gemeente aa ', 'municipality'), ('${a}', 'GEMEENTE AA', 'other'), ('${a}', 'Afdeling Noord', 'municipality'), ('${b}', 'Iets anders', 'other');
        insert into audit_log (organisation_id, seq, at, actor_kind, action, detail, prev_hash, hash) values ('${b}', 1, '2025-06-01T10:00:00Z', 'system', 'commission.shared', '{"organisation": "${b}", "before": "${b}", "after": "${a}"}', '\\x00', '\\x00');
        insert into case_statistics (organisation_id, route_code, received_on, purged_on) values
          ('${b}', 'commission', '2025-01-01', '2026-01-01'), ('${b}', 'risk_signal', '2025-09-01', '2026-09-01'), ('${b}', 'ethics', '2025-09-01', '2026-01-01'), ('${a}', 'commission', '2025-01-01', '2026-01-01');
      `);
      await migrateAll();
      const db = database.handle.db;
      const units = await db.select().from(surveyOrganisations).orderBy(asc(surveyOrganisations.name));
      // Exactly one of the two units named after Gemeente Aa becomes its own; none of Kleine Dienst's (no unit has its name).
      expect(units.filter((u) => u.organisationId === a)).toHaveLength(1);
      expect(units.filter((u) => u.organisationId === a)[0]!.name.trim().toLowerCase()).toBe('gemeente aa');
      expect(units.filter((u) => u.organisationId !== null && u.organisationId !== a)).toHaveLength(0);
      const orgs = new Map((await db.select().from(organisations)).map((o) => [o.id, o.sector]));
      expect(orgs.get(b)).toBeNull();
      expect(['municipality', 'other']).toContain(orgs.get(a));
      const stats = await db.select({ route: caseStatistics.routeCode, org: caseStatistics.organisationId, handledBy: caseStatistics.handledBy }).from(caseStatistics);
      // Before the sharing began, the small organisation's own commission; after it, the shared one; its panel always its own.
      expect(stats.find((r) => r.org === b && r.route === 'commission')!.handledBy).toBe(b);
      expect(stats.find((r) => r.org === b && r.route === 'risk_signal')!.handledBy).toBe(a);
      expect(stats.find((r) => r.org === b && r.route === 'ethics')!.handledBy).toBe(b);
      expect(stats.find((r) => r.org === a)!.handledBy).toBe(a);
    } finally {
      await database.drop();
    }
  });
});

const fixtures = [14];

for (const migration of fixtures) {
  describe(`an installation filled at migration ${migration}`, () => {
    let t: TestApp;
    let fixture: Fixture;
    const staff = (role: string): TestStaff => {
      const s = fixture.staff[role]!;
      return { userId: '', email: s.email, password: s.password, totpSecret: Uint8Array.from(Buffer.from(s.totpSecretHex, 'hex')), recoveryKey: s.recoveryKey };
    };

    beforeAll(async () => {
      fixture = JSON.parse(await readFile(join(fixtureFolder, `schema-${migration}.json`), 'utf8')) as Fixture;
      const database = await previousVersionDatabase(fixture);
      // Starting the app applies this version's migrations to it.
      t = await createTestApp({ SESSION_SECRET: fixture.sessionSecret }, { database, organisation: false });
      t.clock.ms = fixture.clockMs + 60_000;
    });
    afterAll(() => t?.close());

    it('lets staff log in and read their cases', async () => {
      const secretary = await logInAs(t, staff('secretary'));
      const inbox = await secretary.get('/staff/cases');
      expect(inbox.status).toBe(200);
      expect([...inbox.html.matchAll(/href="\/staff\/cases\/[0-9a-f-]{36}"/g)].length).toBeGreaterThanOrEqual(2);
      const opened = await secretary.get(`/staff/cases/${fixture.openedCase}`);
      expect(opened.status).toBe(200);
      expect(opened.html).toContain('Vorige versie: de directeur liet de conclusie afzwakken.');
    });

    it('gives the organisation its own address from its name, and keeps the old addresses', async () => {
      const [organisation] = await t.services.db.select().from(organisations);
      expect(organisation?.slug).toBe('testorganisatie');
      expect((await new FormClient(t).get('/o/testorganisatie/')).status).toBe(200);
      expect((await new FormClient(t).get('/')).status).toBe(200);
      // A receipt opens under the new address as well.
      const reporter = new FormClient(t);
      const opened = await reporter.submit('/o/testorganisatie/receipt', '/o/testorganisatie/receipt', { receipt: fixture.receipts.anonymous });
      expect(opened.status).toBe(303);
      expect((await reporter.get('/o/testorganisatie/my-report')).html).toContain('Vorige versie: de directeur liet de conclusie afzwakken.');
    });

    it('opens every report with its receipt', async () => {
      for (const [receipt, text] of [
        [fixture.receipts.anonymous, 'Vorige versie: de directeur liet de conclusie afzwakken.'],
        [fixture.receipts.confidential, 'Vorige versie: vertrouwelijke melding.'],
      ] as const) {
        const reporter = await openWithReceipt(t, receipt);
        const page = await reporter.get('/my-report');
        expect(page.status).toBe(200);
        expect(page.html).toContain(text);
      }
    });

    it('numbers the cases it held in the order they came, and goes on from there', async () => {
      const held = await t.services.db.select({ number: cases.number, route: cases.routeCode, at: cases.receivedAt }).from(cases).orderBy(asc(cases.receivedAt));
      expect(held.length).toBeGreaterThan(0);
      for (const row of held) expect(row.number).toMatch(/^(IC|EP|VA|RS)-\d{4}-\d{4}$/);
      const commission = held.filter((r) => r.route === 'commission');
      const year = commission[0]!.number.slice(3, 7);
      expect(commission.map((r) => r.number)).toEqual(commission.map((_, i) => `IC-${year}-${String(i + 1).padStart(4, '0')}`));
      await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Nummer na de upgrade.', WANT: ['advice'] });
      const [newest] = await t.services.db.select({ number: cases.number }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
      // The test clock's year: the counter goes on after the cases the year already had.
      const same = commission.filter((r) => r.number.startsWith('IC-2026-')).length;
      expect(newest!.number).toBe(`IC-2026-${String(same + 1).padStart(4, '0')}`);
    });

    it('keeps an audit chain that verifies, and takes new reports', async () => {
      expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: true });
      // The bodies admitted before the upgrade still read: a new report is sealed to them and the chair opens it.
      const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Na de upgrade.', SOURCE: ['director'], MEANS: ['verbal_intimidation'], AIMS: ['adjust_report'], WANT: ['investigation'], MEETING: 'no' });
      expect((await (await openWithReceipt(t, receipt)).get('/my-report')).html).toContain('Na de upgrade.');
      expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: true });
    });

    it('makes everything it held the first organisation’s, and takes a second organisation beside it', async () => {
      const [first] = await t.services.db.select().from(organisations);
      for (const table of [cases, users, routes, bodyAdmissions]) {
        const rows = await t.services.db.select({ organisationId: table.organisationId }).from(table);
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.organisationId))).toEqual(new Set([first!.id]));
      }
      // The entries written before the upgrade keep their hashes: the first organisation's chain
      // holds them (audit_legacy_until) and goes on from them.
      expect(first!.auditLegacyUntil).toBeGreaterThan(0);
      const second = await unsafeCreateOrganisation(t.services, { name: 'Nieuwe Dienst' });
      expect(second.slug).toBe('nieuwe-dienst');
      expect((await new FormClient(t).get('/o/nieuwe-dienst/')).html).toContain('Nieuwe Dienst');
      // A receipt of the first organisation does not open at the second.
      expect((await new FormClient(t).submit('/o/nieuwe-dienst/receipt', '/o/nieuwe-dienst/receipt', { receipt: fixture.receipts.anonymous })).status).toBe(422);
      expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: true });
    });
  });
}

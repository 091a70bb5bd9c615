import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { BackupRefused, createBackup } from '../../src/backup/create-backup.js';
import { backupTables, organisationRows } from '../../src/backup/backup-tables.js';
import { restoreBackup, RestoreRefused } from '../../src/backup/restore-backup.js';
import { cases, caseStatistics, organisations, users } from '../../src/db/schema.js';
import { unsafeVerifyAudit } from '../../src/domain/audit/verify-audit.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { unsafeShareCommission } from '../../src/domain/organisation/share-commission.js';
import { FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// One organisation moves out of an installation of several: its backup holds its rows and no one
// else's, and it restores into another installation (same server key) beside what is there.
const secret = randomBytes(32).toString('hex');
const B = '/o/tweede';
let original: TestApp;
let second: string;
let shared: string;
let secretaryB: TestStaff;
let secretaryA: TestStaff;
let receiptB: string;
let file: string;
let dir: string;

beforeAll(async () => {
  original = await createTestApp({ SESSION_SECRET: secret });
  second = (await unsafeCreateOrganisation(original.services, { name: 'Tweede Dienst', slug: 'tweede' })).id;
  shared = (await unsafeCreateOrganisation(original.services, { name: 'Gedeelde Dienst', slug: 'gedeeld' })).id;
  await unsafeShareCommission(original.services, shared, original.organisationId);
  secretaryA = await createStaff(original, ['secretary']);
  await createStaff(original, ['chair']);
  secretaryB = await createStaff(original, ['secretary'], undefined, { organisationId: second });
  await createStaff(original, ['chair'], undefined, { organisationId: second });
  await reportThroughForm(original, { KIND: 'improper_pressure', WHAT: 'Melding-van-A die in A blijft.', WANT: ['advice'] });
  receiptB = await reportThroughForm(original, { KIND: 'improper_pressure', WHAT: 'Melding-van-B die mee verhuist.', WANT: ['advice'] }, { client: new FormClient(original, undefined, B) });
  const caseB = (await original.services.db.select().from(cases).where(eq(cases.organisationId, second)).limit(1))[0]!.id;
  const handler = await logInAs(original, secretaryB, undefined, B);
  await declareNoRelation(handler, caseB);
  expect((await handler.submit(`/staff/cases/${caseB}`, `/staff/cases/${caseB}/messages`, { text: 'Antwoord-aan-B.' })).status).toBe(303);
  dir = await mkdtemp(join(tmpdir(), 'tegenspraak-org-backup-'));
  file = join(dir, 'tweede.jsonl.gz');
});
afterAll(() => original.close());

describe('backup and restore of one organisation', () => {
  it('every table in the backup says how it belongs to an organisation', () => {
    for (const [name] of backupTables) expect(() => organisationRows(name, second)).not.toThrow();
  });

  it('writes only that organisation: none of the other organisations, their accounts or their cases', async () => {
    const { rows } = await createBackup(original.services, file, { organisationId: second });
    expect(rows).toBeGreaterThan(10);
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!).organisation).toMatchObject({ id: second, slug: 'tweede' });
    const text = lines.join('\n');
    expect(text).toContain(second);
    for (const foreign of [original.organisationId, shared, secretaryA.userId, 'testorganisatie', 'Gedeelde Dienst']) expect(text).not.toContain(foreign);
    for (const plain of ['Melding-van-B', 'Antwoord-aan-B']) expect(text).not.toContain(plain);
    // Every row of a table with an organisation column names this organisation.
    for (const line of lines.slice(1)) {
      const { row } = JSON.parse(line) as { row: Record<string, unknown> };
      for (const column of ['organisationId', 'ownerId', 'bodyOrganisationId', 'handledBy']) if (column in row && row[column] !== null) expect(row[column]).toBe(second);
    }
  });

  it('refuses an organisation that shares a commission, either side of the sharing', async () => {
    await expect(createBackup(original.services, join(dir, 'a.gz'), { organisationId: shared })).rejects.toBeInstanceOf(BackupRefused);
    await expect(createBackup(original.services, join(dir, 'b.gz'), { organisationId: original.organisationId })).rejects.toThrow(/shares a commission/);
    // Also when only a purged case's anonymous row names another commission: the row would point outside the backup.
    const earlier = (await unsafeCreateOrganisation(original.services, { name: 'Vroeger Gedeeld', slug: 'vroeger-gedeeld' })).id;
    await createBackup(original.services, join(dir, 'c.gz'), { organisationId: earlier });
    const [row] = await original.services.db
      .insert(caseStatistics)
      .values({ organisationId: earlier, handledBy: original.organisationId, routeCode: 'commission', receivedOn: '2025-01-01', purgedOn: '2026-01-01' })
      .returning({ id: caseStatistics.id });
    await expect(createBackup(original.services, join(dir, 'd.gz'), { organisationId: earlier })).rejects.toThrow(/shares a commission/);
    await original.services.db.delete(caseStatistics).where(eq(caseStatistics.id, row!.id));
  });

  it('restores beside another organisation: the same handler reads the case, the receipt opens, the audit verifies', async () => {
    const target = await createTestApp({ SESSION_SECRET: secret });
    try {
      await createStaff(target, ['secretary']);
      await createStaff(target, ['chair']);
      await reportThroughForm(target, { KIND: 'improper_pressure', WHAT: 'Eigen melding van het doel.', WANT: ['advice'] });
      const before = (await target.services.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n;
      expect(await restoreBackup(target.services, file)).toMatchObject({ organisation: 'tweede' });
      target.clock.ms = original.clock.ms + 60_000;
      const handler = await logInAs(target, secretaryB, undefined, B);
      const caseB = (await target.services.db.select().from(cases).where(eq(cases.organisationId, second)))[0]!.id;
      const page = (await handler.get(`/staff/cases/${caseB}`)).html;
      expect(page).toContain('Melding-van-B die mee verhuist.');
      expect(page).toContain('Antwoord-aan-B.');
      expect((await (await openWithReceipt(target, receiptB, B)).get('/my-report')).html).toContain('Antwoord-aan-B.');
      // The target's own organisation is untouched, and B's handler still cannot reach it.
      expect((await target.services.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n).toBe(before + 1);
      expect((await handler.get('/o/testorganisatie/staff/cases')).status).not.toBe(200);
      expect((await unsafeVerifyAudit(target.services)).ok).toBe(true);
      // Once there, it is not restored a second time.
      await expect(restoreBackup(target.services, file)).rejects.toThrow(/already holds an organisation at the address "tweede"/);
    } finally {
      await target.close();
    }
  });

  it('refuses, and restores nothing, when an account of the backup already exists there', async () => {
    const target = await createTestApp({ SESSION_SECRET: secret });
    try {
      // The same account (its id) already here, in another organisation.
      await target.services.db.insert(users).values({ id: secretaryB.userId, organisationId: target.organisationId, email: 'ander@example.nl', displayName: 'Zelfde account' });
      await expect(restoreBackup(target.services, file)).rejects.toBeInstanceOf(RestoreRefused);
      expect(await target.services.db.select().from(organisations).where(eq(organisations.slug, 'tweede'))).toHaveLength(0);
      expect(await target.services.db.select().from(users).where(and(eq(users.organisationId, second)))).toHaveLength(0);
      expect((await target.services.db.select().from(cases).orderBy(desc(cases.receivedAt))).length).toBe(0);
    } finally {
      await target.close();
    }
  });
});

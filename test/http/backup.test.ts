import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { createBackup } from '../../src/backup/create-backup.js';
import { restoreBackup, RestoreRefused } from '../../src/backup/restore-backup.js';
import * as schema from '../../src/db/schema.js';
import { cases, users } from '../../src/db/schema.js';
import { backupTables, notBackedUp } from '../../src/backup/backup-tables.js';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { unsafeVerifyAudit } from '../../src/domain/audit/verify-audit.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A round trip: back up a working installation, restore it into an empty one started with the
// same server key, and read the same cases with the same passwords and receipts.
const secret = randomBytes(32).toString('hex');
let original: TestApp;
let secretary: TestStaff;
let receipt: string;
let file: string;

beforeAll(async () => {
  original = await createTestApp({ SESSION_SECRET: secret });
  secretary = await createStaff(original, ['secretary']);
  await createStaff(original, ['chair']);
  receipt = await reportThroughForm(
    original,
    { KIND: 'improper_pressure', WHAT: 'Terugzet-inhoud die versleuteld moet blijven.', WANT: ['advice'] },
    { anonymity: 'confidential', identity: { name: 'Bram Back-up', contact: 'bram@prive.example' }, files: [{ name: 'bijlage.txt', bytes: Buffer.from('bijlage-inhoud-geheim') }] },
  );
  const caseId = (await original.services.db.select().from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  const handler = await logInAs(original, secretary);
  await declareNoRelation(handler, caseId);
  expect((await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/messages`, { text: 'Antwoord-van-de-commissie.' })).status).toBe(303);
  file = join(await mkdtemp(join(tmpdir(), 'tegenspraak-backup-')), 'backup.jsonl.gz');
});
afterAll(() => original.close());

describe('backup and restore', () => {
  it('holds every table of the schema, or names it as left out on purpose', () => {
    const all = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableName(table as PgTable));
    const named = [...backupTables.map(([name]) => name), ...notBackedUp];
    expect(all.filter((name) => !named.includes(name))).toEqual([]);
  });

  it('writes a backup in which content stays encrypted', async () => {
    const { rows } = await createBackup(original.services, file);
    expect(rows).toBeGreaterThan(10);
    const text = gunzipSync(await readFile(file)).toString('utf8');
    expect(text.split('\n')[0]).toContain('"format":"tegenspraak-backup"');
    for (const plain of ['Terugzet-inhoud', 'Bram Back-up', 'bram@prive.example', 'bijlage-inhoud-geheim', 'bijlage.txt', 'Antwoord-van-de-commissie']) expect(text).not.toContain(plain);
  });

  it('restores into an empty installation, readable by the same handler and the same receipt', async () => {
    const restored = await createTestApp({ SESSION_SECRET: secret }, { organisation: false });
    try {
      expect((await restoreBackup(restored.services, file)).rows).toBeGreaterThan(10);
      // The clock moves past the original's last used TOTP step.
      restored.clock.ms = original.clock.ms + 60_000;
      const handler = await logInAs(restored, secretary);
      const caseId = (await restored.services.db.select().from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
      const page = (await handler.get(`/staff/cases/${caseId}`)).html;
      expect(page).toContain('Terugzet-inhoud die versleuteld moet blijven.');
      expect(page).toContain('Antwoord-van-de-commissie.');
      const fileId = /\/files\/([0-9a-f-]{36})"/.exec(page)![1]!;
      expect((await handler.get(`/staff/cases/${caseId}/files/${fileId}`)).html).toBe('bijlage-inhoud-geheim');
      const mine = (await (await openWithReceipt(restored, receipt)).get('/my-report')).html;
      expect(mine).toContain('Antwoord-van-de-commissie.');
      expect((await unsafeVerifyAudit(restored.services)).ok).toBe(true);
      // The number counters came along: the next report takes the next number, not the first again.
      await reportThroughForm(restored, { KIND: 'improper_pressure', WHAT: 'Na het terugzetten.', WANT: ['advice'] });
      const numbers = (await restored.services.db.select({ number: cases.number }).from(cases)).map((row) => row.number).sort();
      expect(numbers).toHaveLength(2);
      expect(new Set(numbers).size).toBe(2);
      // A second restore over it is refused: only into an empty installation.
      await expect(restoreBackup(restored.services, file)).rejects.toBeInstanceOf(RestoreRefused);
    } finally {
      await restored.close();
    }
  });

  it('sets the next deadlines again when the backup has none (made before they were kept on the case)', async () => {
    const restored = await createTestApp({ SESSION_SECRET: secret }, { organisation: false });
    try {
      const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
      // As an older version wrote them: the cases' rows without the deadline.
      const older = lines.map((line) => {
        const record = JSON.parse(line) as { table?: string; row?: Record<string, unknown> };
        if (record.table !== 'cases' || !record.row) return line;
        expect(Object.keys(record.row)).toContain('dueOn');
        delete record.row.dueOn;
        return JSON.stringify(record);
      });
      const path = join(await mkdtemp(join(tmpdir(), 'tegenspraak-older-')), 'older.jsonl.gz');
      await writeFile(path, gzipSync(older.join('\n')));
      await restoreBackup(restored.services, path);
      const before = await original.services.db.select({ id: cases.id, dueOn: cases.dueOn }).from(cases);
      const after = await restored.services.db.select({ id: cases.id, dueOn: cases.dueOn }).from(cases);
      expect(after.filter((row) => row.dueOn !== null).length).toBeGreaterThan(0);
      expect(Object.fromEntries(after.map((row) => [row.id, row.dueOn]))).toEqual(Object.fromEntries(before.map((row) => [row.id, row.dueOn])));
    } finally {
      await restored.close();
    }
  });

  it('gives purged figures from a backup made before they named their commission the one that handled them', async () => {
    const restored = await createTestApp({ SESSION_SECRET: secret }, { organisation: false });
    try {
      const org = original.organisationId;
      const [row] = await original.services.db
        .insert(schema.caseStatistics)
        .values({ organisationId: org, handledBy: org, routeCode: 'commission', receivedOn: '2025-02-02', purgedOn: '2026-02-02' })
        .returning({ id: schema.caseStatistics.id });
      const path = join(await mkdtemp(join(tmpdir(), 'tegenspraak-older-')), 'stats.jsonl.gz');
      await createBackup(original.services, path);
      await original.services.db.delete(schema.caseStatistics).where(sql`${schema.caseStatistics.id} = ${row!.id}`);
      // As an older version wrote them: without the handling commission.
      const lines = gunzipSync(await readFile(path)).toString('utf8').trimEnd().split('\n').map((line) => {
        const record = JSON.parse(line) as { table?: string; row?: Record<string, unknown> };
        if (record.table !== 'case_statistics' || !record.row) return line;
        expect(record.row.handledBy).toBe(org);
        delete record.row.handledBy;
        return JSON.stringify(record);
      });
      await writeFile(path, gzipSync(lines.join('\n')));
      await restoreBackup(restored.services, path);
      const [back] = await restored.services.db.select().from(schema.caseStatistics);
      expect(back).toMatchObject({ organisationId: org, handledBy: org });
    } finally {
      await restored.close();
    }
  });

  it('refuses a damaged file and leaves the empty installation empty', async () => {
    const restored = await createTestApp({ SESSION_SECRET: secret }, { organisation: false });
    try {
      const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
      const damaged = join(await mkdtemp(join(tmpdir(), 'tegenspraak-damaged-')), 'damaged.jsonl.gz');
      // Good rows first, then a line naming a table that does not exist: nothing may stay behind.
      await writeFile(damaged, gzipSync([...lines, JSON.stringify({ table: 'no_such_table', row: {} })].join('\n')));
      await expect(restoreBackup(restored.services, damaged)).rejects.toBeInstanceOf(RestoreRefused);
      expect((await restored.services.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n).toBe(0);
      await writeFile(damaged, gzipSync('{"format":"something-else","version":1}\n'));
      await expect(restoreBackup(restored.services, damaged)).rejects.toThrow(/not a Tegenspraak backup/);
      await writeFile(damaged, Buffer.from('not gzip at all'));
      await expect(restoreBackup(restored.services, damaged)).rejects.toThrow();
      await expect(restoreBackup(restored.services, join(tmpdir(), 'no-such-backup.gz'))).rejects.toThrow(/ENOENT/);
      expect((await restored.services.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n).toBe(0);
    } finally {
      await restored.close();
    }
  });
});

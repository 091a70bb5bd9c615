import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog, cases } from '../../src/db/schema.js';
import { appendAudit } from '../../src/domain/audit/append-audit.js';
import { isMessageKey } from '../../src/i18n/index.js';
import { parseCsv } from '../../src/domain/surveys/csv.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import type { FormClient } from '../support/form-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The chair's audit page: the verdict over the whole chain on top, readable labels in both
// languages, one case's entries, paging back to the first entry, and an export for Excel.
let t: TestApp;
let chair: TestStaff;
let secretary: TestStaff;
let client: FormClient;
const numbers: string[] = [];
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  chair = await createStaff(t, ['chair']);
  secretary = await createStaff(t, ['secretary']);
  for (const what of ['Eerste logboekmelding.', 'Tweede logboekmelding.']) {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: what, WANT: ['advice'] });
    const [row] = await t.services.db.select({ id: cases.id, number: cases.number }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
    numbers.push(row!.number);
    ids.push(row!.id);
  }
  const handler = await logInAs(t, secretary);
  await declareNoRelation(handler, ids[0]!);
  // Enough entries about the first case for more than one page.
  for (let i = 0; i < 120; i++) await appendAudit(t.services, { organisationId: t.organisationId, actorKind: 'staff', actorUserId: secretary.userId, action: 'case.opened', caseId: ids[0]!, detail: {} });
  client = await logInAs(t, chair);
});
afterAll(() => t.close());

const seqs = (html: string) => [...html.matchAll(/<tr class="utrecht-table__row"><td class="utrecht-table__cell">(\d+)<\/td>/g)].map((m) => Number(m[1]));

describe('the audit page', () => {
  it('puts the verdict first and labels every entry in the reader’s language, with its code', async () => {
    const html = (await client.get('/staff/audit')).html;
    expect(html.indexOf('Het logboek is compleet en ongewijzigd')).toBeGreaterThan(-1);
    expect(html.indexOf('Het logboek is compleet en ongewijzigd')).toBeLessThan(html.indexOf('<table'));
    expect(html).toContain('Melding geopend <code class="utrecht-code">case.opened</code>');
    const english = (await client.get('/staff/audit?lang=en')).html;
    expect(english).toContain('Case opened <code class="utrecht-code">case.opened</code>');
  });

  it('pages back through the whole chain, a hundred at a time, without gaps or repeats', async () => {
    const total = (await t.services.db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.organisationId, t.organisationId))).length;
    expect(total).toBeGreaterThan(120);
    const seen: number[] = [];
    let path = '/staff/audit';
    for (let pages = 0; pages < 10; pages++) {
      const html = (await client.get(path)).html;
      seen.push(...seqs(html));
      const older = /href="(\/staff\/audit\?before=\d+)"/.exec(html.replace(/&amp;/g, '&'));
      if (!older) break;
      path = older[1]!;
    }
    expect(seen).toHaveLength(total);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('shows one case’s entries by its number or code, and says so when the search names no case', async () => {
    const second = (await client.get(`/staff/audit?case=${numbers[1]!.toLowerCase()}`)).html;
    const rows = seqs(second);
    const expected = await t.services.db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.caseId, ids[1]!));
    expect(rows.sort()).toEqual(expected.map((r) => r.seq).sort());
    expect(second).toContain(`Regels over melding ${numbers[1]!.toLowerCase()}`);
    expect(seqs((await client.get(`/staff/audit?case=${ids[1]!.slice(0, 8)}`)).html).sort()).toEqual(rows.sort());
    // Numbers the database cannot hold are no filter, never an error.
    for (const path of ['/staff/audit?before=3000000000', '/staff/audit?before=99999999999999999999', '/staff/audit.csv?before=3000000000']) expect((await client.get(path)).status, path).toBe(200);
    const words = await client.get('/staff/audit?case=directeur');
    expect(words.status).toBe(200);
    expect(words.html).toContain('is geen meldingnummer of code uit het logboek');
    expect(seqs(words.html)).toHaveLength(0);
  });

  it('exports the entries as CSV for Dutch Excel, one case or all', async () => {
    const response = await client.get('/staff/audit.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // UTF-8 with a byte-order mark, so that Excel reads the accents right.
    expect([...response.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = response.html;
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Nummer', 'Tijdstip', 'Wie', 'Wat', 'Code', 'Meldingnummer', 'Meldingcode']);
    const total = (await t.services.db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.organisationId, t.organisationId))).length;
    expect(rows).toHaveLength(total + 1);
    expect(text.split('\r\n')[0]).toContain(';');
    const one = parseCsv((await client.get(`/staff/audit.csv?case=${numbers[1]}`)).html);
    expect(one.slice(1).every((row) => row[5] === numbers[1])).toBe(true);
    expect(one.length).toBeGreaterThan(1);
  });

  it('is the chair’s only: the secretary and the administrator are refused, page and export', async () => {
    const admin = await createStaff(t, ['administrator']);
    for (const who of [secretary, admin]) {
      const other = await logInAs(t, who);
      expect((await other.get('/staff/audit')).status).toBe(403);
      expect((await other.get('/staff/audit.csv')).status).toBe(403);
    }
  });
});

describe('audit labels', () => {
  it('exist in both languages for every action the code writes', async () => {
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(path);
      }
    };
    await walk('src');
    const actions = new Set<string>(['case.in_handling', 'case.concluded', 'case.feedback_given', 'case.closed', 'minutes.confirmed', 'minutes.corrected', 'transfer.accepted', 'transfer.declined', 'identity.refused', 'identity.granted', 'identity.released']);
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(/action: '([a-z_-]+\.[a-z_.-]+)'/g)) actions.add(match[1]!);
      for (const match of source.matchAll(/caseStep\(\s*s,\s*actor,\s*caseId,\s*[^,]+,\s*'([a-z_-]+\.[a-z_.-]+)'/g)) actions.add(match[1]!);
    }
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((action) => !isMessageKey(`audit.action.${action}`))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { cases } from '../../src/db/schema.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { unsafeShareCommission } from '../../src/domain/organisation/share-commission.js';
import { normaliseCaseNumber, takeCaseNumber } from '../../src/domain/cases/case-number.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportOnRoute, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A case number people can say and search for: per handling organisation, route and year, given in
// the submitting transaction, without gaps or duplicates, also when reports arrive at once.
let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
const SMALL = '/o/kleine-dienst';

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair', 'ethics_panel_member']);
  const small = (await unsafeCreateOrganisation(t.services, { name: 'Kleine Dienst', slug: 'kleine-dienst' })).id;
  await createStaff(t, ['administrator'], undefined, { organisationId: small });
  await unsafeShareCommission(t.services, small, t.organisationId);
});
afterAll(() => t.close());

const numbersOf = async (route: string) => (await t.services.db.select({ number: cases.number }).from(cases).where(eq(cases.routeCode, route)).orderBy(asc(cases.receivedAt))).map((r) => r.number);

describe('case numbers', () => {
  it('numbers each route per year from 0001, shared-commission reports in the same series, and shows the number to handler and reporter', async () => {
    const first = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Eerste melding.', WANT: ['advice'] });
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Tweede, van de kleine dienst.', WANT: ['advice'] }, { client: new FormClient(t, undefined, SMALL) });
    await reportOnRoute(t, 'ethics', [{ QUESTION: 'Mag ik dit advies afzwakken?' }]);
    expect(await numbersOf('commission')).toEqual(['IC-2026-0001', 'IC-2026-0002']);
    expect(await numbersOf('ethics')).toEqual(['EP-2026-0001']);

    const handler = await logInAs(t, secretary);
    const inbox = (await handler.get('/staff/cases')).html;
    expect(inbox).toContain('IC-2026-0001');
    expect(inbox).toContain('IC-2026-0002');
    // Searched as people type it: lower case, without leading zeros.
    const found = (await handler.get('/staff/cases?search=ic-2026-2')).html;
    expect(found.match(/data-testid="case-number">([^<]+)</g)).toEqual(['data-testid="case-number">IC-2026-0002<']);
    const [row] = await t.services.db.select().from(cases).where(eq(cases.number, 'IC-2026-0001'));
    await declareNoRelation(handler, row!.id);
    expect((await handler.get(`/staff/cases/${row!.id}`)).html).toContain('Melding IC-2026-0001: ');
    expect((await (await openWithReceipt(t, first)).get('/my-report')).html).toContain('data-testid="case-number">IC-2026-0001<');
    // The chair's audit page names the case by its number.
    const audit = (await (await logInAs(t, chair)).get('/staff/audit')).html;
    expect(audit).toContain('IC-2026-0001 · ');
  });

  it('gives parallel submissions each their own number, without gaps', async () => {
    const before = (await numbersOf('commission')).length;
    await Promise.all(Array.from({ length: 6 }, (_, i) => reportThroughForm(t, { KIND: 'improper_pressure', WHAT: `Tegelijk ${i}.`, WANT: ['advice'] })));
    const numbers = await numbersOf('commission');
    expect(numbers).toHaveLength(before + 6);
    expect([...numbers].sort()).toEqual(Array.from({ length: before + 6 }, (_, i) => `IC-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('hands out numbers from overlapping transactions without duplicates or gaps (on PostgreSQL they really overlap)', async () => {
    const taken = await Promise.all(Array.from({ length: 20 }, () => t.services.db.transaction((tx) => takeCaseNumber(tx, t.organisationId, 'advisor', 2031))));
    expect([...taken].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `VA-2031-${String(i + 1).padStart(4, '0')}`));
  });

  it('never puts a number in mail: a sequential number would tell the mail system how many reports arrive', async () => {
    t.clock.advance(9 * 24 * 3600_000);
    const report = await runDueJobs(t.services);
    expect(report.reminders + report.digests).toBeGreaterThan(0);
    expect(t.mail.received.length).toBeGreaterThan(0);
    for (const mail of t.mail.received) expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\b(IC|EP|VA|RS)-\d{4}-\d+/);
  });

  it('says after each step what happened and what the reporter sees of it, not that a message went out', async () => {
    const handler = await logInAs(t, secretary);
    const [row] = await t.services.db.select().from(cases).where(eq(cases.number, 'IC-2026-0002'));
    await declareNoRelation(handler, row!.id);
    const after = async (action: string, fields: Record<string, string>) => {
      const response = await handler.postWithOwnToken(`/staff/cases/${row!.id}/${action}`, fields);
      expect(response.status, action).toBe(303);
      expect(response.location, action).not.toContain('stale');
      return (await handler.get(response.location!)).html;
    };
    expect(await after('acknowledge', { ackNote: '' })).toContain('De ontvangst is bevestigd.');
    const assessed = await after('assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'normal', retaliationRisk: 'low', measures: '' });
    expect(assessed).toContain('De beoordeling is opgeslagen. De melder ziet alleen de status, niet uw beoordeling.');
    expect(assessed).not.toContain('Uw bericht is versleuteld verstuurd');
    expect(await after('notes', { noteText: 'Intern.' })).toContain('Alleen behandelaars lezen haar, de melder niet.');
    expect(await after('messages', { text: 'Aan de melder.' })).toContain('Uw bericht is versleuteld verstuurd.');
    // An unknown kind in the address shows no banner at all.
    expect((await handler.get(`/staff/cases/${row!.id}?done=%3Cscript%3E`)).html).not.toContain('utrecht-alert--ok');
  });

  it('reads typed numbers the way people write them, and nothing else', () => {
    expect(normaliseCaseNumber(' ic-2026-42 ')).toBe('IC-2026-0042');
    expect(normaliseCaseNumber('IC-2026-12345')).toBe('IC-2026-12345');
    for (const bad of ['IC-26-1', 'IC2026-1', "IC-2026-1' or 1=1", '']) expect(normaliseCaseNumber(bad)).toBeNull();
  });
});

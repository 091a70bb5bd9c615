import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, cases } from '../../src/db/schema.js';
import { unsafeVerifyAuditChain } from '../../src/domain/audit/verify-audit.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { unsafeShareCommission } from '../../src/domain/organisation/share-commission.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 13: a small organisation without a commission of its own shares another's. Its reporters
// use its own address and see who will read; the commission's members receive the report with the
// organisation named; the cases stay where they were received when the sharing ends.
let t: TestApp;
let small = '';
const C = '/o/kleine-dienst';
let chair: TestStaff;
let secretary: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  small = (await unsafeCreateOrganisation(t.services, { name: 'Kleine Dienst', slug: 'kleine-dienst' })).id;
  chair = await createStaff(t, ['chair']);
  secretary = await createStaff(t, ['secretary']);
  await createStaff(t, ['administrator'], undefined, { organisationId: small });
});
afterAll(() => t.close());

const report = (what: string) => reportThroughForm(t, { KIND: 'improper_pressure', WHAT: what, WANT: ['advice'] }, { client: new FormClient(t, undefined, C) });

describe('a shared commission', () => {
  it('takes no report before it is shared: the small organisation has no commission of its own', async () => {
    const page = await new FormClient(t, undefined, C).get('/report/commission');
    expect(page.html).not.toContain('Test secretary');
    expect(page.html).toContain('Op dit moment kan niemand meldingen via deze route lezen');
  });

  it('seals the small organisation’s reports to the other commission, names the organisation on the case, and records it in both chains', async () => {
    await unsafeShareCommission(t.services, small, t.organisationId);
    // The reporter sees, on the small organisation's own start page, who will read.
    const home = await new FormClient(t, undefined, C).get('/');
    expect(home.html).toContain('Kleine Dienst');
    expect(home.html).toContain('Test secretary');

    const receipt = await report('Melding bij de kleine dienst.');
    const [row] = await t.services.db.select({ id: cases.id, organisationId: cases.organisationId, handledBy: cases.handledBy }).from(cases).where(eq(cases.organisationId, small));
    expect(row).toMatchObject({ organisationId: small, handledBy: t.organisationId });

    const handler = await logInAs(t, secretary);
    const inbox = await handler.get('/staff/cases');
    expect(inbox.html).toContain(`/staff/cases/${row!.id}`);
    expect(inbox.html).toContain('Kleine Dienst');
    await handler.submit(`/staff/cases/${row!.id}`, `/staff/cases/${row!.id}/declaration`, { decision: 'no_relation' });
    const casePage = await handler.get(`/staff/cases/${row!.id}`);
    expect(casePage.html).toContain('Melding bij de kleine dienst.');
    expect(casePage.html).toContain('Deze melding gaat over Kleine Dienst');

    // The commission's own chain records the handling; both record the sharing; both verify.
    const actions = async (chain: string) => (await t.services.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organisationId, chain))).map((r) => r.action);
    expect(await actions(t.organisationId)).toEqual(expect.arrayContaining(['commission.shared', 'report.submitted', 'case.opened']));
    expect(await actions(small)).toContain('commission.shared');
    expect(await actions(small)).not.toContain('report.submitted');
    expect(await unsafeVerifyAuditChain(t.services, t.organisationId)).toMatchObject({ ok: true });
    expect(await unsafeVerifyAuditChain(t.services, small)).toMatchObject({ ok: true });

    // The chair changes who may open reporters' names: recorded in the commission's chain and in the served organisation's own.
    const chairClient = await logInAs(t, chair);
    expect((await chairClient.submit('/staff/commission-settings', '/staff/commission-settings/custodian/commission', { custodian_commission: 'secretary' })).status).toBe(303);
    expect(await actions(t.organisationId)).toContain('commission.custodian-set');
    expect(await actions(small)).toContain('commission.custodian-set');
    expect(await unsafeVerifyAuditChain(t.services, small)).toMatchObject({ ok: true });
    expect((await chairClient.submit('/staff/commission-settings', '/staff/commission-settings/custodian/commission', { custodian_commission: 'chair' })).status).toBe(303);

    // The reporter returns at their own organisation's address, and only there.
    expect((await (await openWithReceipt(t, receipt, C)).get('/my-report')).html).toContain('Melding bij de kleine dienst.');
    expect((await new FormClient(t).submit('/receipt', '/receipt', { receipt })).status).toBe(422);

    // The commission's members are told.
    expect((await (await logInAs(t, chair)).get('/staff')).html).toContain('gaan voortaan naar de commissie van Testorganisatie');
  });

  it('refuses once to send a report begun before the sharing changed, and sends it to the new readers when sent again', async () => {
    // A third organisation with a commission of its own; a reporter there is half-way when it starts sharing.
    const own = (await unsafeCreateOrganisation(t.services, { name: 'Eigen Dienst', slug: 'eigen-dienst' })).id;
    await createStaff(t, ['secretary'], undefined, { organisationId: own });
    const client = new FormClient(t, undefined, '/o/eigen-dienst');
    let page = await client.get('/report/commission');
    const next = async (fields: Record<string, string | string[]>) => {
      page = await client.post('/report/commission', { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
    };
    await next({ anonymity: 'anonymous', _go: 'next' });
    await next({ KIND: 'improper_pressure', WHAT: 'Begonnen bij de eigen commissie.', _go: 'next' });
    await next({ _go: 'next' });
    await next({ _go: 'next' });
    await next({ WANT: ['advice'], _go: 'next' });
    await unsafeShareCommission(t.services, own, t.organisationId);
    await next({ _go: 'send' });
    expect(page.status).toBe(422);
    expect(page.html).toContain('Sinds u begon, leest een andere commissie de meldingen van deze route');
    expect(await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.organisationId, own))).toEqual([]);
    await next({ _go: 'send' });
    expect(page.status).toBe(201);
    const [row] = await t.services.db.select({ handledBy: cases.handledBy }).from(cases).where(eq(cases.organisationId, own));
    expect(row?.handledBy).toBe(t.organisationId);
  });

  it('keeps the cases it received when the sharing ends, and takes no new report for the small organisation', async () => {
    await unsafeShareCommission(t.services, small, null);
    const [row] = await t.services.db.select({ id: cases.id }).from(cases).where(and(eq(cases.organisationId, small), eq(cases.handledBy, t.organisationId)));
    const handler = await logInAs(t, secretary);
    expect((await handler.get(`/staff/cases/${row!.id}`)).status).toBe(200);
    const home = await new FormClient(t, undefined, C).get('/');
    expect(home.html).not.toContain('Test secretary');
    expect((await new FormClient(t, undefined, C).get('/report/commission')).html).toContain('Op dit moment kan niemand meldingen via deze route lezen');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { cases, surveyOrganisations } from '../../src/db/schema.js';
import { caseAction } from '../support/case-steps.js';
import type { FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// SQL-injection and script payloads in every text field a person can fill in are stored as text
// and shown back inert, wherever they are shown.
const PAYLOAD = `<script>alert("x")</script><img src=x onerror=alert(1)>' OR 1=1; drop table cases; --`;
const RAW = ['<script>alert("x")</script>', '<img src=x onerror'];
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

let t: TestApp;
let caseId: string;
let receipt: string;
let secretary: FormClient;
let chair: FormClient;

function expectInert(html: string, where: string) {
  for (const raw of RAW) expect(html, where).not.toContain(raw);
  expect(html, where).toContain(ESCAPED);
}

beforeAll(async () => {
  t = await createTestApp();
  const sec = await createStaff(t, ['secretary']);
  const ch = await createStaff(t, ['chair']);
  await createStaff(t, ['commission_member']);
  receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: PAYLOAD, WHEN: PAYLOAD, WANT: ['advice'] }, { anonymity: 'confidential', identity: { name: PAYLOAD, contact: PAYLOAD } });
  caseId = (await t.services.db.select().from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  secretary = await logInAs(t, sec);
  chair = await logInAs(t, ch);
  await declareNoRelation(secretary, caseId);
  await declareNoRelation(chair, caseId);
});
afterAll(() => t.close());

describe('injection and script payloads', () => {
  it('in every case text field, as staff and reporter see them', async () => {
    const steps: Array<[string, Record<string, string>]> = [
      ['acknowledge', { ackNote: PAYLOAD }],
      ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: PAYLOAD, priority: 'normal', retaliationRisk: 'low', measures: PAYLOAD }],
      ['notes', { noteText: PAYLOAD }],
      ['messages', { text: PAYLOAD }],
      ['extend', { months: '1', extensionReason: PAYLOAD }],
      ['advance', { to: 'in_handling', stepText: PAYLOAD }],
      ['interventions', { kind: 'mediation', who: PAYLOAD, what: PAYLOAD }],
      ['decision', { outcome: 'founded', conclusion: PAYLOAD }],
      ['recommendations', { addressee: PAYLOAD, recommendationText: PAYLOAD }],
      ['minutes', { meetingOn: '2026-11-22', minutesText: PAYLOAD }],
    ];
    for (const [action, fields] of steps) expect(await caseAction(secretary, caseId, action, fields), action).toBe(303);
    const vote = /action="(\/staff\/cases\/[0-9a-f-]+\/decision\/[0-9a-f-]+\/vote)"/.exec((await chair.get(`/staff/cases/${caseId}/decision`)).html)![1]!;
    expect((await chair.submit(`/staff/cases/${caseId}/decision`, vote, { position: 'dissent', voteReason: PAYLOAD })).status).toBe(303);
    // The secretary asks for the identity; the chair, its custodian, sees the reason.
    expect(await caseAction(secretary, caseId, 'identity', { requestReason: PAYLOAD })).toBe(303);

    for (const page of ['', '/interventions', '/decision', '/identity', '/minutes']) expectInert((await chair.get(`/staff/cases/${caseId}${page}`)).html, `staff ${page || 'case'}`);
    const reporter = await openWithReceipt(t, receipt);
    expectInert((await reporter.get('/my-report')).html, 'reporter page');
    expect((await reporter.submit('/my-report', '/my-report/messages', { text: PAYLOAD })).status).toBe(303);
    expectInert((await secretary.get(`/staff/cases/${caseId}`)).html, 'reporter message on the staff page');
    // Still one table of cases, with every case in it.
    expect((await t.services.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n).toBeGreaterThan(0);
  });

  it('in the administrator\'s and the analyst\'s text fields', async () => {
    const admin = await logInAs(t, await createStaff(t, ['administrator']));
    expect((await admin.submit('/staff/settings', '/staff/settings', { name: PAYLOAD.slice(0, 150), defaultLanguage: 'nl', contactText: PAYLOAD, commissionText: PAYLOAD, panelText: PAYLOAD, retentionMonths: '24', timeZone: 'Europe/Amsterdam', headcount: '', languages: ['nl', 'en'] })).status).toBe(303);
    const home = (await (await logInAs(t, await createStaff(t, ['analyst']))).get('/')).html;
    expectInert(home, 'start page');
    expect((await admin.submit('/staff/users', '/staff/users', { displayName: PAYLOAD.slice(0, 100), email: 'payload@example.nl', roles: 'secretary' })).status).toBeLessThan(400);
    expectInert((await admin.get('/staff/users')).html, 'users');

    const analyst = await logInAs(t, await createStaff(t, ['analyst']));
    // The organisation's own unit already carries the payload as its name; this one is a part of it.
    expect((await analyst.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: `${PAYLOAD.slice(0, 140)} (afdeling)`, sector: 'other' })).status).toBe(303);
    const [org] = await t.services.db.select().from(surveyOrganisations);
    const created = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: PAYLOAD.slice(0, 150), organisationIds: [org!.id], extraNl: PAYLOAD, extraEn: PAYLOAD });
    expect(created.status).toBe(303);
    expectInert((await analyst.get('/staff/surveys')).html, 'surveys');
    expectInert((await analyst.get(created.location!)).html, 'wave');
    expectInert((await analyst.get(`${created.location!}/results?org=${org!.id}`)).html, 'results');
  });
});

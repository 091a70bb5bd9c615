import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { declareNoRelation } from '../support/reporting.js';
import { cases } from '../../src/db/schema.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let secretary: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['ethics_panel_member']);
  secretary = await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

async function api(method: string, path: string, body?: unknown, token?: string) {
  const response = await t.app.request(`http://localhost${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { errors?: { field: string; message: string }[] } };
}

describe('reporting API', () => {
  it('lists routes with stable question and option codes', async () => {
    const { status, json } = await api('GET', '/api/v1/routes');
    expect(status).toBe(200);
    const routes = json as unknown as { code: string; questions: { code: string; options: string[] }[] }[];
    expect(routes.map((r) => r.code)).toEqual(['commission', 'ethics', 'advisor', 'risk_signal']);
    const commission = routes[0]!;
    expect(commission.questions.map((q) => q.code)).toEqual(['KIND', 'WHAT', 'WHEN', 'SOURCE', 'MEANS', 'AIMS', 'EFFECTS_PERSONAL', 'EFFECTS_PUBLIC', 'TALKED_TO', 'WANT', 'MEETING']);
    expect(commission.questions.find((q) => q.code === 'AIMS')!.options).toContain('ignore_quality_control');
  });

  it('submits, opens with the receipt, reads and writes', async () => {
    const submitted = await api('POST', '/api/v1/reports', { route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: 'Mag ik dit advies laten liggen?' }, language: 'nl' });
    expect(submitted.status).toBe(201);
    const receipt = submitted.json.receipt as string;
    expect(receipt.replace(/-/g, '')).toMatch(/^\d{20}$/);

    const session = await api('POST', '/api/v1/reporter/session', { receipt: receipt.replace(/-/g, ' ') });
    expect(session.status).toBe(200);
    const token = session.json.token as string;

    expect((await api('POST', '/api/v1/reporter/messages', { text: 'Nog een aanvulling.' }, token)).status).toBe(201);
    const read = await api('GET', '/api/v1/reporter/case', undefined, token);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ route: 'ethics', status: 'received', anonymity: 'anonymous', answers: { QUESTION: 'Mag ik dit advies laten liggen?' } });
    expect((read.json.messages as { text: string; author: string }[]).map((m) => [m.author, m.text])).toEqual([['reporter', 'Nog een aanvulling.']]);
  });

  it('refuses bad input with translated problems, never a 500', async () => {
    const missing = await api('POST', '/api/v1/reports', { route: 'commission', anonymity: 'anonymous', answers: { KIND: 'improper_pressure' } });
    expect(missing.status).toBe(422);
    expect(missing.json.errors!.map((e) => e.field)).toEqual(expect.arrayContaining(['WHAT', 'WANT']));
    const unknownOption = await api('POST', '/api/v1/reports', { route: 'commission', anonymity: 'anonymous', answers: { KIND: 'bribery', WHAT: 'x', WANT: ['advice'] } });
    expect(unknownOption.status).toBe(422);
    expect((await api('POST', '/api/v1/reports', '{not json')).status).toBe(422);
    expect((await api('POST', '/api/v1/reports', { route: 'nope', anonymity: 'anonymous', answers: {} })).status).toBe(404);
    expect((await api('POST', '/api/v1/reports', { route: 'ethics', anonymity: 'open', answers: { QUESTION: 'x' } })).status).toBe(422);
    expect((await api('POST', '/api/v1/reporter/session', { receipt: '0000-0000-0000-0000-0001' })).status).toBe(422);
    expect((await api('GET', '/api/v1/reporter/case', undefined, 'not-a-token')).status).toBe(401);
    expect((await api('POST', '/api/v1/reporter/messages', { text: 'x' })).status).toBe(401);
  });

  it('nudges a reporter who left an address, without any content, and keeps the address sealed', async () => {
    t.clock.advance(60_000);
    const submitted = await api('POST', '/api/v1/reports', {
      route: 'commission',
      anonymity: 'anonymous',
      answers: { KIND: 'risk_signal', WHAT: 'Onderbezetting bij de controle.', WANT: ['record_only'] },
      notificationEmail: 'melder@prive.example',
      language: 'en',
    });
    expect(submitted.status).toBe(201);
    const [row] = await t.services.db.select().from(cases).orderBy(desc(cases.receivedAt)).limit(1);
    expect(Buffer.from(row!.notifyEmailSealed!).includes(Buffer.from('melder@prive.example'))).toBe(false);

    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, row!.id);
    const before = t.mail.received.length;
    expect((await handler.submit(`/staff/cases/${row!.id}`, `/staff/cases/${row!.id}/messages`, { text: 'Vertrouwelijk antwoord over de controle.' })).status).toBe(303);
    const mail = t.mail.received.at(before)!;
    expect(mail.to).toEqual(['melder@prive.example']);
    expect(mail.subject).toBe('There is a new message for you');
    expect(mail.raw).not.toContain('controle');
    expect(mail.raw).not.toContain(row!.id);
  });

  it('sends at most one notice per case per hour, however many messages come in', async () => {
    t.clock.advance(60_000);
    const submitted = await api('POST', '/api/v1/reports', {
      route: 'commission',
      anonymity: 'anonymous',
      answers: { KIND: 'improper_pressure', WHAT: 'Veel berichten.', WANT: ['advice'] },
      notificationEmail: 'stil@prive.example',
      language: 'nl',
    });
    expect(submitted.status).toBe(201);
    const [row] = await t.services.db.select().from(cases).orderBy(desc(cases.receivedAt)).limit(1);
    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, row!.id);
    const toReporter = () => t.mail.received.filter((m) => m.to.includes('stil@prive.example')).length;
    for (let i = 0; i < 6; i++) {
      t.clock.advance(5_000);
      expect((await handler.submit(`/staff/cases/${row!.id}`, `/staff/cases/${row!.id}/messages`, { text: `Bericht ${i}` })).status).toBe(303);
    }
    expect(toReporter()).toBe(1);
    t.clock.advance(58 * 60_000);
    // (A new log-in: the staff session has gone idle meanwhile.)
    const later = await logInAs(t, secretary);
    expect((await later.submit(`/staff/cases/${row!.id}`, `/staff/cases/${row!.id}/messages`, { text: 'Nog een.' })).status).toBe(303);
    expect(toReporter()).toBe(1);
    t.clock.advance(2 * 60_000);
    expect((await later.submit(`/staff/cases/${row!.id}`, `/staff/cases/${row!.id}/messages`, { text: 'Een uur later.' })).status).toBe(303);
    expect(toReporter()).toBe(2);
  });

  it('a staff session cookie does not open the reporter endpoints', async () => {
    const staff = await createStaff(t, ['secretary']);
    const client = await logInAs(t, staff);
    const response = await t.app.request('http://localhost/api/v1/reporter/case', { headers: { cookie: client.cookie! } });
    expect(response.status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { caseEntries, caseIdentities, caseKeys, cases, receiptAttempts } from '../../src/db/schema.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let ethics: TestStaff;
let admin: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair']);
  ethics = await createStaff(t, ['ethics_panel_member']);
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

const fullAnswers = {
  KIND: 'improper_pressure',
  WHAT: 'Mijn directeur wil dat ik de conclusie van het rapport afzwak.',
  WHEN: 'voorjaar 2026',
  SOURCE: ['director'],
  MEANS: ['evaluation_threat', 'verbal_intimidation'],
  AIMS: ['adjust_report'],
  EFFECTS_PERSONAL: ['professionalism'],
  EFFECTS_PUBLIC: ['wrong_information'],
  TALKED_TO: ['colleague'],
  WANT: ['investigation'],
  MEETING: 'yes',
};

async function caseIdFor(handler: FormClient): Promise<string> {
  const inbox = await handler.get('/staff/cases');
  const caseId = /href="\/staff\/cases\/([0-9a-f-]{36})"/.exec(inbox.html)![1]!;
  await declareNoRelation(handler, caseId);
  return caseId;
}

describe('the reporter’s path without JavaScript', () => {
  it('keeps what was typed when a step is incomplete, and stores nothing before sending', async () => {
    const client = new FormClient(t);
    const start = await client.get('/report/commission');
    const first = await client.post('/report/commission', { anonymity: 'anonymous', _go: 'next', _draft: hiddenValue(start.html, '_draft'), _at: 'anonymity', _csrf: hiddenValue(start.html, '_csrf') });
    const incomplete = await client.post('/report/commission', {
      WHAT: 'Een lang verhaal dat niet verloren mag gaan.',
      _go: 'next',
      _draft: hiddenValue(first.html, '_draft'),
      _at: hiddenValue(first.html, '_at'),
      _csrf: hiddenValue(first.html, '_csrf'),
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.html).toContain('Kies een antwoord.');
    expect(incomplete.html).toContain('Een lang verhaal dat niet verloren mag gaan.</textarea>');
    // The draft in the page is sealed: the text is not readable in it.
    expect(hiddenValue(incomplete.html, '_draft')).not.toContain('verhaal');
    expect((await t.services.db.select({ n: count() }).from(cases))[0]!.n).toBe(0);
  });

  it('goes from the start page to the receipt, and back in with the receipt', async () => {
    const receipt = await reportThroughForm(t, fullAnswers);
    expect(receipt).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}-\d{4}$/);
    const reporter = await openWithReceipt(t, receipt);
    const page = await reporter.get('/my-report');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Mijn directeur wil dat ik de conclusie van het rapport afzwak.');
    expect(page.html).toContain('Dreigen met een slechte beoordeling of mijn loopbaan');
    expect(page.html).toContain('Ontvangen, nog niet bevestigd');
    expect(page.html).toMatch(/Ontvangst bevestigen uiterlijk<\/dt><dd>29 november 2026/);
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('lets handler and reporter write to each other', async () => {
    const receipt = await reportThroughForm(t, { ...fullAnswers, WHAT: 'Tweede melding voor het gesprek.' });
    const handler = await logInAs(t, secretary);
    const caseId = await caseIdFor(handler);
    const casePage = await handler.get(`/staff/cases/${caseId}`);
    expect(casePage.html).toContain('Tweede melding voor het gesprek.');
    expect((await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/messages`, { text: 'Dank u. Wij nemen contact op.' })).status).toBe(303);

    const reporter = await openWithReceipt(t, receipt);
    expect((await reporter.get('/my-report')).html).toContain('Dank u. Wij nemen contact op.');
    expect((await reporter.submit('/my-report', '/my-report/messages', { text: 'Graag, via deze weg.' })).status).toBe(303);
    const empty = await reporter.submit('/my-report', '/my-report/messages', { text: '   ' });
    expect(empty.status).toBe(422);
    expect((await handler.get(`/staff/cases/${caseId}`)).html).toContain('Graag, via deze weg.');

    expect((await reporter.submit('/my-report', '/my-report/logout', {})).status).toBe(303);
    expect((await reporter.get('/my-report')).location).toBe('/receipt');
  });
});

describe('confidential reports', () => {
  it('seal the identity to the identity custodian only', async () => {
    await reportThroughForm(t, { ...fullAnswers, WHAT: 'Vertrouwelijke melding.' }, { anonymity: 'confidential', identity: { name: 'Petra Melder', contact: 'petra@prive.example' } });
    const chairClient = await logInAs(t, chair);
    const caseId = await caseIdFor(chairClient);
    expect((await chairClient.get(`/staff/cases/${caseId}`)).html).toContain('Petra Melder');
    const secretaryClient = await logInAs(t, secretary);
    await declareNoRelation(secretaryClient, caseId);
    const secretaryView = await secretaryClient.get(`/staff/cases/${caseId}`);
    expect(secretaryView.html).toContain('Vertrouwelijke melding.');
    expect(secretaryView.html).not.toContain('Petra Melder');
    const identities = await t.services.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId));
    expect(identities.map((i) => i.custodianUserId)).toEqual([chair.userId]);
  });
});

describe('refusals', () => {
  it('a handler of another route, the administrator and a later handler cannot open the case', async () => {
    await reportThroughForm(t, { ...fullAnswers, WHAT: 'Alleen voor de commissie.' });
    const caseId = await caseIdFor(await logInAs(t, secretary));
    expect((await (await logInAs(t, ethics)).get(`/staff/cases/${caseId}`)).status).toBe(403);
    expect((await (await logInAs(t, admin)).get(`/staff/cases/${caseId}`)).status).toBe(403);
    const lateMember = await createStaff(t, ['commission_member']);
    const late = await logInAs(t, lateMember);
    expect((await late.get(`/staff/cases/${caseId}`)).status).toBe(403);
    const token = hiddenValue((await late.get('/staff/cases')).html, '_csrf');
    expect((await late.post(`/staff/cases/${caseId}/messages`, { _csrf: token, text: 'x' })).status).toBe(403);
    const keys = await t.services.db.select({ userId: caseKeys.userId }).from(caseKeys).where(eq(caseKeys.caseId, caseId));
    expect(keys.map((k) => k.userId)).not.toContain(admin.userId);
  });

  it('wrong and malformed receipts are refused', async () => {
    const client = new FormClient(t);
    const wrong = await client.submit('/receipt', '/receipt', { receipt: '1234-5678-9012-3456-7890' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Deze ontvangstcode kennen wij niet');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const short = await client.submit('/receipt', '/receipt', { receipt: '1234' });
    expect(short.status).toBe(422);
    expect(short.html).toContain('twintig cijfers');
  });

  it('throttles receipt guessing per first group, without any address', async () => {
    const client = new FormClient(t);
    // What a proxy would pass on about the guesser: none of it may be kept or logged.
    const traces = { 'x-forwarded-for': '203.0.113.77', 'x-real-ip': '203.0.113.78', 'user-agent': 'Gokker/9.9 (uniek-apparaat-4711)' };
    t.logLines.length = 0;
    for (let i = 0; i < 10; i++) {
      const token = hiddenValue((await client.get('/receipt')).html, '_csrf');
      const response = await client.post('/receipt', { receipt: `9999-0000-0000-0000-${String(i).padStart(4, '0')}`, _csrf: token }, traces);
      expect(response.status).toBe(422);
    }
    const stored = JSON.stringify(await t.services.db.select().from(receiptAttempts));
    expect(stored).toContain('"failures":10');
    for (const trace of ['203.0.113.77', '203.0.113.78', 'uniek-apparaat-4711']) {
      expect(stored).not.toContain(trace);
      expect(t.logLines.join('')).not.toContain(trace);
    }
    expect(Object.keys((await t.services.db.select().from(receiptAttempts))[0]!).sort()).toEqual(['bucket', 'failures', 'windowStart']);
    const blocked = await client.submit('/receipt', '/receipt', { receipt: '9999-1111-1111-1111-1111' });
    expect(blocked.status).toBe(429);
    // Another first group still has its own budget.
    expect((await client.submit('/receipt', '/receipt', { receipt: '8888-1111-1111-1111-1111' })).status).toBe(422);
    t.clock.advance(16 * 60_000);
    expect((await client.submit('/receipt', '/receipt', { receipt: '9999-1111-1111-1111-1111' })).status).toBe(422);
  });

  it('a tampered ciphertext is refused, not shown', async () => {
    const receipt = await reportThroughForm(t, { ...fullAnswers, WHAT: 'Wordt straks beschadigd.' });
    const reporter = await openWithReceipt(t, receipt);
    const latest = (await t.services.db.select().from(caseEntries).where(eq(caseEntries.kind, 'answers'))).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
    const damaged = latest.ciphertext.slice();
    damaged[damaged.length - 5]! ^= 0x01;
    await t.services.db.update(caseEntries).set({ ciphertext: damaged }).where(eq(caseEntries.id, latest.id));
    const page = await reporter.get('/my-report');
    expect(page.status).toBe(409);
    expect(page.html).not.toContain('Wordt straks beschadigd');
    expect(page.html).toContain('Gegevens niet te controleren');
  });

  it('a forged or foreign draft is refused', async () => {
    const client = new FormClient(t);
    const start = await client.get('/report/commission');
    const draft = hiddenValue(start.html, '_draft');
    const forged = draft.slice(0, -3) + (draft.endsWith('AAA') ? 'BBB' : 'AAA');
    const csrf = hiddenValue(start.html, '_csrf');
    expect((await client.post('/report/commission', { _draft: forged, _at: 'anonymity', anonymity: 'anonymous', _go: 'next', _csrf: csrf })).status).toBe(410);
    const ethicsStart = await client.get('/report/ethics');
    expect((await client.post('/report/commission', { _draft: hiddenValue(ethicsStart.html, '_draft'), _at: 'anonymity', anonymity: 'anonymous', _go: 'next', _csrf: csrf })).status).toBe(410);
  });
});

describe('a route nobody can read', () => {
  it('refuses the report with a clear message and stores nothing', async () => {
    const empty = await createTestApp();
    try {
      const before = (await empty.services.db.select({ n: count() }).from(cases))[0]!.n;
      const response = await empty.app.request('http://localhost/api/v1/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: 'Mag dit?' } }),
      });
      expect(response.status).toBe(409);
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('niemand uw melding lezen');
      expect((await empty.services.db.select({ n: count() }).from(cases))[0]!.n).toBe(before);
    } finally {
      await empty.close();
    }
  });
});

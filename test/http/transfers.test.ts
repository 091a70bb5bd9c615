import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { caseIdentities, caseTransfers, cases } from '../../src/db/schema.js';
import { hiddenValue, type FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportOnRoute } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let panel: TestStaff;
let advisor: TestStaff;
let secretary: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  panel = await createStaff(t, ['ethics_panel_member']);
  advisor = await createStaff(t, ['confidential_advisor']);
  secretary = await createStaff(t, ['secretary']);
  await createStaff(t, ['chair']);
});
afterAll(() => t.close());

async function newestCase(route: string): Promise<string> {
  return (await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.routeCode, route)).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
}
const commissionCount = async () => (await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.routeCode, 'commission'))).length;

async function handlerFor(staff: TestStaff, caseId: string): Promise<FormClient> {
  const client = await logInAs(t, staff);
  await declareNoRelation(client, caseId);
  return client;
}

/** The reporter's answer to the waiting proposal, through the form on their page. */
async function answerProposal(reporter: FormClient, fields: Record<string, string | string[]>) {
  const page = await reporter.get('/my-report');
  const action = /action="(\/my-report\/transfers\/[0-9a-f-]{36})"/.exec(page.html)![1]!;
  return reporter.submit('/my-report', action, fields);
}

describe('a moral question to the ethics panel', () => {
  it('is answered and read back with the receipt; turned into a report only with consent', async () => {
    const receipt = await reportOnRoute(t, 'ethics', [{ QUESTION: 'Mag ik een advies afzwakken omdat de wethouder het anders wil?', CONTEXT: 'Het gaat om een veiligheidsadvies.' }]);
    const caseId = await newestCase('ethics');
    const member = await handlerFor(panel, caseId);
    expect((await member.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/notes`, { noteText: 'Intern: dit lijkt oneigenlijke druk.' })).status).toBe(303);
    expect((await member.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/messages`, { text: 'Nee: een advies hoort uw professionele oordeel te zijn.' })).status).toBe(303);

    const asker = await openWithReceipt(t, receipt);
    const read = (await asker.get('/my-report')).html;
    expect(read).toContain('een advies hoort uw professionele oordeel te zijn');
    expect(read).not.toContain('Intern: dit lijkt oneigenlijke druk.');
    expect((await asker.submit('/my-report', '/my-report/messages', { text: 'Dank u. En als hij aandringt?' })).status).toBe(303);
    expect((await member.get(`/staff/cases/${caseId}`)).html).toContain('En als hij aandringt?');

    // The panel proposes; the question is carried over without re-typing.
    const transferPage = (await member.get(`/staff/cases/${caseId}/transfer`)).html;
    expect(transferPage).toContain('Mag ik een advies afzwakken omdat de wethouder het anders wil?');
    const carried = hiddenTextArea(transferPage, 'carried');
    expect(
      (await member.submit(`/staff/cases/${caseId}/transfer`, `/staff/cases/${caseId}/transfer`, { kind: 'improper_pressure', carried, explanation: 'Dit vraagt om onderzoek door de commissie.' })).status,
    ).toBe(303);

    // Refused without consent: a missing choice changes nothing, and "no" creates nothing.
    const before = await commissionCount();
    const page = (await asker.get('/my-report')).html;
    expect(page).toContain('Wilt u dit aan de commissie voorleggen?');
    expect(page).toContain('Het gaat om een veiligheidsadvies.');
    const missing = await answerProposal(asker, { want: ['investigation'] });
    expect(missing.status).toBe(422);
    expect(await commissionCount()).toBe(before);
    expect((await answerProposal(asker, { answer: 'decline' })).status).toBe(303);
    expect(await commissionCount()).toBe(before);
    expect((await t.services.db.select().from(caseTransfers).where(eq(caseTransfers.caseId, caseId)))[0]!.status).toBe('declined');

    // A second proposal, and this time consent: a new anonymous commission report with its own receipt.
    expect((await member.submit(`/staff/cases/${caseId}/transfer`, `/staff/cases/${caseId}/transfer`, { kind: 'improper_pressure', carried, explanation: 'Wij stellen het nog eens voor.' })).status).toBe(303);
    const noWant = await answerProposal(asker, { answer: 'consent' });
    expect(noWant.status).toBe(422);
    expect(noWant.html).toContain('id="field-want-error"');
    expect(await commissionCount()).toBe(before);
    const consented = await answerProposal(asker, { answer: 'consent', want: ['investigation'] });
    expect(consented.status).toBe(201);
    expect(consented.html).toContain('nieuwe melding bij de commissie');
    const newReceipt = /data-testid="receipt">([\d-]+)</.exec(consented.html)![1]!;
    expect(newReceipt).not.toBe(receipt);
    expect(await commissionCount()).toBe(before + 1);
    const commissionCase = await newestCase('commission');
    const [row] = await t.services.db.select().from(cases).where(eq(cases.id, commissionCase));
    expect(row!.anonymity).toBe('anonymous');
    const commission = await handlerFor(secretary, commissionCase);
    expect((await commission.get(`/staff/cases/${commissionCase}`)).html).toContain('Mag ik een advies afzwakken omdat de wethouder het anders wil?');
    expect((await (await openWithReceipt(t, newReceipt)).get('/my-report')).html).toContain('Mag ik een advies afzwakken');
    // Answered once.
    const token = hiddenValue((await asker.get('/my-report')).html, '_csrf');
    const transferId = (await t.services.db.select().from(caseTransfers).where(and(eq(caseTransfers.caseId, caseId), eq(caseTransfers.status, 'accepted'))))[0]!.id;
    expect((await asker.post(`/my-report/transfers/${transferId}`, { answer: 'consent', want: 'investigation', _csrf: token })).status).toBe(409);
    expect(await commissionCount()).toBe(before + 1);
  });
});

describe('a confidential advisor', () => {
  it('forwards a summary with consent, and the name never reaches the commission', async () => {
    const receipt = await reportOnRoute(t, 'advisor', [{ TOPIC: 'Mijn leidinggevende dreigt met mijn beoordeling.' }], { anonymity: 'confidential', identity: { name: 'Sam Geheimhouder', contact: 'sam@prive.example' } });
    const caseId = await newestCase('advisor');
    const adv = await handlerFor(advisor, caseId);
    expect((await adv.get(`/staff/cases/${caseId}`)).html).toContain('Sam Geheimhouder');
    // Another route's handler cannot propose anything here.
    const other = await logInAs(t, secretary);
    const token = hiddenValue((await other.get('/staff')).html, '_csrf');
    expect((await other.post(`/staff/cases/${caseId}/transfer`, { kind: 'improper_pressure', carried: 'x', explanation: 'x', _csrf: token })).status).toBe(403);

    const summary = 'Een medewerker wordt door de leidinggevende onder druk gezet met de jaarlijkse beoordeling.';
    expect((await adv.submit(`/staff/cases/${caseId}/transfer`, `/staff/cases/${caseId}/transfer`, { kind: 'improper_pressure', carried: summary, explanation: 'Met uw toestemming leg ik dit anoniem voor.' })).status).toBe(303);
    const before = await commissionCount();
    const employee = await openWithReceipt(t, receipt);
    expect((await employee.get('/my-report')).html).toContain(summary);
    expect((await answerProposal(employee, { answer: 'consent', want: ['conversation'] })).status).toBe(201);
    expect(await commissionCount()).toBe(before + 1);

    const commissionCase = await newestCase('commission');
    expect(await t.services.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, commissionCase))).toHaveLength(0);
    const [row] = await t.services.db.select().from(cases).where(eq(cases.id, commissionCase));
    expect(row!.anonymity).toBe('anonymous');
    expect(row!.notifyEmailSealed).toBeNull();
    const commission = await handlerFor(secretary, commissionCase);
    const screen = (await commission.get(`/staff/cases/${commissionCase}`)).html;
    expect(screen).toContain(summary);
    expect(screen).not.toContain('Sam Geheimhouder');
    expect(screen).not.toContain('sam@prive.example');
    expect((await commission.get('/staff/cases')).html).not.toContain('Sam Geheimhouder');
  });
});

/** The text inside a textarea, as the browser would send it back. */
function hiddenTextArea(html: string, name: string): string {
  const raw = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)![1]!;
  return raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

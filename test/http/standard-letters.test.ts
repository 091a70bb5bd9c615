import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, cases, letterTemplates } from '../../src/db/schema.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { caseAction, walkToDecision } from '../support/case-steps.js';
import type { FormClient } from '../support/form-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The commission's standard letters: ready (filled in) at each step, edited before sending, and
// kept by the secretariat; and the short path for an inadmissible report.
let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let member: TestStaff;
let administrator: TestStaff;
const answers = { KIND: 'improper_pressure', WHAT: 'Brieven-inhoud die nooit in een brief staat.', WANT: ['advice'] };

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair']);
  member = await createStaff(t, ['commission_member']);
  administrator = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

/** The text a textarea of the page holds, as the browser would send it back. */
function textareaValue(html: string, name: string): string {
  const match = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  expect(match, `textarea ${name}`).not.toBeNull();
  return match![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

async function newCase(): Promise<{ caseId: string; number: string; receipt: string; handler: FormClient }> {
  const receipt = await reportThroughForm(t, answers);
  const [row] = await t.services.db.select({ id: cases.id, number: cases.number }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
  const handler = await logInAs(t, secretary);
  await declareNoRelation(handler, row!.id);
  return { caseId: row!.id, number: row!.number, receipt, handler };
}

describe('the acknowledgement letter', () => {
  it('is ready on the case filled in with the number and dates, and the reporter reads exactly what the handler sent', async () => {
    const { caseId, number, receipt, handler } = await newCase();
    const page = (await handler.get(`/staff/cases/${caseId}`)).html;
    const letter = textareaValue(page, 'ackLetter');
    expect(letter).toContain(`Wij hebben uw melding ${number} ontvangen op`);
    expect(letter).toContain('De commissie beoordeelt eerst of zij uw melding in behandeling kan nemen.');
    expect(letter).not.toMatch(/\{\w+\}/);
    const edited = letter.replace('U kunt ons via deze pagina altijd een bericht sturen.', 'Wij bellen u niet: u blijft anoniem.');
    expect((await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/acknowledge`, { ackLetter: edited })).status).toBe(303);
    const mine = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
    expect(mine).toContain('Wij bellen u niet: u blijft anoniem.');
    expect(mine).not.toContain('U kunt ons via deze pagina altijd een bericht sturen.');
  });

  it('sent on a later day than it was filled in: left as it was, it gets today\'s date; edited with the old date, it is refused', async () => {
    const dateIn = (text: string) => /Uiterlijk (\d+ \w+ \d{4}) laten/.exec(text)?.[1];
    const first = await newCase();
    const second = await newCase();
    const untouched = textareaValue((await first.handler.get(`/staff/cases/${first.caseId}`)).html, 'ackLetter');
    const edited = `${textareaValue((await first.handler.get(`/staff/cases/${second.caseId}`)).html, 'ackLetter')}\n\nMet vriendelijke groet, het secretariaat.`;
    const oldDate = dateIn(untouched)!;
    expect(oldDate).toBeTruthy();
    // Two days later, the tab still open (signed in again: the session has ended).
    t.clock.advance(2 * 86_400_000);
    const handler = await logInAs(t, secretary);
    expect((await handler.postWithOwnToken(`/staff/cases/${first.caseId}/acknowledge`, { ackLetter: untouched })).status).toBe(303);
    const sent = (await (await openWithReceipt(t, first.receipt)).get('/my-report')).html;
    const newDate = dateIn(sent)!;
    expect(newDate).not.toBe(oldDate);
    expect(sent).not.toContain(oldDate);
    const refused = await handler.postWithOwnToken(`/staff/cases/${second.caseId}/acknowledge`, { ackLetter: edited });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('De datum in deze brief is berekend op een eerdere dag.');
    expect(textareaValue(refused.html, 'ackLetter')).toContain('Met vriendelijke groet, het secretariaat.');
    expect((await t.services.db.select({ status: cases.status }).from(cases).where(eq(cases.id, second.caseId)))[0]!.status).toBe('received');
    // With today's date in it, it goes.
    expect((await handler.postWithOwnToken(`/staff/cases/${second.caseId}/acknowledge`, { ackLetter: edited.replace(oldDate, newDate) })).status).toBe(303);
  });
});

describe('the inadmissible path', () => {
  const assessment = { kind: 'improper_pressure', admissible: 'no', assessReason: 'Valt buiten de taak van de commissie.', priority: 'normal', retaliationRisk: 'none', measures: '' };

  it('refuses the bare standard notice, keeps what was typed, and changes nothing', async () => {
    const { caseId, handler } = await newCase();
    expect(await caseAction(handler, caseId, 'acknowledge', { ackNote: '' })).toBe(303);
    const standard = textareaValue((await handler.get(`/staff/cases/${caseId}`)).html, 'noticeText');
    expect(standard).toContain('neemt die niet in behandeling');
    const refused = await handler.postWithOwnToken(`/staff/cases/${caseId}/assess`, { ...assessment, noticeText: standard });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('id="field-noticeText-error"');
    expect(refused.html).toContain('Dit is nog precies het standaardbericht.');
    const empty = await handler.postWithOwnToken(`/staff/cases/${caseId}/assess`, { ...assessment, noticeText: '' });
    expect(empty.status).toBe(422);
    const typed = `${standard}\nUw melding gaat over een arbeidsconflict en ik-typ-dit-eerst.`;
    const kept = await handler.postWithOwnToken(`/staff/cases/${caseId}/assess`, { ...assessment, assessReason: '', noticeText: typed });
    expect(kept.status).toBe(422);
    expect(textareaValue(kept.html, 'noticeText')).toContain('ik-typ-dit-eerst');
    const [row] = await t.services.db.select({ status: cases.status, outcome: cases.outcome }).from(cases).where(eq(cases.id, caseId));
    expect(row).toEqual({ status: 'acknowledged', outcome: null });
  });

  it('sends the reasoned notice with the external routes, closes the case, and the reporter sees "not taken into handling"', async () => {
    const { caseId, receipt, handler } = await newCase();
    expect(await caseAction(handler, caseId, 'acknowledge', { ackNote: '' })).toBe(303);
    const standard = textareaValue((await handler.get(`/staff/cases/${caseId}`)).html, 'noticeText');
    const notice = standard.replace('De reden: ', 'De reden: uw melding gaat over een arbeidsconflict; daarvoor is de commissie niet bevoegd.');
    const sent = await handler.postWithOwnToken(`/staff/cases/${caseId}/assess`, { ...assessment, noticeText: notice });
    expect(sent.status).toBe(303);
    expect(sent.location).toContain('done=inadmissible');
    expect((await handler.get(sent.location!)).html).toContain('De melding is niet ontvankelijk verklaard en afgesloten.');
    const [row] = await t.services.db.select({ status: cases.status, outcome: cases.outcome, closedAt: cases.closedAt }).from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe('closed');
    expect(row!.outcome).toBe('not_admissible');
    expect(row!.closedAt).not.toBeNull();

    const mine = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
    expect(mine).toContain('data-testid="case-status">Niet in behandeling genomen<');
    expect(mine).toContain('daarvoor is de commissie niet bevoegd');
    expect(mine).toContain('U kunt met uw melding ook terecht bij het Huis voor Klokkenluiders');
    expect(mine).toContain('huisvoorklokkenluiders.nl');
    // The internal reason stays internal.
    expect(mine).not.toContain('Valt buiten de taak van de commissie.');

    const inbox = (await handler.get('/staff/cases')).html;
    expect(inbox).toContain('Niet in behandeling genomen');
    const [audit] = await t.services.db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.assessed')));
    expect(audit!.detail).toMatchObject({ admissible: false, closed: true });

    // Reopened, it is assessed again rather than continued.
    expect(await caseAction(handler, caseId, 'reopen', { reopenText: 'De melder bracht nieuwe feiten.' })).toBe(303);
    const [reopened] = await t.services.db.select({ status: cases.status, outcome: cases.outcome }).from(cases).where(eq(cases.id, caseId));
    expect(reopened).toEqual({ status: 'acknowledged', outcome: null });
  });
});

describe('feedback and closing letters', () => {
  it('refuse the bare feedback letter, and send the closing letter to the reporter', async () => {
    const { caseId, receipt, handler } = await newCase();
    const deciders = [await logInAs(t, member), await logInAs(t, chair)];
    for (const decider of deciders) await declareNoRelation(decider, caseId);
    await walkToDecision(handler, caseId, deciders);
    const feedback = textareaValue((await handler.get(`/staff/cases/${caseId}`)).html, 'stepText');
    expect(feedback).toContain('Wat de commissie heeft gedaan en wat daaruit kwam:');
    expect(await caseAction(handler, caseId, 'advance', { to: 'feedback_given', stepText: feedback })).toBe(422);
    expect(await caseAction(handler, caseId, 'advance', { to: 'feedback_given', stepText: `${feedback} wij spraken de directie.` })).toBe(303);
    const closing = textareaValue((await handler.get(`/staff/cases/${caseId}`)).html, 'closingLetter');
    expect(closing).toContain('Wij sluiten uw melding');
    // Emptied on purpose (no closing letter), then an error elsewhere: it comes back empty, not refilled.
    const tooLong = await handler.postWithOwnToken(`/staff/cases/${caseId}/advance`, { to: 'closed', stepText: 'x'.repeat(20_001), closingLetter: '' });
    expect(tooLong.status).toBe(422);
    expect(textareaValue(tooLong.html, 'closingLetter')).toBe('');
    expect(await caseAction(handler, caseId, 'advance', { to: 'closed', stepText: 'Intern-afsluitnotitie.', closingLetter: closing })).toBe(303);
    const mine = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
    expect(mine).toContain('wij spraken de directie.');
    expect(mine).toContain('Wij sluiten uw melding');
    expect(mine).not.toContain('Intern-afsluitnotitie.');
  });
});

describe('the letters page', () => {
  it('lets the secretariat change a letter with known placeholders only; the next case gets it; the standard text comes back', async () => {
    const client = await logInAs(t, secretary);
    const list = await client.get('/staff/letters');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Ontvangstbevestiging');
    const unknown = await client.submit('/staff/letters/acknowledgement/nl', '/staff/letters/acknowledgement/nl', { body: 'Beste {naam}, wij hebben {number} ontvangen.' });
    expect(unknown.status).toBe(422);
    expect(textareaValue(unknown.html, 'body')).toBe('Beste {naam}, wij hebben {number} ontvangen.');
    expect(await t.services.db.select().from(letterTemplates)).toHaveLength(0);

    const saved = await client.submit('/staff/letters/acknowledgement/nl', '/staff/letters/acknowledgement/nl', { body: 'Onze eigen bevestiging van {number}, ontvangen {receivedOn}.' });
    expect(saved.status).toBe(303);
    // A double press saves the same text once.
    expect((await client.submit('/staff/letters/acknowledgement/nl', '/staff/letters/acknowledgement/nl', { body: 'Onze eigen bevestiging van {number}, ontvangen {receivedOn}.' })).status).toBe(303);
    expect(await t.services.db.select().from(letterTemplates)).toHaveLength(1);
    const { caseId, number, handler } = await newCase();
    expect(textareaValue((await handler.get(`/staff/cases/${caseId}`)).html, 'ackLetter')).toMatch(new RegExp(`^Onze eigen bevestiging van ${number}, ontvangen \\d+ \\w+ 2026\\.$`));
    const changes = await t.services.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, 'letter.changed'));
    expect(changes.length).toBeGreaterThanOrEqual(2);

    expect((await client.submit('/staff/letters/acknowledgement/nl', '/staff/letters/acknowledgement/nl', { reset: 'yes', body: '' })).status).toBe(303);
    expect(await t.services.db.select().from(letterTemplates)).toHaveLength(0);
    expect(textareaValue((await handler.get(`/staff/cases/${caseId}`)).html, 'ackLetter')).toContain('De commissie beoordeelt eerst');
  });

  it('is refused to a member, the administrator and a forged letter kind', async () => {
    for (const who of [member, administrator]) {
      const client = await logInAs(t, who);
      expect((await client.get('/staff/letters')).status).toBe(403);
      expect((await client.postWithOwnToken('/staff/letters/acknowledgement/nl', { body: 'Overgenomen.' })).status).toBe(403);
    }
    const chairClient = await logInAs(t, chair);
    expect((await chairClient.get('/staff/letters')).status).toBe(200);
    expect((await chairClient.postWithOwnToken('/staff/letters/../nl', { body: 'x' })).status).toBe(404);
    expect((await chairClient.postWithOwnToken('/staff/letters/anything/nl', { body: 'x' })).status).toBe(404);
    expect((await chairClient.postWithOwnToken('/staff/letters/acknowledgement/de', { body: 'x' })).status).toBe(404);
    expect(await t.services.db.select().from(letterTemplates)).toHaveLength(0);
  });
});

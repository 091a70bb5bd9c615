import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { cases, staffNotices } from '../../src/db/schema.js';
import { caseAction, openDecisionId } from '../support/case-steps.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Notices that reach the one who must act: the identity custodian when a handler asks for the
// name, the chair when a draft decision has its quorum. On the staff home page with the case
// number; by mail without anything of the case.
let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let member: TestStaff;
let admin: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  // The commission route's identity custodian.
  chair = await createStaff(t, ['chair']);
  member = await createStaff(t, ['commission_member']);
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

const noticesOf = (who: TestStaff) => t.services.db.select().from(staffNotices).where(eq(staffNotices.userId, who.userId));
const mailsTo = (who: TestStaff) => t.mail.received.filter((m) => m.to.includes(who.email));

async function newCase(anonymity: 'anonymous' | 'confidential') {
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Meldingsinhoud-voor-berichten.', WANT: ['investigation'] }, anonymity === 'confidential' ? { anonymity, identity: { name: 'Nina Naam', contact: 'nina@prive.example' } } : {});
  const [row] = await t.services.db.select({ id: cases.id, number: cases.number }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
  return row!;
}

describe('the identity custodian', () => {
  it('is told when a handler asks for the name, with the case number on the page and nothing of the case in the mail', async () => {
    const { id, number } = await newCase('confidential');
    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, id);
    t.mail.received.length = 0;
    const before = { chair: (await noticesOf(chair)).length, member: (await noticesOf(member)).length, secretary: (await noticesOf(secretary)).length };
    expect((await handler.submit(`/staff/cases/${id}/identity`, `/staff/cases/${id}/identity`, { requestReason: 'Nodig voor het horen van getuigen.' })).status).toBe(303);
    const told = await noticesOf(chair);
    expect(told).toHaveLength(before.chair + 1);
    expect(told.at(-1)).toMatchObject({ kind: 'identity.requested', detail: { number } });
    // Nobody else: not the one who asked, not a member.
    expect(await noticesOf(member)).toHaveLength(before.member);
    expect(await noticesOf(secretary)).toHaveLength(before.secretary);
    const home = (await (await logInAs(t, chair)).get('/staff')).html;
    expect(home).toContain(`Een behandelaar vraagt naar de naam van de melder bij melding ${number}.`);
    const mails = mailsTo(chair);
    expect(mails).toHaveLength(1);
    for (const secret of [number, id, 'Nina Naam', 'Meldingsinhoud', 'getuigen']) expect(mails[0]!.text).not.toContain(secret);
    expect(mailsTo(secretary)).toHaveLength(0);
    expect(mailsTo(admin)).toHaveLength(0);
  });
});

describe('the chair', () => {
  it('is told once when the vote that meets the quorum is cast, and not by their own vote', async () => {
    const { id, number } = await newCase('anonymous');
    const [handler, memberClient, chairClient] = [await logInAs(t, secretary), await logInAs(t, member), await logInAs(t, chair)];
    for (const client of [handler, memberClient, chairClient]) await declareNoRelation(client, id);
    for (const [action, fields] of [
      ['acknowledge', { ackNote: '' }],
      ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'normal', retaliationRisk: 'low', measures: '' }],
      ['advance', { to: 'in_handling', stepText: '' }],
      ['decision', { outcome: 'founded', conclusion: 'Vastgesteld.' }],
    ] as const) expect(await caseAction(handler, id, action, fields), action).toBe(303);
    const decisionId = await openDecisionId(memberClient, id);
    const ready = async () => (await noticesOf(chair)).filter((n) => n.kind === 'decision.ready' && n.detail.number === number);
    // The chair votes first: the quorum (everyone) is not met yet, and the chair is not told of their own vote.
    expect(await caseAction(chairClient, id, `decision/${decisionId}/vote`, { position: 'agree', voteReason: '' })).toBe(303);
    expect(await ready()).toHaveLength(0);
    t.mail.received.length = 0;
    expect(await caseAction(memberClient, id, `decision/${decisionId}/vote`, { position: 'dissent', voteReason: 'Te weinig bewijs.' })).toBe(303);
    expect(await ready()).toHaveLength(1);
    expect(mailsTo(chair)).toHaveLength(1);
    expect(mailsTo(chair)[0]!.text).not.toContain(number);
    expect(mailsTo(member)).toHaveLength(0);
    expect((await chairClient.get('/staff')).html).toContain(`Het ontwerpbesluit over melding ${number} heeft genoeg stemmen.`);
  });

  it('is told when a member who had not voted steps aside and that completes the quorum', async () => {
    const { id, number } = await newCase('anonymous');
    const [handler, memberClient, chairClient] = [await logInAs(t, secretary), await logInAs(t, member), await logInAs(t, chair)];
    for (const client of [handler, memberClient, chairClient]) await declareNoRelation(client, id);
    for (const [action, fields] of [
      ['acknowledge', { ackNote: '' }],
      ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'normal', retaliationRisk: 'low', measures: '' }],
      ['advance', { to: 'in_handling', stepText: '' }],
      ['decision', { outcome: 'founded', conclusion: 'Vastgesteld.' }],
    ] as const) expect(await caseAction(handler, id, action, fields), action).toBe(303);
    const decisionId = await openDecisionId(memberClient, id);
    const ready = async () => (await noticesOf(chair)).filter((n) => n.kind === 'decision.ready' && n.detail.number === number);
    expect(await caseAction(chairClient, id, `decision/${decisionId}/vote`, { position: 'agree', voteReason: '' })).toBe(303);
    expect(await ready()).toHaveLength(0);
    t.mail.received.length = 0;
    // The member finds a personal relation and steps aside: everyone left has voted.
    expect(await caseAction(memberClient, id, 'step-aside', {})).toBe(303);
    expect(await ready()).toHaveLength(1);
    expect(mailsTo(chair)).toHaveLength(1);
    expect(mailsTo(chair)[0]!.text).not.toContain(number);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, caseDecisions, caseEntries, caseIdentities, caseInterventions, caseMinutes, caseRecommendations, cases, decisionVotes, identityRequests, users } from '../../src/db/schema.js';
import { caseAction, walkToDecision } from '../support/case-steps.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let employerMember: TestStaff;
let staffMember: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair']);
  employerMember = await createStaff(t, ['commission_member']);
  staffMember = await createStaff(t, ['commission_member']);
  await t.services.db.update(users).set({ nominatedBy: 'employer' }).where(eq(users.id, employerMember.userId));
  await t.services.db.update(users).set({ nominatedBy: 'staff_representatives' }).where(eq(users.id, staffMember.userId));
});
afterAll(() => t.close());

async function newestCase(): Promise<string> {
  return (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
}

/** A signed-in handler who has made their declaration for this case. */
async function handlerFor(staff: TestStaff, caseId: string): Promise<FormClient> {
  const client = await logInAs(t, staff);
  await declareNoRelation(client, caseId);
  return client;
}

async function postOn(client: FormClient, caseId: string, page: string, path: string, fields: Record<string, string>) {
  return client.submit(`/staff/cases/${caseId}/${page}`, `/staff/cases/${caseId}/${path}`, fields);
}

describe('interventions', () => {
  it('records several, each with who, what and later a result; bad input keeps what was typed', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Interventies.', WANT: ['conversation'] });
    const caseId = await newestCase();
    const handler = await handlerFor(secretary, caseId);
    expect(await caseAction(handler, caseId, 'acknowledge', { ackNote: '' })).toBe(303);

    const missing = await postOn(handler, caseId, 'interventions', 'interventions', { kind: 'mediation', who: '', what: 'Mediation tussen afdelingshoofd en melder.' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('id="field-who-error"');
    expect(missing.html).toContain('Mediation tussen afdelingshoofd en melder.');

    expect((await postOn(handler, caseId, 'interventions', 'interventions', { kind: 'conversation_with_source', who: 'De voorzitter', what: 'Gesprek met de directeur over het rapport.' })).status).toBe(303);
    expect((await postOn(handler, caseId, 'interventions', 'interventions', { kind: 'protective_measure', who: 'Het secretariaat', what: 'Beoordeling door een andere leidinggevende.' })).status).toBe(303);
    const page = await handler.get(`/staff/cases/${caseId}/interventions`);
    const resultPath = /action="(\/staff\/cases\/[0-9a-f-]+\/interventions\/[0-9a-f-]+\/result)"/.exec(page.html)![1]!;
    expect((await handler.submit(`/staff/cases/${caseId}/interventions`, resultPath, { result: 'De directeur trekt de opdracht in.', doneOn: '' })).status).toBe(303);
    // The second intervention's result is reached through its own link, not only the oldest open one.
    const second = (await handler.get(`/staff/cases/${caseId}/interventions`)).html;
    const firstId = /interventions\/([0-9a-f-]{36})\/result/.exec(resultPath)![1]!;
    // The one with a result offers a correction through its own link.
    expect(second).toContain(`interventions?result=${firstId}`);
    const otherId = (await t.services.db.select({ id: caseInterventions.id }).from(caseInterventions).where(eq(caseInterventions.caseId, caseId))).map((r) => r.id).find((id) => id !== firstId)!;
    const chosen = await handler.get(`/staff/cases/${caseId}/interventions?result=${otherId}`);
    expect(chosen.html).toContain(`action="/staff/cases/${caseId}/interventions/${otherId}/result"`);
    const badDate = await handler.submit(`/staff/cases/${caseId}/interventions?result=${otherId}`, `/staff/cases/${caseId}/interventions/${otherId}/result`, { result: 'Andere leidinggevende beoordeelt.', doneOn: '2026-02-31', intervention: otherId });
    expect(badDate.status).toBe(422);
    // Shown again for the same intervention, with what was typed.
    expect(badDate.html).toContain(`action="/staff/cases/${caseId}/interventions/${otherId}/result"`);
    expect(badDate.html).toContain('Andere leidinggevende beoordeelt.');
    expect((await handler.postWithOwnToken(`/staff/cases/${caseId}/interventions/${otherId}/result`, { result: 'Andere leidinggevende beoordeelt.', doneOn: '2026-11-20' })).status).toBe(303);
    // A result recorded again is a correction: audited, the earlier text kept and shown.
    expect((await handler.postWithOwnToken(resultPath, { result: 'De directeur trekt de opdracht toch niet in.', doneOn: '' })).status).toBe(303);

    const html = (await handler.get(`/staff/cases/${caseId}/interventions`)).html;
    expect(html).toContain('De directeur trekt de opdracht toch niet in.');
    expect(html).toContain('Eerder vastgelegd, daarna gecorrigeerd');
    expect(html).toContain('20 november 2026');
    expect(html).toContain('Gesprek met de bron van de druk');
    expect(html).toContain('Gesprek met de directeur over het rapport.');
    expect(html).toContain('De directeur trekt de opdracht in.');
    expect(html).toContain('Beschermende maatregel voor de melder');
    // The kinds are metadata (for the figures); the texts exist only sealed.
    const rows = await t.services.db.select().from(caseInterventions).where(eq(caseInterventions.caseId, caseId));
    expect(rows.map((r) => r.kind).sort()).toEqual(['conversation_with_source', 'protective_measure']);
    expect(rows.filter((r) => r.resultRecordedAt)).toHaveLength(2);
    expect(rows.map((r) => r.doneOn).sort()).toEqual(['2026-11-20', '2026-11-22']);
    const entries = await t.services.db.select().from(auditLog).where(eq(auditLog.caseId, caseId));
    const actions = entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'intervention.recorded')).toHaveLength(2);
    expect(entries.filter((e) => e.action === 'intervention.result').map((e) => e.detail.correction)).toEqual([false, false, true]);
  });
});

describe('interventions after the work is done', () => {
  it('offers no forms on a closed case, and says why; a forged result is refused', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Afgesloten interventies.', WANT: ['conversation'] });
    const caseId = await newestCase();
    const sec = await handlerFor(secretary, caseId);
    const deciders = [await handlerFor(employerMember, caseId), await handlerFor(staffMember, caseId), await handlerFor(chair, caseId)];
    await walkToDecision(sec, caseId, deciders);
    expect((await postOn(sec, caseId, 'interventions', 'interventions', { kind: 'mediation', who: 'Mediator', what: 'Gesprek.' })).status).toBe(303);
    const [intervention] = await t.services.db.select({ id: caseInterventions.id }).from(caseInterventions).where(eq(caseInterventions.caseId, caseId));
    expect(await caseAction(sec, caseId, 'advance', { to: 'feedback_given', stepText: 'Wij hebben gesproken met de betrokkenen.' })).toBe(303);
    // After feedback, a result can still be recorded, but no new intervention.
    const afterFeedback = (await sec.get(`/staff/cases/${caseId}/interventions`)).html;
    expect(afterFeedback).toContain(`/interventions/${intervention!.id}/result"`);
    expect(afterFeedback).not.toContain(`action="/staff/cases/${caseId}/interventions"`);
    expect(await caseAction(sec, caseId, 'advance', { to: 'closed', stepText: '' })).toBe(303);
    const page = (await sec.get(`/staff/cases/${caseId}/interventions?result=${intervention!.id}`)).html;
    expect(page).toContain('Interventies en resultaten kunnen nu niet worden vastgelegd');
    expect(page).not.toContain(`/interventions/${intervention!.id}/result"`);
    expect(page).not.toContain(`action="/staff/cases/${caseId}/interventions"`);
    expect(page).not.toContain('Resultaat corrigeren');
    expect(page).not.toContain('Resultaat vastleggen');
    expect((await sec.postWithOwnToken(`/staff/cases/${caseId}/interventions/${intervention!.id}/result`, { result: 'Te laat.', doneOn: '' })).status).toBe(409);
  });
});

describe('joint decision', () => {
  it('draft, agreement and dissent with the nominating side, closed by the chair only; recommendations apart', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Besluit.', WANT: ['investigation'] });
    const caseId = await newestCase();
    const sec = await handlerFor(secretary, caseId);
    for (const [action, fields] of [
      ['acknowledge', { ackNote: '' }],
      ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'high', retaliationRisk: 'low', measures: '' }],
      ['advance', { to: 'in_handling', stepText: '' }],
    ] as const) expect(await caseAction(sec, caseId, action, fields)).toBe(303);

    expect((await postOn(sec, caseId, 'decision', 'decision', { outcome: 'founded', conclusion: 'De druk was oneigenlijk: het rapport moest worden aangepast.' })).status).toBe(303);
    expect((await sec.get(`/staff/cases/${caseId}/decision`)).html).toContain('De druk was oneigenlijk');
    const [decision] = await t.services.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, caseId));
    expect(decision!.status).toBe('open');
    // The secretary drafts but does not vote, and does not close.
    expect((await sec.postWithOwnToken(`/staff/cases/${caseId}/decision/${decision!.id}/vote`, { position: 'agree', voteReason: '' })).status).toBe(403);
    expect((await sec.postWithOwnToken(`/staff/cases/${caseId}/decision/${decision!.id}/close`, {})).status).toBe(403);

    const employer = await handlerFor(employerMember, caseId);
    expect((await postOn(employer, caseId, 'decision', `decision/${decision!.id}/vote`, { position: 'agree', voteReason: '' })).status).toBe(303);
    expect((await employer.postWithOwnToken(`/staff/cases/${caseId}/decision/${decision!.id}/vote`, { position: 'dissent', voteReason: 'Toch niet.' })).status).toBe(409);

    const staffRep = await handlerFor(staffMember, caseId);
    const noReason = await postOn(staffRep, caseId, 'decision', `decision/${decision!.id}/vote`, { position: 'dissent', voteReason: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.html).toContain('Geef bij een afwijkende mening de reden.');
    expect((await postOn(staffRep, caseId, 'decision', `decision/${decision!.id}/vote`, { position: 'dissent', voteReason: 'Ook de directie moet een aanbeveling krijgen.' })).status).toBe(303);
    expect((await staffRep.postWithOwnToken(`/staff/cases/${caseId}/decision/${decision!.id}/close`, {})).status).toBe(403);

    const chairClient = await handlerFor(chair, caseId);
    const before = (await chairClient.get(`/staff/cases/${caseId}/decision`)).html;
    expect(before).toContain('Werkgever');
    expect(before).toContain('Medewerkersvertegenwoordiging');
    expect(before).toContain('Ook de directie moet een aanbeveling krijgen.');
    expect(before).toContain('Nog niet gestemd');
    expect((await postOn(chairClient, caseId, 'decision', 'recommendations', { addressee: 'De secretaris-generaal', recommendationText: 'Leg vast dat rapporten niet op verzoek van de lijn worden aangepast.' })).status).toBe(303);
    // Every member holding a key votes first (the default quorum), the chair included.
    expect(before).not.toContain(`/decision/${decision!.id}/close"`);
    expect((await chairClient.postWithOwnToken(`/staff/cases/${caseId}/decision/${decision!.id}/close`, {})).status).toBe(409);
    expect((await postOn(chairClient, caseId, 'decision', `decision/${decision!.id}/vote`, { position: 'agree', voteReason: '' })).status).toBe(303);
    expect((await postOn(chairClient, caseId, 'decision', `decision/${decision!.id}/close`, {})).status).toBe(303);

    const [closed] = await t.services.db.select().from(cases).where(eq(cases.id, caseId));
    expect(closed!.status).toBe('concluded');
    expect(closed!.outcome).toBe('founded');
    const votes = await t.services.db.select().from(decisionVotes).where(eq(decisionVotes.decisionId, decision!.id));
    expect(votes.map((v) => `${v.position}:${v.nominatedBy}`).sort()).toEqual(['agree:employer', 'agree:null', 'dissent:staff_representatives']);
    const recommendations = await t.services.db.select().from(caseRecommendations).where(eq(caseRecommendations.caseId, caseId));
    expect(recommendations).toHaveLength(1);
    expect(recommendations[0]!.decisionId).toBe(decision!.id);
    const after = (await chairClient.get(`/staff/cases/${caseId}/decision`)).html;
    expect(after).toContain('Vastgesteld');
    expect(after).toContain('De secretaris-generaal');
    // Closed is final.
    expect((await chairClient.postWithOwnToken(`/staff/cases/${caseId}/decision/${decision!.id}/close`, {})).status).toBe(409);
    const audit = await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'decision.closed')));
    expect(audit[0]!.detail).toMatchObject({ outcome: 'founded', quorum: 'all', agree: 2, dissent: 1 });
  });
});

describe('identity requests', () => {
  it('a handler asks with a reason; only the custodian decides; a grant asks the reporter before anything is shared', async () => {
    const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Identiteit.', WANT: ['investigation'] }, { anonymity: 'confidential', identity: { name: 'Noor Jansen', contact: 'noor@prive.example' } });
    const caseId = await newestCase();
    const member = await handlerFor(employerMember, caseId);
    expect((await member.get(`/staff/cases/${caseId}`)).html).not.toContain('Noor Jansen');

    const empty = await postOn(member, caseId, 'identity', 'identity', { requestReason: '' });
    expect(empty.status).toBe(422);
    expect((await postOn(member, caseId, 'identity', 'identity', { requestReason: 'Het onderzoek vraagt een gesprek met de melder.' })).status).toBe(303);
    // One open request at a time.
    expect((await member.postWithOwnToken(`/staff/cases/${caseId}/identity`, { requestReason: 'Nog eens.' })).status).toBe(409);
    const [first] = await t.services.db.select().from(identityRequests).where(eq(identityRequests.caseId, caseId));
    // The requester cannot decide on their own request; neither can another handler.
    expect((await member.postWithOwnToken(`/staff/cases/${caseId}/identity/${first!.id}/decide`, { decision: 'grant', decisionReason: 'Zelf.' })).status).toBe(403);
    const sec = await handlerFor(secretary, caseId);
    expect((await sec.postWithOwnToken(`/staff/cases/${caseId}/identity/${first!.id}/decide`, { decision: 'grant', decisionReason: 'Ik.' })).status).toBe(403);

    const custodian = await handlerFor(chair, caseId);
    const page = (await custodian.get(`/staff/cases/${caseId}/identity`)).html;
    expect(page).toContain('Het onderzoek vraagt een gesprek met de melder.');
    expect((await postOn(custodian, caseId, 'identity', `identity/${first!.id}/decide`, { decision: 'refuse', decisionReason: 'Eerst schriftelijke vragen via de ontvangstcode.' })).status).toBe(303);
    expect((await member.get(`/staff/cases/${caseId}/identity`)).html).toContain('Eerst schriftelijke vragen via de ontvangstcode.');
    expect(await t.services.db.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, employerMember.userId)))).toHaveLength(0);

    expect((await postOn(member, caseId, 'identity', 'identity', { requestReason: 'De schriftelijke vragen bleven onbeantwoord.' })).status).toBe(303);
    const second = (await t.services.db.select().from(identityRequests).where(and(eq(identityRequests.caseId, caseId), eq(identityRequests.status, 'pending'))))[0]!;
    expect((await postOn(custodian, caseId, 'identity', `identity/${second.id}/decide`, { decision: 'grant', decisionReason: 'Een gesprek is nodig om de feiten vast te stellen.' })).status).toBe(303);

    // A grant discloses nothing yet: the reporter's inbox says who and why and asks first
    // (consent, objection and the waiting period: test/http/identity-consent.test.ts).
    const reporterPage = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
    expect(reporterPage).toContain('Een gesprek is nodig om de feiten vast te stellen.');
    expect(reporterPage).toContain('Uw naam is nog niet gedeeld.');
    expect((await member.get(`/staff/cases/${caseId}`)).html).not.toContain('Noor Jansen');
    expect((await member.get(`/staff/cases/${caseId}/identity`)).html).toContain('De melder is gevraagd');
    expect(await t.services.db.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, employerMember.userId)))).toHaveLength(0);
    const [asked] = await t.services.db.select().from(identityRequests).where(eq(identityRequests.id, second.id));
    expect(asked!.status).toBe('awaiting_reporter');
    const question = (await t.services.db.select().from(caseEntries).where(and(eq(caseEntries.caseId, caseId), eq(caseEntries.kind, 'message')))).at(-1)!;
    const granted = (await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'identity.granted'))))[0]!;
    expect(question.createdAt.getTime()).toBeLessThanOrEqual(granted.at.getTime());
    const actions = (await t.services.db.select().from(auditLog).where(eq(auditLog.caseId, caseId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['identity.requested', 'identity.refused', 'identity.granted']));
    expect(actions).not.toContain('identity.released');
  });

  it('there is nothing to ask for on an anonymous report', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Anoniem.', WANT: ['advice'] });
    const caseId = await newestCase();
    const member = await handlerFor(staffMember, caseId);
    expect((await member.get(`/staff/cases/${caseId}/identity`)).html).toContain('Deze melding is anoniem');
    expect((await member.postWithOwnToken(`/staff/cases/${caseId}/identity`, { requestReason: 'Toch proberen.' })).status).toBe(409);
  });
});

describe('oral reports and minutes', () => {
  it('the secretariat enters an oral report and hands over the receipt; minutes are confirmed or corrected by the reporter', async () => {
    const sec = await logInAs(t, secretary);
    const intake = await sec.get('/staff/intake');
    expect(intake.status).toBe(200);
    expect(intake.html).toContain('/report/commission?intake=1');
    const receipt = await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Telefonisch gemeld.', WANT: ['conversation'] }, { client: sec, start: '/report/commission?intake=1' });
    const caseId = await newestCase();
    const [row] = await t.services.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.enteredBy).toBe('operator');
    const [entered] = await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'report.entered')));
    expect(entered!.actorUserId).toBe(secretary.userId);

    // Only a secretary may start operator mode; a visitor is sent to log in.
    const member = await logInAs(t, staffMember);
    expect((await member.get('/report/commission?intake=1')).status).toBe(403);
    expect((await new FormClient(t).get('/report/commission?intake=1')).status).toBe(303);

    await declareNoRelation(sec, caseId);
    const badDate = await postOn(sec, caseId, 'minutes', 'minutes', { meetingOn: '23-11-2026', minutesText: 'Verslag.' });
    expect(badDate.status).toBe(422);
    expect(badDate.html).toContain('Vul een datum in als jjjj-mm-dd');
    expect(badDate.html).toContain('Verslag.');
    expect((await postOn(sec, caseId, 'minutes', 'minutes', { meetingOn: '2026-11-22', minutesText: 'Gesprek van een uur; de melder vertelde over de opdracht.' })).status).toBe(303);

    const reporter = await openWithReceipt(t, receipt);
    const page = await reporter.get('/my-report');
    expect(page.html).toContain('Verslag van het gesprek op 22 november 2026');
    expect(page.html).toContain('Klopt het verslag van 22 november 2026?');
    const action = /action="(\/my-report\/minutes\/[0-9a-f-]{36})"/.exec(page.html)![1]!;
    const noText = await reporter.submit('/my-report', action, { answer: 'correct', correction: '' });
    expect(noText.status).toBe(422);
    expect(noText.html).toContain('Schrijf wat er anders moet');
    expect((await reporter.submit('/my-report', action, { answer: 'correct', correction: 'Het was anderhalf uur en ik noemde ook de afdelingsdirecteur.' })).status).toBe(303);
    expect((await reporter.postWithOwnToken(action, { answer: 'confirm', correction: '' }, '/my-report')).status).toBe(409);

    const staffView = (await sec.get(`/staff/cases/${caseId}/minutes`)).html;
    expect(staffView).toContain('De melder corrigeert het verslag:');
    expect(staffView).toContain('ook de afdelingsdirecteur');
  });

  it('a reporter cannot answer minutes of another case', async () => {
    const receiptA = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'A.', WANT: ['advice'] });
    const caseA = await newestCase();
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'B.', WANT: ['advice'] });
    const caseB = await newestCase();
    const sec = await handlerFor(secretary, caseB);
    expect((await postOn(sec, caseB, 'minutes', 'minutes', { meetingOn: '2026-11-22', minutesText: 'Verslag B.' })).status).toBe(303);
    const [minutesB] = await t.services.db.select().from(caseMinutes).where(eq(caseMinutes.caseId, caseB));
    const reporterA = await openWithReceipt(t, receiptA);
    const token = hiddenValue((await reporterA.get('/my-report')).html, '_csrf');
    expect((await reporterA.post(`/my-report/minutes/${minutesB!.id}`, { answer: 'confirm', correction: '', _csrf: token })).status).toBe(409);
    expect((await t.services.db.select().from(caseMinutes).where(eq(caseMinutes.id, minutesB!.id)))[0]!.status).toBe('awaiting');
    expect(caseA).not.toBe(caseB);
  });
});

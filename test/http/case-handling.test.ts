import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, caseEntries, caseIdentities, caseKeys, cases } from '../../src/db/schema.js';
import { openEntry, publicKeyOf } from '../../src/crypto/case-keys.js';
import { resolveReporterSession, startReporterSession } from '../../src/domain/reports/reporter-session.js';
import { unsafeVerifyAudit } from '../../src/domain/audit/verify-audit.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { hiddenValue } from '../support/form-client.js';
import { caseAction, openDecisionId } from '../support/case-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let member: TestStaff;
const answers = { KIND: 'improper_pressure', WHAT: 'Voor de behandeling.', WANT: ['conversation'] };

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair']);
  member = await createStaff(t, ['commission_member']);
});
afterAll(() => t.close());

async function newestCase(): Promise<string> {
  const all = await t.services.db.select({ id: cases.id, at: cases.receivedAt }).from(cases);
  return all.sort((a, b) => b.at.getTime() - a.at.getTime())[0]!.id;
}

describe('declaration and recusal', () => {
  it('asks for a declaration before anything is decrypted', async () => {
    await reportThroughForm(t, answers);
    const caseId = await newestCase();
    const handler = await logInAs(t, member);
    const page = await handler.get(`/staff/cases/${caseId}`);
    expect(page.html).toContain('Voordat u deze melding opent');
    expect(page.html).not.toContain('Voor de behandeling.');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.html)![1]!;
    // Skipping the declaration by posting a message directly is refused.
    expect((await handler.post(`/staff/cases/${caseId}/messages`, { _csrf: token, text: 'x' })).status).toBe(403);
    await declareNoRelation(handler, caseId);
    expect((await handler.get(`/staff/cases/${caseId}`)).html).toContain('Voor de behandeling.');
  });

  it('recusal destroys the key and identity copy at once and is final', async () => {
    await reportThroughForm(t, answers, { anonymity: 'confidential', identity: { name: 'Iris', contact: 'iris@prive.example' } });
    const caseId = await newestCase();
    const handler = await logInAs(t, chair);
    const recused = await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/declaration`, { decision: 'recused' });
    expect(recused.status).toBe(303);
    expect(await t.services.db.select().from(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, chair.userId)))).toHaveLength(0);
    expect(await t.services.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId))).toHaveLength(0);
    expect((await handler.get(`/staff/cases/${caseId}`)).status).toBe(403);
    expect((await handler.get('/staff/cases')).html).not.toContain(caseId);
    const actions = (await t.services.db.select().from(auditLog).where(eq(auditLog.caseId, caseId))).map((e) => e.action);
    expect(actions).toContain('case.recused');
  });

  it('the last key holder cannot step aside and lose the case', async () => {
    await reportThroughForm(t, answers);
    const caseId = await newestCase();
    for (const staff of [chair, member]) {
      const client = await logInAs(t, staff);
      expect((await client.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/declaration`, { decision: 'recused' })).status).toBe(303);
    }
    const last = await logInAs(t, secretary);
    const refused = await last.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/declaration`, { decision: 'recused' });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('enige die deze melding nog kan openen');
    expect(await t.services.db.select().from(caseKeys).where(eq(caseKeys.caseId, caseId))).toHaveLength(1);
  });
});

describe('acknowledgement', () => {
  it('moves the case on, tells the reporter, and restarts the feedback clock', async () => {
    const receipt = await reportThroughForm(t, answers);
    const caseId = await newestCase();
    t.clock.advance(3 * 24 * 3600_000);
    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, caseId);
    const response = await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/acknowledge`, { ackNote: 'Wij bellen u volgende week.' });
    expect(response.status).toBe(303);
    const again = await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/messages`, { text: 'tweede' });
    expect(again.status).toBe(303);
    const [row] = await t.services.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe('acknowledged');
    // The inbox's next deadline moved from acknowledging to feedback.
    expect(row!.dueOn).toBe('2027-02-25');
    const reporter = await (await openWithReceipt(t, receipt)).get('/my-report');
    // The standard letter (with number and dates): it promises an assessment, not handling.
    expect(reporter.html).toMatch(/Wij hebben uw melding IC-2026-\d{4} ontvangen op 2[0-9] november 2026\./);
    expect(reporter.html).toContain('De commissie beoordeelt eerst of zij uw melding in behandeling kan nemen.');
    expect(reporter.html).not.toContain('nemen die in behandeling');
    expect(reporter.html).toContain('Wij bellen u volgende week.');
    expect(reporter.html).toContain('Ontvangst bevestigd');
    // The clock was at 22 November plus a few minutes, then three days on: feedback by 25 February.
    expect(reporter.html).toMatch(/Terugkoppeling uiterlijk<\/dt><dd>25 februari 2027/);
  });
});

describe('lifecycle', () => {
  it('walks assess, handle, conclude, feedback and close; notes stay internal; extensions are told', async () => {
    const receipt = await reportThroughForm(t, answers);
    const caseId = await newestCase();
    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, caseId);
    // Staff tokens are bound to the session, so any form's token will do, also for steps the page does not offer.
    const token = hiddenValue((await handler.get(`/staff/cases/${caseId}`)).html, '_csrf');
    const post = (action: string, fields: Record<string, string>) => handler.post(`/staff/cases/${caseId}/${action}`, { ...fields, _csrf: token });

    // A step the case is not at: nothing happens, and the case page says so (no error page).
    const early = await post('advance', { to: 'in_handling', stepText: '' });
    expect(early.status).toBe(303);
    expect(early.location).toBe(`/staff/cases/${caseId}?done=stale`);
    expect((await t.services.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe('received');
    expect((await post('acknowledge', { ackNote: '' })).location).toBe(`/staff/cases/${caseId}?done=acknowledged`);
    // Pressed twice (a double click, the Back button): one acknowledgement, and the page says the step was already taken.
    const again = await post('acknowledge', { ackNote: '' });
    expect(again.location).toBe(`/staff/cases/${caseId}?done=stale`);
    expect((await handler.get(again.location!)).html).toContain('Deze stap kan nu niet (meer)');
    const messages = await t.services.db.select({ id: caseEntries.id }).from(caseEntries).where(and(eq(caseEntries.caseId, caseId), eq(caseEntries.kind, 'message')));
    expect(messages).toHaveLength(1);
    const incomplete = await post('assess', { admissible: 'yes', assessReason: '', priority: 'high', retaliationRisk: 'high' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.html).toContain('id="field-assessReason-error"');
    expect((await post('assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ernstige druk op een rapport.', priority: 'high', retaliationRisk: 'high', measures: 'Geen beoordelingsgesprek door de directeur.' })).status).toBe(303);
    expect((await post('notes', { noteText: 'Intern: eerst de directeur horen.' })).status).toBe(303);
    expect((await post('extend', { months: '2', extensionReason: 'Het onderzoek vraagt meer gesprekken.' })).status).toBe(303);
    const extended = (await t.services.db.select({ dueOn: cases.dueOn, to: cases.feedbackExtendedTo }).from(cases).where(eq(cases.id, caseId)))[0]!;
    expect(extended.dueOn).toBe(extended.to);
    expect((await post('advance', { to: 'in_handling', stepText: '' })).status).toBe(303);
    // One handler cannot conclude a commission case: the commission does, by a joint decision the chair closes.
    const alone = await post('advance', { to: 'concluded', stepText: 'Conclusie: druk was oneigenlijk.' });
    expect(alone.status).toBe(409);
    expect(alone.html).toContain('Deze zaak kan alleen worden afgerond met een gezamenlijk besluit dat de voorzitter sluit');
    expect((await post('decision', { outcome: 'founded', conclusion: 'Conclusie: druk was oneigenlijk.' })).status).toBe(303);
    const deciders = [await logInAs(t, member), await logInAs(t, chair)];
    for (const decider of deciders) await declareNoRelation(decider, caseId);
    const decisionId = await openDecisionId(deciders[0]!, caseId);
    for (const decider of deciders) expect(await caseAction(decider, caseId, `decision/${decisionId}/vote`, { position: 'agree', voteReason: '' })).toBe(303);
    expect(await caseAction(deciders[1]!, caseId, `decision/${decisionId}/close`, {})).toBe(303);
    expect((await post('advance', { to: 'feedback_given', stepText: '' })).status).toBe(422);
    expect((await post('advance', { to: 'feedback_given', stepText: 'Wij hebben met de directie gesproken; het rapport blijft ongewijzigd.' })).status).toBe(303);
    expect((await post('advance', { to: 'closed', stepText: '' })).status).toBe(303);
    // Closed twice (a double click): the second does nothing and says so.
    expect((await post('advance', { to: 'closed', stepText: '' })).location).toBe(`/staff/cases/${caseId}?done=stale`);
    // Closed: no deadline runs any more.
    expect((await t.services.db.select({ dueOn: cases.dueOn }).from(cases).where(eq(cases.id, caseId)))[0]!.dueOn).toBeNull();

    const staffView = (await handler.get(`/staff/cases/${caseId}`)).html;
    expect(staffView).toContain('Intern: eerst de directeur horen.');
    expect(staffView).toContain('Geen beoordelingsgesprek door de directeur.');
    expect(staffView).toContain('Afgesloten');

    const reporter = await openWithReceipt(t, receipt);
    const reporterView = (await reporter.get('/my-report')).html;
    expect(reporterView).toContain('het rapport blijft ongewijzigd');
    expect(reporterView).toContain('Het onderzoek vraagt meer gesprekken.');
    expect(reporterView).not.toContain('Intern: eerst de directeur horen.');
    expect(reporterView).not.toContain('Geen beoordelingsgesprek');
    expect(reporterView).not.toContain('Conclusie: druk was oneigenlijk.');
    // Acknowledged on 22 November (+ a few minutes): feedback by 22 February, extended by two months.
    expect(reporterView).toMatch(/Terugkoppeling uiterlijk<\/dt><dd>2[0-9] april 2027/);
    // Beyond the legal term of three months: said to the reporter, in the message and beside the date, to the handler, and kept for the figures.
    expect(reporterView).toContain('Dat is later dan de wettelijke termijn van drie maanden na de ontvangstbevestiging.');
    expect(reporterView).toMatch(/data-testid="beyond-legal-term"> · later dan de wettelijke termijn van drie maanden \(2[0-9] februari 2027\)/);
    expect(staffView).toContain('data-testid="beyond-legal-term"');
    expect((await t.services.db.select({ beyond: cases.beyondLegalTerm }).from(cases).where(eq(cases.id, caseId)))[0]!.beyond).toBe(true);
    // Even with the reporter's own case key and the raw database, internal notes do not open.
    const { token: reporterToken } = await startReporterSession(t.services, t.organisationId, { receipt });
    const session = (await resolveReporterSession(t.services, t.organisationId, reporterToken))!;
    const keys = { privateKey: session.casePrivateKey, publicKey: publicKeyOf(t.services.sodium, session.casePrivateKey) };
    const entries = await t.services.db.select().from(caseEntries).where(eq(caseEntries.caseId, caseId));
    const open = (kind: string) => entries.filter((e) => e.kind === kind).map((e) => openEntry(t.services.sodium, keys, { caseId, entryId: e.id, kind: e.kind }, e));
    expect(open('note').length).toBeGreaterThan(1);
    expect(open('note').every((plain) => plain === null)).toBe(true);
    expect(open('message').every((plain) => plain !== null)).toBe(true);

    const actions = (await t.services.db.select().from(auditLog).where(eq(auditLog.caseId, caseId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.assessed', 'note.added', 'case.feedback-extended', 'case.in_handling', 'decision.drafted', 'decision.vote', 'decision.closed', 'case.feedback_given', 'case.closed']));
    expect(actions).not.toContain('case.concluded');
  });
});

describe('access granted by the chair', () => {
  it('seals the case key to one more person, and takes it away again', async () => {
    await reportThroughForm(t, answers);
    const caseId = await newestCase();
    // An external investigator admitted by the commission gets single cases by grant only.
    const investigator = await createStaff(t, ['external_investigator']);
    const admin = await createStaff(t, ['administrator']);
    const outsider = await logInAs(t, investigator);
    expect((await outsider.get(`/staff/cases/${caseId}`)).status).toBe(403);

    const chairClient = await logInAs(t, chair);
    await declareNoRelation(chairClient, caseId);
    const page = await chairClient.get(`/staff/cases/${caseId}`);
    expect(page.html).toContain('Toegang tot deze melding');
    const token = hiddenValue(page.html, '_csrf');
    expect((await chairClient.post(`/staff/cases/${caseId}/access/grant`, { userId: admin.userId, _csrf: token })).status).toBe(422);
    expect((await chairClient.post(`/staff/cases/${caseId}/access/grant`, { userId: investigator.userId, _csrf: token })).status).toBe(303);

    await declareNoRelation(outsider, caseId);
    expect((await outsider.get(`/staff/cases/${caseId}`)).html).toContain('Voor de behandeling.');
    // Granting is the chair's alone.
    const own = hiddenValue((await outsider.get('/staff')).html, '_csrf');
    expect((await outsider.post(`/staff/cases/${caseId}/access/grant`, { userId: member.userId, _csrf: own })).status).toBe(403);

    expect((await chairClient.post(`/staff/cases/${caseId}/access/revoke`, { userId: investigator.userId, _csrf: token })).status).toBe(303);
    expect((await outsider.get(`/staff/cases/${caseId}`)).status).toBe(403);
    const actions = (await t.services.db.select().from(auditLog).where(eq(auditLog.caseId, caseId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['access.granted', 'access.revoked']));
  });
});

describe('audit trail', () => {
  it('records openings, messages and declarations, and the verifier names an edited or removed row', async () => {
    const verdict = await unsafeVerifyAudit(t.services);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.entries).toBeGreaterThan(5);
    // The organisation's own chain (the platform's holds the organisation's creation).
    const rows = await t.services.db.select().from(auditLog).where(eq(auditLog.organisationId, t.organisationId)).orderBy(asc(auditLog.seq));
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['body.founded', 'account.changed', 'report.submitted', 'case.opened', 'case.declared', 'case.recused', 'case.acknowledged', 'message.added', 'case.assessed', 'note.added', 'case.feedback-extended', 'case.in_handling', 'decision.drafted', 'decision.vote', 'decision.closed', 'case.feedback_given', 'case.closed', 'access.granted', 'access.revoked']),
    );
    // No content in the audit: only codes, ids and counts.
    expect(JSON.stringify(rows)).not.toContain('Voor de behandeling');

    const target = rows[5]!;
    const inChain = (seq: number) => and(eq(auditLog.organisationId, t.organisationId), eq(auditLog.seq, seq));
    await t.services.db.update(auditLog).set({ action: 'case.nothing-to-see' }).where(inChain(target.seq));
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: false, brokenAt: target.seq, reason: 'edited' });
    const chairPage = await (await logInAs(t, chair)).get('/staff/audit');
    expect(chairPage.html).toContain(`vanaf regel ${target.seq}`);
    await t.services.db.update(auditLog).set({ action: target.action }).where(inChain(target.seq));
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: true });

    await t.services.db.delete(auditLog).where(inChain(3));
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: false, brokenAt: 3, reason: 'missing' });
  });

  it('only the chair sees the audit page', async () => {
    expect((await (await logInAs(t, secretary)).get('/staff/audit')).status).toBe(403);
    expect((await (await logInAs(t, chair)).get('/staff/audit')).status).toBe(200);
  });
});

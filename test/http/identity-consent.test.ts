import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { auditLog, caseEntries, caseIdentities, cases, identityRequests, jobRuns, organisations, routes, users } from '../../src/db/schema.js';
import { sealNotifyEmail } from '../../src/domain/reports/notify-reporter.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 11, "the reporter decides about their name": a granted request asks the reporter first;
// consent releases, an objection releases nothing, silence releases after the commission's waiting
// period, a legal duty releases at once after telling the reporter. Through the real server.
const DAY = 24 * 3600_000;
let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let member: TestStaff;
let otherMember: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair']);
  member = await createStaff(t, ['commission_member']);
  otherMember = await createStaff(t, ['commission_member']);
  // So that every route has readers, and its first step is offered.
  await createStaff(t, ['ethics_panel_member']);
  await createStaff(t, ['confidential_advisor']);
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

/** A confidential commission report by `name`, with an address for the content-free notices. */
async function confidentialReport(name: string): Promise<{ receipt: string; caseId: string; email: string }> {
  const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Mijn leidinggevende wil dat ik het rapport aanpas.', WANT: ['investigation'] }, { anonymity: 'confidential', identity: { name, contact: `${name.split(' ')[0]!.toLowerCase()}@prive.example` } });
  const caseId = await newestCase();
  const email = `melder-${caseId.slice(0, 8)}@prive.example`;
  await t.services.db.update(cases).set({ notifyEmailSealed: sealNotifyEmail(t.services, caseId, email) }).where(eq(cases.id, caseId));
  return { receipt, caseId, email };
}

async function ask(requester: FormClient, caseId: string, reason: string): Promise<string> {
  expect((await requester.submit(`/staff/cases/${caseId}/identity`, `/staff/cases/${caseId}/identity`, { requestReason: reason })).status).toBe(303);
  const [row] = await t.services.db
    .select({ id: identityRequests.id })
    .from(identityRequests)
    .where(and(eq(identityRequests.caseId, caseId), eq(identityRequests.status, 'pending')))
    .orderBy(desc(identityRequests.requestedAt))
    .limit(1);
  return row!.id;
}

async function decide(custodian: FormClient, caseId: string, requestId: string, fields: { decision: string; decisionReason: string; legalDuty?: string }) {
  return custodian.submit(`/staff/cases/${caseId}/identity`, `/staff/cases/${caseId}/identity/${requestId}/decide`, fields);
}

const requestRow = async (id: string) => (await t.services.db.select().from(identityRequests).where(eq(identityRequests.id, id)))[0]!;
const copiesFor = (caseId: string, userId: string) =>
  t.services.db.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, userId)));
const auditOf = async (caseId: string) => t.services.db.select().from(auditLog).where(eq(auditLog.caseId, caseId)).orderBy(asc(auditLog.seq));
const messagesOf = (caseId: string) =>
  t.services.db.select().from(caseEntries).where(and(eq(caseEntries.caseId, caseId), eq(caseEntries.kind, 'message'))).orderBy(asc(caseEntries.createdAt));

/** The reporter answers on their consent page, as a browser without JavaScript would. */
async function answer(reporter: FormClient, requestId: string, fields: { answer: string; comment: string }) {
  return reporter.submit(`/my-report/identity/${requestId}`, `/my-report/identity/${requestId}`, fields);
}

describe('who reads the name', () => {
  it('"open": every handler of the case sees it on the case page; "confidential": only the custodian', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Open melding.', WANT: ['conversation'] }, { anonymity: 'open', identity: { name: 'Olga Open', contact: 'olga@prive.example' } });
    const openCase = await newestCase();
    for (const staff of [secretary, member, otherMember, chair]) {
      const html = (await (await handlerFor(staff, openCase)).get(`/staff/cases/${openCase}`)).html;
      expect(html, staff.email).toContain('Olga Open');
      expect(html).toContain('iedereen die deze melding behandelt, ziet deze gegevens');
    }
    expect((await t.services.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, openCase))).map((r) => r.custodianUserId).sort()).toEqual(
      [secretary, member, otherMember, chair].map((s) => s.userId).sort(),
    );

    const { caseId } = await confidentialReport('Carla Vertrouwelijk');
    for (const staff of [secretary, member, otherMember]) {
      expect((await (await handlerFor(staff, caseId)).get(`/staff/cases/${caseId}`)).html, staff.email).not.toContain('Carla Vertrouwelijk');
    }
    expect((await (await handlerFor(chair, caseId)).get(`/staff/cases/${caseId}`)).html).toContain('Carla Vertrouwelijk');
    expect((await t.services.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId))).map((r) => r.custodianUserId)).toEqual([chair.userId]);
  });

  it('the first step of each route says who will read the name, from the route\'s own roles', async () => {
    const first = async (path: string) => (await new FormClient(t).get(path)).html;
    const commission = await first('/report/commission');
    expect(commission).toContain('Vertrouwelijk: u geeft uw naam en contactgegevens, en die zijn alleen te lezen voor de voorzitter van de commissie.');
    expect(commission).toContain('iedereen die deze melding behandelt kan die lezen: het secretariaat, de commissieleden en de voorzitter van de commissie.');
    expect(commission).toContain('U krijgt dan eerst een bericht en kunt instemmen of bezwaar maken.');
    expect(await first('/report/risk_signal')).toContain('alleen te lezen voor de voorzitter van de commissie.');
    const ethics = await first('/report/ethics');
    expect(ethics).toContain('alleen te lezen voor de leden van het ethiekpanel.');
    expect(ethics).toContain('kan die lezen: de leden van het ethiekpanel.');
    expect(await first('/report/advisor')).toContain('alleen te lezen voor de vertrouwenspersonen.');
    expect(await first('/report/commission?lang=en')).toContain('and only the chair of the commission can read them.');

    // The custodian role is a per-route setting: the wording follows it.
    await t.services.db.update(routes).set({ custodianRoles: ['secretary'] }).where(eq(routes.code, 'risk_signal'));
    try {
      expect(await first('/report/risk_signal')).toContain('alleen te lezen voor het secretariaat.');
    } finally {
      await t.services.db.update(routes).set({ custodianRoles: ['chair'] }).where(eq(routes.code, 'risk_signal'));
    }
  });
});

describe('deciding', () => {
  it('only the custodian decides: the requester, another member and the secretary get 403', async () => {
    const { caseId } = await confidentialReport('Dirk Besluit');
    const requester = await handlerFor(member, caseId);
    const requestId = await ask(requester, caseId, 'Wij willen de melder horen.');
    const path = `/staff/cases/${caseId}/identity/${requestId}/decide`;
    for (const [who, staff] of [['requester', member], ['another member', otherMember], ['secretary', secretary]] as const) {
      const client = who === 'requester' ? requester : await handlerFor(staff, caseId);
      // The page offers them no decision form, and a forged post is refused.
      expect((await client.get(`/staff/cases/${caseId}/identity`)).html, who).not.toContain(path);
      expect((await client.postWithOwnToken(path, { decision: 'grant', decisionReason: 'Ik besluit zelf.' })).status, who).toBe(403);
      expect((await client.postWithOwnToken(path, { decision: 'grant', decisionReason: 'Wettelijk.', legalDuty: 'yes' })).status, who).toBe(403);
    }
    expect((await requestRow(requestId)).status).toBe('pending');
    expect(await copiesFor(caseId, member.userId)).toHaveLength(0);

    const custodian = await handlerFor(chair, caseId);
    expect((await custodian.get(`/staff/cases/${caseId}/identity`)).html).toContain(path);
    // A legal duty belongs to a grant, and every decision has a reason.
    const refuseWithDuty = await decide(custodian, caseId, requestId, { decision: 'refuse', decisionReason: 'Nee.', legalDuty: 'yes' });
    expect(refuseWithDuty.status).toBe(422);
    expect(refuseWithDuty.html).toContain('Een wettelijke plicht geldt alleen als u het verzoek toestaat.');
    expect((await decide(custodian, caseId, requestId, { decision: 'grant', decisionReason: '', legalDuty: 'yes' })).status).toBe(422);
    expect((await decide(custodian, caseId, requestId, { decision: 'grant', decisionReason: 'Nodig voor het gesprek.' })).status).toBe(303);
    expect((await requestRow(requestId)).status).toBe('awaiting_reporter');
  });
});

describe('the reporter decides', () => {
  it('consent: asked first (inbox and a content-free mail), then released at once to the requester only', async () => {
    const { receipt, caseId, email } = await confidentialReport('Karin Instemming');
    const requester = await handlerFor(member, caseId);
    const requestId = await ask(requester, caseId, 'Interne reden: het gesprek met de directeur.');
    const custodian = await handlerFor(chair, caseId);
    t.mail.received.length = 0;
    expect((await decide(custodian, caseId, requestId, { decision: 'grant', decisionReason: 'Een gesprek met u is nodig om de feiten vast te stellen.' })).status).toBe(303);

    // Nothing released yet; the reporter is asked, and a mail without content says there is news.
    const granted = await requestRow(requestId);
    expect(granted.status).toBe('awaiting_reporter');
    expect(granted.pendingSealedIdentity).not.toBeNull();
    expect(granted.releaseAfter!.getTime()).toBe(granted.decidedAt!.getTime() + 10 * DAY);
    expect(await copiesFor(caseId, member.userId)).toHaveLength(0);
    expect((await requester.get(`/staff/cases/${caseId}`)).html).not.toContain('Karin Instemming');
    const mails = t.mail.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).not.toMatch(/Karin|gesprek|naam|Test commission/i);

    const reporter = await openWithReceipt(t, receipt);
    const inbox = (await reporter.get('/my-report')).html;
    expect(inbox).toContain('Vraag aan de melder: mag de naam worden gedeeld?');
    expect(inbox).toContain('Een gesprek met u is nodig om de feiten vast te stellen.');
    expect(inbox).toContain(`/my-report/identity/${requestId}`);
    // The handlers' own reason stays internal.
    expect(inbox).not.toContain('Interne reden');
    const page = await reporter.get(`/my-report/identity/${requestId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Mag uw naam worden gedeeld?');
    expect(page.html).toContain('Test commission_member');
    expect(page.html).toContain('Maakt u bezwaar, dan wordt uw naam niet gedeeld.');

    const noChoice = await answer(reporter, requestId, { answer: '', comment: 'Toelichting blijft staan.' });
    expect(noChoice.status).toBe(422);
    expect(noChoice.html).toContain('Toelichting blijft staan.');
    const done = await answer(reporter, requestId, { answer: 'consent', comment: 'Bel me liever na vijf uur.' });
    expect(done.status).toBe(303);
    expect(done.location).toContain('/my-report?identity=consent');
    expect((await reporter.get(done.location!)).html).toContain('U stemde in: uw naam is gedeeld met wie erom vroeg.');
    // Once: a different answer afterwards is refused; the same answer again (a double click) just stands.
    expect((await reporter.postWithOwnToken(`/my-report/identity/${requestId}`, { answer: 'object', comment: '' }, '/my-report')).status).toBe(409);
    const messagesBefore = (await messagesOf(caseId)).length;
    const again = await reporter.postWithOwnToken(`/my-report/identity/${requestId}`, { answer: 'consent', comment: 'Bel me liever na vijf uur.' }, '/my-report');
    expect(again.status).toBe(303);
    expect(again.location).toContain('/my-report?identity=consent');
    expect((await messagesOf(caseId)).length).toBe(messagesBefore);

    const released = await requestRow(requestId);
    expect(released.status).toBe('released');
    expect(released.reporterAnswer).toBe('consent');
    expect(released.pendingSealedIdentity).toBeNull();
    expect(await copiesFor(caseId, member.userId)).toHaveLength(1);
    expect((await requester.get(`/staff/cases/${caseId}`)).html).toContain('Karin Instemming');
    // Released to the requester only: the other member still does not see it.
    expect((await (await handlerFor(otherMember, caseId)).get(`/staff/cases/${caseId}`)).html).not.toContain('Karin Instemming');
    const identityPage = (await requester.get(`/staff/cases/${caseId}/identity`)).html;
    expect(identityPage).toContain('De melder stemde in.');
    expect(identityPage).toContain('Bel me liever na vijf uur.');

    const audit = await auditOf(caseId);
    const actions = audit.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['identity.requested', 'identity.granted', 'identity.consented', 'identity.released']));
    expect(actions.indexOf('identity.consented')).toBeLessThan(actions.indexOf('identity.released'));
    expect(audit.find((e) => e.action === 'identity.released')!.detail).toEqual({ request: requestId, by: 'consent' });
    // Without content: no names, no reasons, no words of the reporter.
    expect(JSON.stringify(audit.map((e) => e.detail))).not.toMatch(/Karin|gesprek|vijf uur|Interne/);
  });

  it('objection: nothing is released, the pending copy is gone, and the waiting period changes nothing', async () => {
    const { receipt, caseId } = await confidentialReport('Bram Bezwaar');
    const requester = await handlerFor(member, caseId);
    const requestId = await ask(requester, caseId, 'Wij willen de melder spreken.');
    expect((await decide(await handlerFor(chair, caseId), caseId, requestId, { decision: 'grant', decisionReason: 'Een gesprek helpt het onderzoek.' })).status).toBe(303);

    const reporter = await openWithReceipt(t, receipt);
    const done = await answer(reporter, requestId, { answer: 'object', comment: 'Ik ben bang voor represailles.' });
    expect(done.status).toBe(303);
    expect((await reporter.get(done.location!)).html).toContain('U maakte bezwaar: uw naam wordt niet gedeeld.');

    const objected = await requestRow(requestId);
    expect(objected.status).toBe('objected');
    expect(objected.reporterAnswer).toBe('object');
    expect(objected.pendingSealedIdentity).toBeNull();
    expect(await copiesFor(caseId, member.userId)).toHaveLength(0);
    expect((await requester.get(`/staff/cases/${caseId}`)).html).not.toContain('Bram Bezwaar');
    const identityPage = (await requester.get(`/staff/cases/${caseId}/identity`)).html;
    expect(identityPage).toContain('De melder maakte bezwaar op');
    expect(identityPage).toContain('De naam is niet gedeeld.');
    expect(identityPage).toContain('Ik ben bang voor represailles.');
    expect((await auditOf(caseId)).map((e) => e.action)).toContain('identity.objected');

    // Past the waiting period: the job and the requester's own visit release nothing.
    t.clock.advance(11 * DAY);
    await runDueJobs(t.services);
    const later = await logInAs(t, member);
    expect((await later.get(`/staff/cases/${caseId}`)).html).not.toContain('Bram Bezwaar');
    expect(await copiesFor(caseId, member.userId)).toHaveLength(0);
    expect((await requestRow(requestId)).status).toBe('objected');
    expect((await auditOf(caseId)).map((e) => e.action)).not.toContain('identity.released');
  });

  it('no answer: released by the job exactly when the waiting period ends, not before; once; the reporter told', async () => {
    await t.services.db.update(organisations).set({ identityWaitDays: 3 });
    try {
      const { receipt, caseId } = await confidentialReport('Wim Wachttijd');
      const requester = await handlerFor(member, caseId);
      const requestId = await ask(requester, caseId, 'Nodig voor het onderzoek.');
      expect((await decide(await handlerFor(chair, caseId), caseId, requestId, { decision: 'grant', decisionReason: 'Wij willen u spreken.' })).status).toBe(303);
      const granted = await requestRow(requestId);
      expect(granted.releaseAfter!.getTime()).toBe(granted.decidedAt!.getTime() + 3 * DAY);
      expect((await requester.get(`/staff/cases/${caseId}/identity`)).html).toContain('De melder is gevraagd en kan tot');

      // One minute before the end: nothing, from the job or from the requester's visit.
      t.clock.ms = granted.releaseAfter!.getTime() - 60_000;
      await runDueJobs(t.services);
      expect((await requestRow(requestId)).status).toBe('awaiting_reporter');
      expect((await (await logInAs(t, member)).get(`/staff/cases/${caseId}`)).html).not.toContain('Wim Wachttijd');
      expect(await copiesFor(caseId, member.userId)).toHaveLength(0);

      t.clock.ms = granted.releaseAfter!.getTime();
      expect((await runDueJobs(t.services)).identitiesReleased).toBeGreaterThanOrEqual(1);
      // A second run finds nothing left to do.
      expect((await runDueJobs(t.services)).identitiesReleased).toBe(0);
      const released = await requestRow(requestId);
      expect(released.status).toBe('released');
      expect(released.reporterAnswer).toBeNull();
      expect(released.releasedAt!.getTime()).toBe(granted.releaseAfter!.getTime());
      const [copy] = await copiesFor(caseId, member.userId);
      expect(copy).toBeDefined();
      const [claim] = await t.services.db.select().from(jobRuns).where(eq(jobRuns.key, `identity-release:${requestId}`));
      expect(claim!.finishedAt).not.toBeNull();

      t.clock.advance(30_000);
      const after = await logInAs(t, member);
      expect((await after.get(`/staff/cases/${caseId}`)).html).toContain('Wim Wachttijd');
      expect((await after.get(`/staff/cases/${caseId}/identity`)).html).toContain('na de wachttijd. De melder maakte geen bezwaar.');
      const reporterPage = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
      expect(reporterPage).toContain('Bericht: de naam is gedeeld na de wachttijd');
      expect(reporterPage).not.toContain(`/my-report/identity/${requestId}`);
      const release = (await auditOf(caseId)).filter((e) => e.action === 'identity.released');
      expect(release).toHaveLength(1);
      expect(release[0]!).toMatchObject({ actorKind: 'system', detail: { request: requestId, by: 'waiting_period' } });
    } finally {
      await t.services.db.update(organisations).set({ identityWaitDays: 10 });
    }
  });

  it('no answer: the requester opening the case after the waiting period releases it, before the job runs', async () => {
    const { caseId } = await confidentialReport('Lotte Lui');
    const requester = await handlerFor(member, caseId);
    const requestId = await ask(requester, caseId, 'Nodig.');
    expect((await decide(await handlerFor(chair, caseId), caseId, requestId, { decision: 'grant', decisionReason: 'Wij willen u spreken.' })).status).toBe(303);
    t.clock.ms = (await requestRow(requestId)).releaseAfter!.getTime() + 1000;
    // Another handler's visit is not the requester's: nothing happens for them.
    expect((await (await logInAs(t, otherMember)).get(`/staff/cases/${caseId}`)).html).not.toContain('Lotte Lui');
    expect((await requestRow(requestId)).status).toBe('awaiting_reporter');
    expect((await (await logInAs(t, member)).get(`/staff/cases/${caseId}`)).html).toContain('Lotte Lui');
    expect((await requestRow(requestId)).status).toBe('released');
    await runDueJobs(t.services);
    expect((await auditOf(caseId)).filter((e) => e.action === 'identity.released')).toHaveLength(1);
  });

  it('an answer after the waiting period is refused with the reason, and the release goes ahead', async () => {
    const { receipt, caseId } = await confidentialReport('Tim Telaat');
    const requestId = await ask(await handlerFor(member, caseId), caseId, 'Nodig.');
    expect((await decide(await handlerFor(chair, caseId), caseId, requestId, { decision: 'grant', decisionReason: 'Wij willen u spreken.' })).status).toBe(303);
    t.clock.ms = (await requestRow(requestId)).releaseAfter!.getTime();
    const reporter = await openWithReceipt(t, receipt);
    // The page says the time is over and offers no form; a post anyway is refused with the reason.
    const closed = await reporter.get(`/my-report/identity/${requestId}`);
    expect(closed.html).toContain('De tijd om te antwoorden is voorbij.');
    expect(closed.html).not.toContain(`action="/my-report/identity/${requestId}"`);
    const late = await reporter.postWithOwnToken(`/my-report/identity/${requestId}`, { answer: 'object', comment: '' }, '/my-report');
    expect(late.status).toBe(409);
    expect(late.html).toContain('De tijd om te antwoorden is voorbij');
    expect((await requestRow(requestId)).status).toBe('awaiting_reporter');
    await runDueJobs(t.services);
    expect((await requestRow(requestId)).status).toBe('released');
  });

  it('a reporter cannot answer a request of another case', async () => {
    const a = await confidentialReport('Anna Ander');
    const b = await confidentialReport('Bert Ander');
    const requestB = await ask(await handlerFor(member, b.caseId), b.caseId, 'Nodig.');
    expect((await decide(await handlerFor(chair, b.caseId), b.caseId, requestB, { decision: 'grant', decisionReason: 'Wij willen u spreken.' })).status).toBe(303);
    const reporterA = await openWithReceipt(t, a.receipt);
    expect((await reporterA.get(`/my-report/identity/${requestB}`)).status).toBe(303);
    expect((await reporterA.postWithOwnToken(`/my-report/identity/${requestB}`, { answer: 'consent', comment: '' }, '/my-report')).status).toBe(409);
    expect((await requestRow(requestB)).status).toBe('awaiting_reporter');
    expect(await copiesFor(b.caseId, member.userId)).toHaveLength(0);
  });
});

describe('legal duty', () => {
  it('the reporter is told first, then the name is released at once; both steps audited in that order', async () => {
    const { receipt, caseId, email } = await confidentialReport('Lea Wettelijk');
    const requester = await handlerFor(member, caseId);
    const requestId = await ask(requester, caseId, 'Aangifte is verplicht.');
    t.mail.received.length = 0;
    expect((await decide(await handlerFor(chair, caseId), caseId, requestId, { decision: 'grant', decisionReason: 'Artikel 162 Wetboek van Strafvordering verplicht tot aangifte.', legalDuty: 'yes' })).status).toBe(303);

    const row = await requestRow(requestId);
    expect(row).toMatchObject({ status: 'released', legalDuty: true, reporterAnswer: null, pendingSealedIdentity: null, releaseAfter: null });
    expect(await copiesFor(caseId, member.userId)).toHaveLength(1);
    expect((await requester.get(`/staff/cases/${caseId}`)).html).toContain('Lea Wettelijk');
    expect((await requester.get(`/staff/cases/${caseId}/identity`)).html).toContain('Gedeeld vanwege een wettelijke plicht op');
    // The message that tells the reporter is there, and is no later than the release.
    const told = (await messagesOf(caseId)).at(-1)!;
    expect(told.createdAt.getTime()).toBeLessThanOrEqual(row.releasedAt!.getTime());
    expect(t.mail.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    const reporterPage = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
    expect(reporterPage).toContain('Bericht: de naam wordt gedeeld vanwege een wettelijke plicht');
    expect(reporterPage).toContain('Artikel 162 Wetboek van Strafvordering');
    // Nothing to answer: the law does not wait.
    expect(reporterPage).not.toContain(`/my-report/identity/${requestId}`);

    const audit = (await auditOf(caseId)).filter((e) => e.action.startsWith('identity.'));
    expect(audit.map((e) => e.action)).toEqual(['identity.requested', 'identity.granted', 'identity.released']);
    expect(audit.at(-2)!.detail).toEqual({ request: requestId, legalDuty: true });
    expect(audit.at(-1)!.detail).toEqual({ request: requestId, by: 'legal_duty' });
  });

  it('if the reporter cannot be told, nothing is released (message and release are one transaction)', async () => {
    const { caseId } = await confidentialReport('Nina Nooitstil');
    const requester = await handlerFor(member, caseId);
    const custodian = await handlerFor(chair, caseId);
    const dutyRequest = await ask(requester, caseId, 'Verplicht.');
    // A fault: every new message of this case is refused by the database.
    await t.services.db.execute(
      sql.raw(`create or replace function refuse_case_messages() returns trigger language plpgsql as $$ begin
        if new.kind = 'message' and new.case_id = '${caseId}' then raise exception 'message refused for the test'; end if; return new; end $$`),
    );
    await t.services.db.execute(sql.raw('create trigger refuse_case_messages before insert on case_entries for each row execute function refuse_case_messages()'));
    try {
      const failed = await decide(custodian, caseId, dutyRequest, { decision: 'grant', decisionReason: 'Wettelijke plicht.', legalDuty: 'yes' });
      expect(failed.status).toBe(500);
      expect((await requestRow(dutyRequest)).status).toBe('pending');
      expect(await copiesFor(caseId, member.userId)).toHaveLength(0);
    } finally {
      await t.services.db.execute(sql.raw('drop trigger refuse_case_messages on case_entries'));
    }
    // Granted normally, then the waiting period ends while the fault is back: the job releases nothing and tries again.
    expect((await decide(custodian, caseId, dutyRequest, { decision: 'grant', decisionReason: 'Wij willen u spreken.' })).status).toBe(303);
    t.clock.ms = (await requestRow(dutyRequest)).releaseAfter!.getTime();
    await t.services.db.execute(sql.raw('create trigger refuse_case_messages before insert on case_entries for each row execute function refuse_case_messages()'));
    try {
      await runDueJobs(t.services);
      expect((await requestRow(dutyRequest)).status).toBe('awaiting_reporter');
      expect(await copiesFor(caseId, member.userId)).toHaveLength(0);
    } finally {
      await t.services.db.execute(sql.raw('drop trigger refuse_case_messages on case_entries'));
      await t.services.db.execute(sql.raw('drop function refuse_case_messages()'));
    }
    // The claim was handed back, so the next run does it.
    await runDueJobs(t.services);
    expect((await requestRow(dutyRequest)).status).toBe('released');
    expect(await copiesFor(caseId, member.userId)).toHaveLength(1);
  });
});

describe('a sealed identity moved to another case', () => {
  it('is refused when opened: on the case page and when the custodian decides (409 tampered)', async () => {
    const a = await confidentialReport('Sanne Echt');
    const b = await confidentialReport('Ruud Ander');
    const requestB = await ask(await handlerFor(member, b.caseId), b.caseId, 'Nodig.');
    const custodian = await handlerFor(chair, b.caseId);
    await declareNoRelation(custodian, a.caseId);
    // Someone who edits the database puts case A's identity into case B's row.
    const [fromA] = await copiesFor(a.caseId, chair.userId);
    await t.services.db.update(caseIdentities).set({ sealedIdentity: fromA!.sealedIdentity }).where(and(eq(caseIdentities.caseId, b.caseId), eq(caseIdentities.custodianUserId, chair.userId)));

    const opened = await custodian.get(`/staff/cases/${b.caseId}`);
    expect(opened.status).toBe(409);
    expect(opened.html).not.toContain('Sanne Echt');
    expect((await custodian.postWithOwnToken(`/staff/cases/${b.caseId}/identity/${requestB}/decide`, { decision: 'grant', decisionReason: 'Nodig.' })).status).toBe(409);
    const row = await requestRow(requestB);
    expect(row.status).toBe('pending');
    expect(row.pendingSealedIdentity).toBeNull();
    // Case A itself still opens.
    expect((await custodian.get(`/staff/cases/${a.caseId}`)).html).toContain('Sanne Echt');
  });
});

describe('hostile text', () => {
  it('script payloads in the reasons and in the reporter\'s words are shown inert on every page of the flow', async () => {
    const PAYLOAD = `<script>alert("x")</script><img src=x onerror=alert(1)>' OR 1=1; --`;
    const expectInert = (html: string, where: string) => {
      expect(html, where).not.toContain('<script>alert');
      expect(html, where).not.toContain('<img src=x');
      expect(html, where).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    };
    const { receipt, caseId } = await confidentialReport('Henk Hostiel');
    const requester = await handlerFor(member, caseId);
    const requestId = await ask(requester, caseId, PAYLOAD);
    const custodian = await handlerFor(chair, caseId);
    expectInert((await custodian.get(`/staff/cases/${caseId}/identity`)).html, 'decision form');
    expect((await decide(custodian, caseId, requestId, { decision: 'grant', decisionReason: PAYLOAD })).status).toBe(303);
    const reporter = await openWithReceipt(t, receipt);
    expectInert((await reporter.get('/my-report')).html, 'reporter inbox');
    expectInert((await reporter.get(`/my-report/identity/${requestId}`)).html, 'consent page');
    expect((await answer(reporter, requestId, { answer: 'object', comment: PAYLOAD })).status).toBe(303);
    expectInert((await requester.get(`/staff/cases/${caseId}/identity`)).html, 'identity page with the objection');
  });
});

describe('a requester who loses access', () => {
  it('stepping aside while the reporter is asked lets the request lapse: the pending copy is destroyed and nothing is released later', async () => {
    const { caseId } = await confidentialReport('Lotte Laat');
    const requester = await handlerFor(otherMember, caseId);
    const requestId = await ask(requester, caseId, 'Voor een gesprek.');
    const custodian = await handlerFor(chair, caseId);
    expect((await decide(custodian, caseId, requestId, { decision: 'grant', decisionReason: 'Wij willen u spreken.' })).status).toBe(303);
    expect((await requestRow(requestId)).pendingSealedIdentity).not.toBeNull();

    expect((await requester.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/step-aside`, {})).status).toBe(303);
    const lapsed = await requestRow(requestId);
    expect(lapsed.status).toBe('withdrawn');
    expect(lapsed.pendingSealedIdentity).toBeNull();

    t.clock.advance(30 * DAY);
    await runDueJobs(t.services);
    expect(await copiesFor(caseId, otherMember.userId)).toHaveLength(0);
    expect((await (await logInAs(t, chair)).get(`/staff/cases/${caseId}/identity`)).html).toContain('Vervallen: de aanvrager heeft geen toegang meer');
  });
});

describe('who stays the custodian', () => {
  it('a requester who received the name cannot pass it on, even with the chair role added; the custodian of an older case stays its custodian after the custodian role changes', async () => {
    const { receipt, caseId } = await confidentialReport('Pim Precedent');
    const requester = await handlerFor(member, caseId);
    const first = await ask(requester, caseId, 'Nodig voor het gesprek.');
    const custodian = await handlerFor(chair, caseId);
    expect((await decide(custodian, caseId, first, { decision: 'grant', decisionReason: 'Voor een gesprek.' })).status).toBe(303);
    const reporter = await openWithReceipt(t, receipt);
    expect((await answer(reporter, first, { answer: 'consent', comment: '' })).status).toBe(303);
    expect(await copiesFor(caseId, member.userId)).toHaveLength(1);

    // The secretary asks; the member who now knows the name is made "chair" by a database edit.
    const second = await ask(await handlerFor(secretary, caseId), caseId, 'Ik wil het ook weten.');
    await t.services.db.update(users).set({ roles: ['commission_member', 'chair'] }).where(eq(users.id, member.userId));
    try {
      const forged = await (await logInAs(t, member)).postWithOwnToken(`/staff/cases/${caseId}/identity/${second}/decide`, { decision: 'grant', decisionReason: 'Doorgeven.' });
      expect(forged.status).toBe(403);
      expect((await requestRow(second)).status).toBe('pending');
    } finally {
      await t.services.db.update(users).set({ roles: ['commission_member'] }).where(eq(users.id, member.userId));
    }
    // The commission names the secretary's role custodian for new reports; the chair still decides here.
    const settings = await logInAs(t, chair);
    expect((await settings.submit('/staff/commission-settings', '/staff/commission-settings/custodian/commission', { custodian_commission: 'secretary' })).status).toBe(303);
    try {
      expect((await decide(await logInAs(t, chair), caseId, second, { decision: 'refuse', decisionReason: 'Niet nodig.' })).status).toBe(303);
      expect((await requestRow(second)).status).toBe('refused');
    } finally {
      expect((await settings.submit('/staff/commission-settings', '/staff/commission-settings/custodian/commission', { custodian_commission: 'chair' })).status).toBe(303);
    }
  });
});

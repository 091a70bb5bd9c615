import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, caseDecisions, caseDeclarations, caseIdentities, caseKeys, cases, decisionVotes, users } from '../../src/db/schema.js';
import { caseAction } from '../support/case-steps.js';
import type { FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportOnRoute, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Independence by construction: a commission case is concluded only by a joint decision that the
// chair closes once the commission's quorum is met; a handler can step aside at any time; the
// ethics panel keeps its own, simpler way of working without the law's frame.
let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let employerA: TestStaff;
let employerB: TestStaff;
let staffRep: TestStaff;
let independent: TestStaff;
let ethics: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair']);
  employerA = await createStaff(t, ['commission_member']);
  employerB = await createStaff(t, ['commission_member']);
  staffRep = await createStaff(t, ['commission_member']);
  independent = await createStaff(t, ['commission_member']);
  ethics = await createStaff(t, ['ethics_panel_member']);
  for (const [who, name, side] of [
    [chair, 'Vera Voorzitter', 'independent'],
    [employerA, 'Anna Werkgever', 'employer'],
    [employerB, 'Bram Werkgever', 'employer'],
    [staffRep, 'Sara Personeel', 'staff_representatives'],
    [independent, 'Iris Onafhankelijk', 'independent'],
  ] as const) await t.services.db.update(users).set({ displayName: name, nominatedBy: side }).where(eq(users.id, who.userId));
});
afterAll(() => t.close());

async function newestCase(): Promise<string> {
  return (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
}

async function handlerFor(staff: TestStaff, caseId: string): Promise<FormClient> {
  const client = await logInAs(t, staff);
  await declareNoRelation(client, caseId);
  return client;
}

/** A commission case in handling with an open draft decision; returns the case, the decision and the signed-in members. */
async function caseWithDraft() {
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Een rapport moest anders.', WANT: ['investigation'] });
  const caseId = await newestCase();
  const sec = await handlerFor(secretary, caseId);
  for (const [action, fields] of [
    ['acknowledge', { ackNote: '' }],
    ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'normal', retaliationRisk: 'low', measures: '' }],
    ['advance', { to: 'in_handling', stepText: '' }],
    ['decision', { outcome: 'founded', conclusion: 'De druk was oneigenlijk.' }],
  ] as const) expect(await caseAction(sec, caseId, action, fields), action).toBe(303);
  const [decision] = await t.services.db.select({ id: caseDecisions.id }).from(caseDecisions).where(eq(caseDecisions.caseId, caseId));
  const clients = {
    chair: await handlerFor(chair, caseId),
    employerA: await handlerFor(employerA, caseId),
    employerB: await handlerFor(employerB, caseId),
    staffRep: await handlerFor(staffRep, caseId),
    independent: await handlerFor(independent, caseId),
  };
  const vote = (client: FormClient, position = 'agree', reason = '') => caseAction(client, caseId, `decision/${decision!.id}/vote`, { position, voteReason: reason });
  const close = () => clients.chair.postWithOwnToken(`/staff/cases/${caseId}/decision/${decision!.id}/close`, {});
  return { caseId, decisionId: decision!.id, sec, clients, vote, close };
}

describe('the quorum of the joint decision', () => {
  it('close is refused before the quorum (everyone, and every side), and the chair sees what is missing', async () => {
    const { caseId, decisionId, clients, vote, close } = await caseWithDraft();
    expect(await vote(clients.employerA)).toBe(303);
    expect(await vote(clients.employerB)).toBe(303);

    const page = (await clients.chair.get(`/staff/cases/${caseId}/decision`)).html;
    expect(page).toContain('U kunt het besluit nog niet sluiten. Nog nodig:');
    expect(page).toContain('een stem van: Iris Onafhankelijk, Sara Personeel, Vera Voorzitter');
    expect(page).toContain('ten minste één stem van de kant: Medewerkersvertegenwoordiging');
    expect(page).toContain('ten minste één stem van de kant: Onafhankelijk');
    expect(page).not.toContain(`/decision/${decisionId}/close"`);
    // A member sees no closing section at all.
    expect((await clients.employerA.get(`/staff/cases/${caseId}/decision`)).html).not.toContain('data-testid="quorum"');

    // The server refuses too, whatever the page offered, and says why; the page comes back with the list.
    const refused = await close();
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('Dit kan nu niet');
    expect(refused.html).toContain('Het besluit kan nog niet worden gesloten');
    expect(refused.html).toContain('een stem van: Iris Onafhankelijk, Sara Personeel, Vera Voorzitter');

    expect(await vote(clients.staffRep, 'dissent', 'De melder is nog niet gehoord.')).toBe(303);
    expect(await vote(clients.independent)).toBe(303);
    expect((await close()).status).toBe(409);
    expect((await clients.chair.get(`/staff/cases/${caseId}/decision`)).html).toContain('een stem van: Vera Voorzitter');
    expect(await vote(clients.chair)).toBe(303);
    const ready = (await clients.chair.get(`/staff/cases/${caseId}/decision`)).html;
    expect(ready).toContain('Het quorum is gehaald');
    expect(ready).toContain(`/decision/${decisionId}/close"`);
    expect((await close()).status).toBe(303);

    // The dissent, with its reason and side, stays with the decision and on the page.
    const after = (await clients.employerA.get(`/staff/cases/${caseId}/decision`)).html;
    expect(after).toContain('Vastgesteld');
    expect(after).toContain('Afwijkende mening');
    expect(after).toContain('De melder is nog niet gehoord.');
    expect(after).toContain('Medewerkersvertegenwoordiging');
    const votes = await t.services.db.select().from(decisionVotes).where(eq(decisionVotes.decisionId, decisionId));
    expect(votes).toHaveLength(5);
    expect(votes.find((v) => v.userId === staffRep.userId)).toMatchObject({ position: 'dissent', nominatedBy: 'staff_representatives' });
    expect((await t.services.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe('concluded');
  });

  it('under a majority quorum set by the chair, more than half with every side is enough; someone who stepped aside does not count', async () => {
    const settings = await logInAs(t, chair);
    expect((await settings.submit('/staff/commission-settings', '/staff/commission-settings/quorum', { decisionQuorum: 'majority' })).status).toBe(303);
    const { caseId, decisionId, clients, vote, close } = await caseWithDraft();

    expect(await vote(clients.employerA)).toBe(303);
    expect(await vote(clients.employerB)).toBe(303);
    const page = (await clients.chair.get(`/staff/cases/${caseId}/decision`)).html;
    expect(page).toContain('meer dan de helft van de 5 leden');
    expect(page).toContain('nog 1 stem(men): 2 van de 3 benodigde stemmen zijn uitgebracht');
    expect(page).toContain('ten minste één stem van de kant: Medewerkersvertegenwoordiging');
    expect((await close()).status).toBe(409);

    // Three of five, but the independent side has not voted.
    expect(await vote(clients.staffRep)).toBe(303);
    expect((await close()).status).toBe(409);
    expect((await clients.chair.get(`/staff/cases/${caseId}/decision`)).html).toContain('ten minste één stem van de kant: Onafhankelijk');

    // Bram steps aside after voting: his vote stays on record but no longer counts (2 of 4 is not more than half).
    expect((await clients.employerB.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/step-aside`, {})).status).toBe(303);
    expect(await vote(clients.independent)).toBe(303);
    expect((await t.services.db.select().from(decisionVotes).where(eq(decisionVotes.decisionId, decisionId)))).toHaveLength(4);
    const quorate = (await clients.chair.get(`/staff/cases/${caseId}/decision`)).html;
    expect(quorate).toContain('meer dan de helft van de 4 leden');
    expect(quorate).toContain('Het quorum is gehaald');
    // The chair closes without voting: three of four, every side.
    expect((await close()).status).toBe(303);
    const [audit] = await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'decision.closed')));
    // The tally counts the votes that count: Bram's, cast before he stepped aside, stays on record only.
    expect(audit!.detail).toMatchObject({ quorum: 'majority', agree: 3, dissent: 0 });
    expect((await settings.submit('/staff/commission-settings', '/staff/commission-settings/quorum', { decisionQuorum: 'all' })).status).toBe(303);
  });
});

describe('the ethics panel keeps its own lifecycle', () => {
  it('concludes, gives feedback and closes by steps, without admissibility or the law', async () => {
    const receipt = await reportOnRoute(t, 'ethics', [{ QUESTION: 'Mag ik een advies afzwakken?', CONTEXT: 'Het gaat om een veiligheidsadvies.' }]);
    const caseId = await newestCase();
    const panel = await handlerFor(ethics, caseId);
    const received = (await panel.get(`/staff/cases/${caseId}`)).html;
    expect(received).toContain('Laat de melder weten dat het bericht is ontvangen.');
    expect(received).not.toContain('De wet vraagt');
    expect(await caseAction(panel, caseId, 'acknowledge', { ackNote: '' })).toBe(303);
    // The person who asked reads no promise of "handling within three months", which is the commission's frame.
    const asked = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
    expect(asked).toContain('Wij hebben uw bericht ontvangen en lezen het zorgvuldig.');
    expect(asked).not.toContain('Binnen drie maanden laten wij u weten');
    const acknowledged = (await panel.get(`/staff/cases/${caseId}`)).html;
    expect(acknowledged).not.toContain('ontvankelijk');
    expect(acknowledged).not.toContain('name="admissible"');
    // No admissibility asked: the assessment is recorded as admissible.
    expect(await caseAction(panel, caseId, 'assess', { kind: 'moral_question', assessReason: 'Een echte morele vraag.', priority: 'normal', retaliationRisk: 'none', measures: '' })).toBe(303);
    expect(await caseAction(panel, caseId, 'advance', { to: 'in_handling', stepText: '' })).toBe(303);
    const handling = (await panel.get(`/staff/cases/${caseId}`)).html;
    expect(handling).toMatch(/<strong>Beoordeling<\/strong>[\s\S]*Prioriteit<\/dt>\s*<dd[^>]*>Normaal/);
    expect(handling).not.toContain('ontvankelijk');
    expect(handling).toContain('U bent klaar met deze vraag of dit gesprek.');
    expect(handling).not.toContain('gezamenlijk besluit');
    expect(await caseAction(panel, caseId, 'advance', { to: 'concluded', stepText: '' })).toBe(303);
    const concluded = (await panel.get(`/staff/cases/${caseId}`)).html;
    expect(concluded).not.toContain('De wet vraagt');
    expect(await caseAction(panel, caseId, 'advance', { to: 'feedback_given', stepText: 'Nee: een veiligheidsadvies blijft zoals het is.' })).toBe(303);
    expect(await caseAction(panel, caseId, 'advance', { to: 'closed', stepText: '' })).toBe(303);
    const [row] = await t.services.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe('closed');
    expect(row!.outcome).toBeNull();
  });

  it('a commission case keeps the legal frame and points to the joint decision', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Juridisch kader.', WANT: ['advice'] });
    const caseId = await newestCase();
    const sec = await handlerFor(secretary, caseId);
    expect((await sec.get(`/staff/cases/${caseId}`)).html).toContain('De wet vraagt binnen 7 dagen een ontvangstbevestiging.');
    expect(await caseAction(sec, caseId, 'acknowledge', { ackNote: '' })).toBe(303);
    expect((await sec.get(`/staff/cases/${caseId}`)).html).toContain('Is de melding ontvankelijk?');
    // The admissibility question is required here.
    expect(await caseAction(sec, caseId, 'assess', { kind: 'other', assessReason: 'x', priority: 'normal', retaliationRisk: 'none', measures: '' })).toBe(422);
    expect(await caseAction(sec, caseId, 'assess', { kind: 'other', admissible: 'yes', assessReason: 'x', priority: 'normal', retaliationRisk: 'none', measures: '' })).toBe(303);
    expect(await caseAction(sec, caseId, 'advance', { to: 'in_handling', stepText: '' })).toBe(303);
    const page = (await sec.get(`/staff/cases/${caseId}`)).html;
    expect(page).toContain('Deze zaak wordt afgerond met een gezamenlijk besluit van de commissie');
    expect(page).toContain(`/staff/cases/${caseId}/decision`);
    expect(page).not.toContain('name="to" value="concluded"');
  });
});

describe('stepping aside at any time', () => {
  it('after reading: the key and identity copies are gone at once, it is audited, and the case says they stepped aside', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Later blijkt een relatie.', WANT: ['advice'] }, { anonymity: 'confidential', identity: { name: 'Kees Kennis', contact: 'kees@prive.example' } });
    const caseId = await newestCase();
    const custodian = await handlerFor(chair, caseId);
    const read = (await custodian.get(`/staff/cases/${caseId}`)).html;
    expect(read).toContain('Later blijkt een relatie.');
    expect(read).toContain('Kees Kennis');
    expect(read).toContain(`action="/staff/cases/${caseId}/step-aside"`);
    const mine = and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, chair.userId));
    expect(await t.services.db.select().from(caseKeys).where(mine)).toHaveLength(1);
    expect(await t.services.db.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, chair.userId)))).toHaveLength(1);

    const stepped = await custodian.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/step-aside`, {});
    expect(stepped.status).toBe(303);
    expect(stepped.location).toContain('/staff/cases?notice=recused');
    expect(await t.services.db.select().from(caseKeys).where(mine)).toHaveLength(0);
    expect(await t.services.db.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, chair.userId)))).toHaveLength(0);
    // The others keep theirs.
    expect((await t.services.db.select().from(caseKeys).where(eq(caseKeys.caseId, caseId))).length).toBeGreaterThan(0);
    const [declaration] = await t.services.db.select().from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.userId, chair.userId)));
    expect(declaration!.decision).toBe('recused');
    const audit = await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.recused')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: chair.userId, detail: { afterReading: true } });

    for (const path of [`/staff/cases/${caseId}`, `/staff/cases/${caseId}/decision`]) {
      const again = await custodian.get(path);
      expect(again.status, path).toBe(403);
      expect(again.html).toContain('U bent teruggetreden uit deze zaak');
      expect(again.html).not.toContain('Uw rol geeft geen toegang');
      expect(again.html).not.toContain('Kees Kennis');
    }
    expect((await custodian.get(`/staff/cases/${caseId}?lang=en`)).html).toContain('You stepped aside from this case');
    expect((await custodian.get('/staff/cases')).html).not.toContain(caseId);
    // Once is enough: stepping aside again is refused the same way.
    expect((await custodian.postWithOwnToken(`/staff/cases/${caseId}/step-aside`, {})).status).toBe(403);
  });

  it('the last key holder cannot step aside: the chair must give someone else access first', async () => {
    await reportOnRoute(t, 'ethics', [{ QUESTION: 'Een vraag met één lezer.' }]);
    const caseId = await newestCase();
    expect(await t.services.db.select().from(caseKeys).where(eq(caseKeys.caseId, caseId))).toHaveLength(1);
    const panel = await handlerFor(ethics, caseId);
    const refused = await panel.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/step-aside`, {});
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('U bent de enige die deze melding nog kan openen');
    expect(await t.services.db.select().from(caseKeys).where(eq(caseKeys.caseId, caseId))).toHaveLength(1);
    const [declaration] = await t.services.db.select().from(caseDeclarations).where(and(eq(caseDeclarations.caseId, caseId), eq(caseDeclarations.userId, ethics.userId)));
    expect(declaration!.decision).toBe('no_relation');
    expect((await panel.get(`/staff/cases/${caseId}`)).html).toContain('Een vraag met één lezer.');
  });

  it('someone who never had the case cannot step aside from it', async () => {
    await reportOnRoute(t, 'ethics', [{ QUESTION: 'Niet voor de commissie.' }]);
    const caseId = await newestCase();
    const outsider = await logInAs(t, secretary);
    expect((await outsider.postWithOwnToken(`/staff/cases/${caseId}/step-aside`, {})).status).toBe(403);
  });
});

describe('voting is for admitted members only', () => {
  it('a commission-member role the administrator adds to the secretary gives no vote and does not count for the quorum', async () => {
    const { caseId, decisionId, sec, clients, vote, close } = await caseWithDraft();
    await t.services.db.update(users).set({ roles: ['secretary', 'commission_member'], nominatedBy: 'employer' }).where(eq(users.id, secretary.userId));
    try {
      // Policy-wise the row now says "member", but the commission admitted a secretary: refused.
      expect((await sec.postWithOwnToken(`/staff/cases/${caseId}/decision/${decisionId}/vote`, { position: 'dissent', voteReason: 'Ik blokkeer.' })).status).toBe(403);
      expect(await t.services.db.select().from(decisionVotes).where(and(eq(decisionVotes.decisionId, decisionId), eq(decisionVotes.userId, secretary.userId)))).toHaveLength(0);
      // And the quorum is met without the secretary.
      for (const who of [clients.employerA, clients.employerB, clients.staffRep, clients.independent, clients.chair]) expect(await vote(who)).toBe(303);
      expect((await close()).status).toBe(303);
    } finally {
      await t.services.db.update(users).set({ roles: ['secretary'], nominatedBy: null }).where(eq(users.id, secretary.userId));
    }
  });
});

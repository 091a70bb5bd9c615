import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { signAdmission, signingKeyPairFrom } from '../../src/crypto/signing.js';
import { auditLog, bodyAdmissions, caseIdentities, caseKeys, cases, staffNotices, users } from '../../src/db/schema.js';
import { foundBody } from '../../src/domain/admission/found-body.js';
import { unsafeVerifyAudit } from '../../src/domain/audit/verify-audit.js';
import { postJson } from '../support/api.js';
import { hiddenValue } from '../support/form-client.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, unlockStaff, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Who reads a report is decided by the body, never by the administrator or by whoever can edit
// the database. Every account here is made WITHOUT the test suite's automatic admission, so the
// bodies are founded and their members admitted only through the real commands and pages.
let t: TestApp;
let admin: TestStaff;
let chair: TestStaff;
let secretary: TestStaff;
let member: TestStaff;
let advisor: TestStaff;
let panelMember: TestStaff;
const noAdmit = { admit: false };
const password = 'correct horse battery staple';

const api = (path: string, body: unknown) => postJson(t, path, body);

const commissionReport = (anonymity: 'anonymous' | 'confidential' = 'anonymous') => ({
  route: 'commission',
  anonymity,
  answers: { KIND: 'improper_pressure', WHAT: 'Toegang alleen voor toegelaten lezers.', WANT: ['advice'] },
  language: 'nl',
  ...(anonymity === 'confidential' ? { identity: { name: 'Noor', contact: 'noor@prive.example' } } : {}),
});

/** Submits through the public API and returns who got a key and who got the name. */
async function submitAndSeeWhoReads(report = commissionReport()): Promise<{ caseId: string; keyHolders: string[]; nameHolders: string[] }> {
  t.clock.advance(60_000);
  const response = await api('/api/v1/reports', report);
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  const [newest] = (await t.services.db.select({ id: cases.id, at: cases.receivedAt }).from(cases)).sort((a, b) => b.at.getTime() - a.at.getTime());
  const caseId = newest!.id;
  const keyHolders = (await t.services.db.select({ u: caseKeys.userId }).from(caseKeys).where(eq(caseKeys.caseId, caseId))).map((r) => r.u).sort();
  const nameHolders = (await t.services.db.select({ u: caseIdentities.custodianUserId }).from(caseIdentities).where(eq(caseIdentities.caseId, caseId))).map((r) => r.u).sort();
  return { caseId, keyHolders, nameHolders };
}

/** What the person reads out from their own account page (computed from their session's key). */
async function ownFingerprintOf(who: TestStaff): Promise<string> {
  const page = await (await logInAs(t, who)).get('/staff/account');
  return /data-testid="own-fingerprint">([0-9A-F ]{19})</.exec(page.html)![1]!;
}

async function admitThroughPage(admitter: TestStaff, body: string, who: TestStaff, roles: string[], typed: (fingerprint: string) => string = (f) => f) {
  const fingerprint = typed(await ownFingerprintOf(who));
  const client = await logInAs(t, admitter);
  return client.submit(`/staff/bodies/${body}`, `/staff/bodies/${body}/admit`, { 'admit-userId': who.userId, 'admit-fingerprint': fingerprint, 'admit-roles': roles });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, ['administrator']);
  chair = await createStaff(t, ['chair'], password, noAdmit);
  secretary = await createStaff(t, ['secretary'], password, noAdmit);
  member = await createStaff(t, ['commission_member'], password, noAdmit);
  advisor = await createStaff(t, ['confidential_advisor'], password, noAdmit);
  panelMember = await createStaff(t, ['ethics_panel_member'], password, noAdmit);
});
afterAll(() => t.close());

describe('founding a body', () => {
  it('refuses reports while nobody is admitted; the chair founds the commission in their own session and is shown with a fingerprint', async () => {
    // Holding the chair role is not enough: nothing is sealed, the report is refused.
    expect((await api('/api/v1/reports', commissionReport())).status).toBe(409);
    expect((await t.app.request('http://localhost/')).status).toBe(200);

    const client = await logInAs(t, chair);
    const page = await client.get('/staff/bodies/commission');
    expect(page.html).toContain('nog niet opgericht');
    const founded = await client.submit('/staff/bodies/commission', '/staff/bodies/commission/found', { statement: 'Benoemd bij besluit 2026-117 van 1 december 2026.' });
    expect(founded.status).toBe(303);
    const after = await client.get('/staff/bodies/commission');
    expect(after.html).toContain('Benoemd bij besluit 2026-117');
    const fingerprint = /<code class="utrecht-code">([0-9A-F ]{19})<\/code>/.exec(after.html)![1]!;

    // Founding twice is refused while the body has a reader.
    // Read out and typed as people do: without the spaces, in lower case.
    expect((await admitThroughPage(chair, 'commission', secretary, ['secretary'], (f) => f.replace(/ /g, '').toLowerCase())).status).toBe(303);
    await expect(foundBody(t.services, await unlockStaff(t, chair), { body: 'commission', statement: 'Nog eens' })).rejects.toMatchObject({ code: 'conflict' });

    // The start page names the readers of each route with the same fingerprint.
    const start = await (await t.app.request('http://localhost/')).text();
    expect(start).toContain(fingerprint);
    expect(start).toContain('Test chair');
    expect(start).toContain(`te herleiden tot de oprichting door Test chair`);
    // So does the first step of the route's form; the ethics route, not yet founded, says nobody reads it.
    const firstStep = await (await t.app.request('http://localhost/report/commission')).text();
    expect(firstStep).toContain(fingerprint);
    expect(firstStep).toContain('Wie uw melding kan lezen');
    expect(await (await t.app.request('http://localhost/report/ethics')).text()).toContain('kan niemand meldingen via deze route lezen');

    const { keyHolders } = await submitAndSeeWhoReads();
    expect(keyHolders).toEqual([chair.userId, secretary.userId].sort());

    const founding = await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'body.founded'));
    expect(founding).toHaveLength(1);
    expect(founding[0]!.detail).toMatchObject({ body: 'commission', fingerprint });
  });

  it('lets the advisors and the ethics panel found themselves, each admitted by its own kind', async () => {
    await foundBody(t.services, await unlockStaff(t, advisor), { body: 'advisors', statement: 'Aangesteld als vertrouwenspersoon.' });
    await foundBody(t.services, await unlockStaff(t, panelMember), { body: 'ethics_panel', statement: 'Aangesteld als lid van het ethiekpanel.' });
    // The chair admits for the commission only: not for the advisors.
    const response = await (await logInAs(t, chair)).postWithOwnToken('/staff/bodies/advisors/admit', { 'admit-userId': member.userId, 'admit-roles': ['confidential_advisor'] });
    expect(response.status).toBe(404);
    const ethics = await submitAndSeeWhoReads({ route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: 'Mag dit?' }, language: 'nl' } as never);
    expect(ethics.keyHolders).toEqual([panelMember.userId]);
  });
});

describe('the administrator cannot decide who reads', () => {
  it('an account invited with every case role and activated reads nothing until the body admits it; the body is told', async () => {
    const rogue = await createStaff(t, ['secretary'], password, noAdmit);
    const adminClient = await logInAs(t, admin);
    const everyCaseRole = ['secretary', 'commission_member', 'chair', 'confidential_advisor', 'ethics_panel_member', 'external_investigator'];
    const saved = await adminClient.submit(`/staff/users/${rogue.userId}`, `/staff/users/${rogue.userId}/roles`, { roles: everyCaseRole, nominatedBy: 'none' });
    expect(saved.status).toBe(303);

    // The change is audited with before and after, and the chair is told on their home page and by mail.
    const [changed] = (await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'account.changed'))).filter((e) => e.detail.user === rogue.userId && e.detail.change === 'roles');
    expect(changed!.detail).toMatchObject({ before: 'secretary', after: [...everyCaseRole].sort().join(',') });
    const chairNotices = await t.services.db.select().from(staffNotices).where(eq(staffNotices.userId, chair.userId));
    expect(chairNotices.some((n) => n.kind === 'account.changed' && n.detail.name === 'Test secretary')).toBe(true);
    expect(t.mail.received.some((m) => m.to.includes(chair.email) && /wie meeleest/.test(m.subject))).toBe(true);
    const chairHome = await (await logInAs(t, chair)).get('/staff');
    expect(chairHome.html).toContain('Wat er veranderde');

    // Every route: no key, no name for the rogue account.
    for (const report of [
      commissionReport('confidential'),
      { ...commissionReport(), route: 'risk_signal', answers: { WHAT: 'Te weinig mensen.' } },
      { route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: 'Mag dit?' }, language: 'nl' },
      { route: 'advisor', anonymity: 'anonymous', answers: { TOPIC: 'Ik wil praten.' }, language: 'nl' },
    ]) {
      const response = await api('/api/v1/reports', report);
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      const rows = await t.services.db.select().from(caseKeys).where(eq(caseKeys.userId, rogue.userId));
      expect(rows).toHaveLength(0);
    }
    const { caseId, keyHolders, nameHolders } = await submitAndSeeWhoReads(commissionReport('confidential'));
    expect(keyHolders).not.toContain(rogue.userId);
    expect(nameHolders).toEqual([chair.userId]);
    const rogueClient = await logInAs(t, rogue);
    expect((await rogueClient.get(`/staff/cases/${caseId}`)).status).toBe(403);
    expect((await rogueClient.get('/staff/cases')).html).not.toContain(caseId);
    // Holding the chair role, the rogue can neither found again nor admit itself.
    expect((await rogueClient.get('/staff/bodies/commission')).html).not.toContain('/staff/bodies/commission/found');
    const refounded = await rogueClient.postWithOwnToken('/staff/bodies/commission/found', { statement: 'Ik ben de voorzitter.' });
    expect(refounded.status).toBe(409);
    expect(refounded.html).toContain('heeft al toegelaten leden');
    const selfAdmit = await rogueClient.postWithOwnToken('/staff/bodies/commission/admit', { 'admit-userId': rogue.userId, 'admit-fingerprint': await ownFingerprintOf(rogue), 'admit-roles': ['chair'] });
    expect(selfAdmit.status).toBe(403);

    // The administrator has no admission page at all.
    expect((await adminClient.get('/staff/bodies/commission')).status).toBe(403);
    expect((await adminClient.postWithOwnToken('/staff/bodies/commission/admit', { 'admit-userId': rogue.userId, 'admit-roles': ['secretary'] })).status).toBe(403);

    // Once the chair admits it as secretary, new reports (only) reach it, and everyone is told.
    expect((await admitThroughPage(chair, 'commission', rogue, ['secretary'])).status).toBe(303);
    const later = await submitAndSeeWhoReads();
    expect(later.keyHolders).toContain(rogue.userId);
    expect((await t.services.db.select().from(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, rogue.userId))))).toHaveLength(0);
    const told = await t.services.db.select().from(staffNotices).where(eq(staffNotices.kind, 'member.admitted'));
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([chair.userId, secretary.userId]));
    // Only the roles the body admitted count: the chair role the administrator added gives no name.
    const confidential = await submitAndSeeWhoReads(commissionReport('confidential'));
    expect(confidential.nameHolders).toEqual([chair.userId]);
    // Cleanup for later tests: the rogue leaves the commission.
    await t.services.db.update(users).set({ status: 'disabled' }).where(eq(users.id, rogue.userId));
  });
});

describe('database edits admit nobody', () => {
  async function keysFor(userId: string) {
    const { keyHolders, nameHolders } = await submitAndSeeWhoReads(commissionReport('confidential'));
    return { key: keyHolders.includes(userId), name: nameHolders.includes(userId) };
  }

  it('a user row, an admission row, a role or a key written straight into the database gets no key for any new case', async () => {
    const s = t.services;
    const attacker = s.sodium.crypto_box_keypair();
    const attackerSigning = signingKeyPairFrom(s.sodium, attacker.privateKey);
    const [inserted] = await s.db
      .insert(users)
      .values({ email: 'it@werkgever.example', displayName: 'IT', roles: ['chair', 'commission_member', 'secretary'], status: 'active', publicKey: attacker.publicKey, signingPublicKey: attackerSigning.publicKey })
      .returning({ id: users.id });
    const rogueId = inserted!.id;
    expect(await keysFor(rogueId)).toEqual({ key: false, name: false });

    // An admission signed with the attacker's own key, claiming the chair admitted it.
    const [chairAdmission] = await s.db.select().from(bodyAdmissions).where(and(eq(bodyAdmissions.userId, chair.userId), eq(bodyAdmissions.body, 'commission')));
    const fields = { id: randomUUID(), body: 'commission' as const, userId: rogueId, roles: ['chair', 'secretary'], boxPublicKey: attacker.publicKey, signingPublicKey: attackerSigning.publicKey, admittedOn: '2026-12-01', admittedBy: chair.userId, statement: null };
    await s.db.insert(bodyAdmissions).values({ ...fields, organisationId: t.organisationId, admitterSigningKey: chairAdmission!.signingPublicKey, signature: signAdmission(s.sodium, attackerSigning.privateKey, fields) });
    expect(await keysFor(rogueId)).toEqual({ key: false, name: false });
    // ...or a founding statement of its own, self-signed but never recorded in the keyed audit chain.
    const root = { ...fields, id: randomUUID(), admittedBy: null, statement: 'Nieuwe commissie' };
    await s.db.insert(bodyAdmissions).values({ ...root, organisationId: t.organisationId, admitterSigningKey: attackerSigning.publicKey, signature: signAdmission(s.sodium, attackerSigning.privateKey, root) });
    expect(await keysFor(rogueId)).toEqual({ key: false, name: false });
    // ...or the secretary's real admission copied with the user id changed.
    const [secretaryAdmission] = await s.db.select().from(bodyAdmissions).where(eq(bodyAdmissions.userId, secretary.userId));
    await s.db.insert(bodyAdmissions).values({ ...secretaryAdmission!, id: randomUUID(), userId: rogueId });
    expect(await keysFor(rogueId)).toEqual({ key: false, name: false });
    // The body's own page flags every one of these rows.
    const page = await (await logInAs(t, chair)).get('/staff/bodies/commission');
    expect(page.html).toContain('kloppen niet met hun handtekening');
    await s.db.delete(users).where(eq(users.id, rogueId));

    // A role added to an admitted secretary: it does not make them the custodian of names.
    await s.db.update(users).set({ roles: ['secretary', 'chair'] }).where(eq(users.id, secretary.userId));
    expect(await keysFor(secretary.userId)).toEqual({ key: true, name: false });
    await s.db.update(users).set({ roles: ['secretary'] }).where(eq(users.id, secretary.userId));

    // The secretary's public key replaced by the attacker's: nobody is sealed to, neither key.
    const [original] = await s.db.select({ publicKey: users.publicKey }).from(users).where(eq(users.id, secretary.userId));
    await s.db.update(users).set({ publicKey: attacker.publicKey }).where(eq(users.id, secretary.userId));
    expect(await keysFor(secretary.userId)).toEqual({ key: false, name: false });
    await s.db.update(users).set({ publicKey: original!.publicKey }).where(eq(users.id, secretary.userId));
    expect(await keysFor(secretary.userId)).toEqual({ key: true, name: false });

    // A stored admission whose roles were widened by the database no longer verifies at all.
    await s.db.update(bodyAdmissions).set({ roles: ['chair', 'secretary'] }).where(eq(bodyAdmissions.id, secretaryAdmission!.id));
    expect(await keysFor(secretary.userId)).toEqual({ key: false, name: false });
    await s.db.update(bodyAdmissions).set({ roles: secretaryAdmission!.roles }).where(eq(bodyAdmissions.id, secretaryAdmission!.id));
    expect(await keysFor(secretary.userId)).toEqual({ key: true, name: false });
    await s.db.delete(bodyAdmissions).where(eq(bodyAdmissions.userId, rogueId));
  });
});

describe('removal, reassignment and departure', () => {
  it('the chair hands the secretary cases to a member, removes the secretary, and everyone is told', async () => {
    expect((await admitThroughPage(chair, 'commission', member, ['commission_member'])).status).toBe(303);
    const { caseId } = await submitAndSeeWhoReads();
    const chairClient = await logInAs(t, chair);
    await declareNoRelation(chairClient, caseId);
    // Refused while the secretary alone can open a case: here every case has the chair too, so removal works after reassignment.
    const moved = await chairClient.submit('/staff/bodies/commission', '/staff/bodies/commission/reassign', { 'reassign-from': secretary.userId, 'reassign-to': member.userId });
    expect(moved.status).toBe(303);
    expect(moved.location).toMatch(/done=reassigned&moved=1&notMoved=\d+/);
    const holders = (await t.services.db.select({ u: caseKeys.userId }).from(caseKeys).where(eq(caseKeys.caseId, caseId))).map((r) => r.u);
    expect(holders).toContain(member.userId);
    expect(holders).not.toContain(secretary.userId);
    expect((await t.services.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.reassigned'), eq(auditLog.caseId, caseId))))).toHaveLength(1);

    const page = await chairClient.get('/staff/bodies/commission');
    const admissionId = new RegExp(`value="([0-9a-f-]{36})"[^>]*/?>\\s*<label[^>]*>Test secretary<`).exec(page.html)?.[1];
    expect(admissionId).toBeDefined();
    const removed = await chairClient.post('/staff/bodies/commission/remove', { 'remove-admissionId': admissionId!, _csrf: hiddenValue(page.html, '_csrf') });
    expect(removed.status).toBe(303);
    expect(await t.services.db.select().from(caseKeys).where(eq(caseKeys.userId, secretary.userId))).toHaveLength(0);
    const after = await submitAndSeeWhoReads();
    expect(after.keyHolders).not.toContain(secretary.userId);
    const notices = await t.services.db.select().from(staffNotices).where(eq(staffNotices.kind, 'member.removed'));
    expect(notices.map((n) => n.userId)).toEqual(expect.arrayContaining([chair.userId, member.userId, secretary.userId]));
    expect(t.mail.received.some((m) => m.to.includes(secretary.email))).toBe(true);
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: true });
  });

  it('the last one who can open a case cannot leave the body; a body whose last reader leaves refuses reports, never falling back to the role', async () => {
    // The advisor alone holds the advisor cases made above: leaving would lose them.
    const client = await logInAs(t, advisor);
    const page = await client.get('/staff/bodies/advisors');
    const refusedLeave = await client.post('/staff/bodies/advisors/remove', { 'remove-admissionId': hiddenValue(page.html, 'remove-admissionId'), _csrf: hiddenValue(page.html, '_csrf') });
    expect(refusedLeave.status).toBe(409);
    expect(refusedLeave.html).toContain('de enige die een of meer meldingen nog kan openen');

    // In an installation without advisor cases the advisor can leave, and the route closes.
    const t2 = await createTestApp();
    try {
      const only = await createStaff(t2, ['confidential_advisor'], password, noAdmit);
      await foundBody(t2.services, await unlockStaff(t2, only), { body: 'advisors', statement: 'Aangesteld.' });
      const advisorReport = { route: 'advisor', anonymity: 'anonymous', answers: { TOPIC: 'Hallo?' }, language: 'nl' };
      const ownClient = await logInAs(t2, only);
      const ownPage = await ownClient.get('/staff/bodies/advisors');
      const left = await ownClient.post('/staff/bodies/advisors/remove', { 'remove-admissionId': hiddenValue(ownPage.html, 'remove-admissionId'), _csrf: hiddenValue(ownPage.html, '_csrf') });
      expect(left.status).toBe(303);
      expect((await postJson(t2, '/api/v1/reports', advisorReport)).status).toBe(409);
      expect(await (await t2.app.request('http://localhost/')).text()).toContain('kan niemand meldingen via deze route lezen');
    } finally {
      await t2.close();
    }
  });

  it('reports still go through the usual form once the commission has readers', async () => {
    const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Via het formulier.', WANT: ['advice'] });
    expect(receipt).toMatch(/^\d{4}(-\d{4}){4}$/);
  });
});

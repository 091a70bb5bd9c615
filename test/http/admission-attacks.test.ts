import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { signingKeyPairFrom } from '../../src/crypto/signing.js';
import { bodyAdmissions, caseDecisions, caseIdentities, caseKeys, cases, identityRequests, routes, staffNotices, users } from '../../src/db/schema.js';
import { admitMember } from '../../src/domain/admission/admit-member.js';
import type { Body } from '../../src/domain/admission/bodies.js';
import { foundBody } from '../../src/domain/admission/found-body.js';
import { ownFingerprint } from '../../src/domain/admission/own-fingerprint.js';
import { removeMember } from '../../src/domain/admission/remove-member.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { caseAction } from '../support/case-steps.js';
import { postJson } from '../support/api.js';
import { hiddenValue } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, unlockStaff, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The attacks an independent review ran against admission, kept as tests: a key swapped before
// admission, an emptied commission re-founded by the administrator's own "chair", chair powers
// taken from a role on the account, route rows and request rows edited in the database, a
// removal undone in the database, and a removal that reached into another body.
const DAY = 24 * 3600_000;
const password = 'correct horse battery staple';
const noAdmit = { admit: false };
let t: TestApp;
let admin: TestStaff;
let chair: TestStaff;
let secretary: TestStaff;
let member: TestStaff;
let advisor: TestStaff;

async function admit(admitter: TestStaff, body: Body, who: TestStaff, roles: string[]) {
  const own = await ownFingerprint(t.services, await unlockStaff(t, who));
  await admitMember(t.services, await unlockStaff(t, admitter), { body, userId: who.userId, fingerprint: own!.fingerprint, roles });
}

async function api(body: unknown) {
  t.clock.advance(60_000);
  return (await postJson(t, '/api/v1/reports', body)).status;
}

async function newestCase(route: string): Promise<string> {
  return (await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.routeCode, route)).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
}

const holders = async (caseId: string) => (await t.services.db.select({ u: caseKeys.userId }).from(caseKeys).where(eq(caseKeys.caseId, caseId))).map((r) => r.u).sort();
const commissionReport = { route: 'commission', anonymity: 'anonymous', answers: { KIND: 'improper_pressure', WHAT: 'Aanval.', WANT: ['advice'] }, language: 'nl' };
const advisorReport = { route: 'advisor', anonymity: 'anonymous', answers: { TOPIC: 'Ik wil praten.' }, language: 'nl' };

beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, ['administrator']);
  chair = await createStaff(t, ['chair'], password, noAdmit);
  secretary = await createStaff(t, ['secretary'], password, noAdmit);
  member = await createStaff(t, ['commission_member'], password, noAdmit);
  advisor = await createStaff(t, ['confidential_advisor'], password, noAdmit);
  await foundBody(t.services, await unlockStaff(t, chair), { body: 'commission', statement: 'Benoemd.' });
  await admit(chair, 'commission', secretary, ['secretary']);
  await admit(chair, 'commission', member, ['commission_member']);
  await foundBody(t.services, await unlockStaff(t, advisor), { body: 'advisors', statement: 'Aangesteld.' });
});
afterAll(() => t.close());

describe('a key swapped in the database before admission', () => {
  it('is never signed: the fingerprint the person reads out from their own session does not match, and their page warns them', async () => {
    const newcomer = await createStaff(t, ['secretary'], password, noAdmit);
    const readOut = /data-testid="own-fingerprint">([0-9A-F ]{19})</.exec((await (await logInAs(t, newcomer)).get('/staff/account')).html)![1]!;
    const attacker = t.services.sodium.crypto_box_keypair();
    await t.services.db
      .update(users)
      .set({ publicKey: attacker.publicKey, signingPublicKey: signingKeyPairFrom(t.services.sodium, attacker.privateKey).publicKey })
      .where(eq(users.id, newcomer.userId));

    expect((await (await logInAs(t, newcomer)).get('/staff/account')).html).toContain('niet uw eigen sleutel');
    const chairClient = await logInAs(t, chair);
    const refused = await chairClient.submit('/staff/bodies/commission', '/staff/bodies/commission/admit', { 'admit-userId': newcomer.userId, 'admit-fingerprint': readOut, 'admit-roles': ['secretary'] });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('hoort niet bij de sleutel van dit account');
    expect(await t.services.db.select().from(bodyAdmissions).where(eq(bodyAdmissions.userId, newcomer.userId))).toHaveLength(0);
    await t.services.db.update(users).set({ status: 'disabled' }).where(eq(users.id, newcomer.userId));
  });
});

describe('the administrator empties the commission', () => {
  it('cannot have a "chair" of their own found it again; a new founding is announced to everyone ever admitted', async () => {
    const adminClient = await logInAs(t, admin);
    const setStatus = (who: TestStaff, disabled: boolean) => adminClient.submit(`/staff/users/${who.userId}`, `/staff/users/${who.userId}/status`, { disabled: String(disabled) });
    for (const who of [chair, secretary, member]) expect((await setStatus(who, true)).status).toBe(303);
    try {
      const plant = await createStaff(t, ['chair'], password, noAdmit);
      const plantClient = await logInAs(t, plant);
      expect((await plantClient.get('/staff/bodies/commission')).html).not.toContain('/staff/bodies/commission/found');
      const founded = await plantClient.postWithOwnToken('/staff/bodies/commission/found', { statement: 'Ik ben de nieuwe voorzitter.' });
      expect(founded.status).toBe(409);
      expect(founded.html).toContain('heeft al toegelaten leden');
      expect(await api(commissionReport)).toBe(409);
    } finally {
      for (const who of [chair, secretary, member]) expect((await setStatus(who, false)).status).toBe(303);
    }

    // A body whose members all left can be founded again, and everyone it ever admitted hears of it.
    const panelA = await createStaff(t, ['ethics_panel_member'], password, noAdmit);
    const panelB = await createStaff(t, ['ethics_panel_member'], password, noAdmit);
    await foundBody(t.services, await unlockStaff(t, panelA), { body: 'ethics_panel', statement: 'Eerste panel.' });
    const [admission] = await t.services.db.select().from(bodyAdmissions).where(eq(bodyAdmissions.userId, panelA.userId));
    await removeMember(t.services, await unlockStaff(t, panelA), { body: 'ethics_panel', admissionId: admission!.id });
    const noticesOfA = async () => (await t.services.db.select().from(staffNotices).where(and(eq(staffNotices.userId, panelA.userId), eq(staffNotices.kind, 'body.founded')))).length;
    const before = await noticesOfA();
    const { fingerprint } = await foundBody(t.services, await unlockStaff(t, panelB), { body: 'ethics_panel', statement: 'Tweede panel.' });
    expect(await noticesOfA()).toBe(before + 1);
    const [latest] = await t.services.db.select().from(staffNotices).where(eq(staffNotices.userId, panelA.userId)).orderBy(desc(staffNotices.createdAt)).limit(1);
    expect(latest!.detail.fingerprint).toBe(fingerprint);
  });
});

describe('chair powers', () => {
  it('belong to the admitted chair, not to a chair role the administrator adds to a member', async () => {
    expect(await api(commissionReport)).toBe(201);
    const caseId = await newestCase('commission');
    const adminClient = await logInAs(t, admin);
    expect((await adminClient.submit(`/staff/users/${member.userId}`, `/staff/users/${member.userId}/roles`, { roles: ['commission_member', 'chair'], nominatedBy: 'none' })).status).toBe(303);
    try {
      const fake = await logInAs(t, member);
      await declareNoRelation(fake, caseId);
      const revoke = await fake.postWithOwnToken(`/staff/cases/${caseId}/access/revoke`, { userId: chair.userId });
      expect(revoke.status).toBe(403);
      expect(revoke.html).toContain('Een rol die alleen op uw account staat, is niet genoeg');
      expect(await holders(caseId)).toContain(chair.userId);
      expect((await fake.postWithOwnToken('/staff/commission-settings/quorum', { decisionQuorum: 'majority' })).status).toBe(403);
      expect((await fake.postWithOwnToken('/staff/commission-settings/custodian/commission', { custodian_commission: 'secretary' })).status).toBe(403);
      expect((await fake.postWithOwnToken('/staff/bodies/commission/reassign', { 'reassign-from': chair.userId, 'reassign-to': member.userId })).status).toBe(403);
      expect((await t.services.db.select({ q: routes.custodianRoles }).from(routes).where(eq(routes.code, 'commission')))[0]!.q).toEqual(['chair']);
    } finally {
      await t.services.db.update(users).set({ roles: ['commission_member'] }).where(eq(users.id, member.userId));
    }
  });

  it('the real chair cannot shrink the quorum by revoking a voter while a draft decision is open', async () => {
    expect(await api(commissionReport)).toBe(201);
    const caseId = await newestCase('commission');
    const sec = await logInAs(t, secretary);
    await declareNoRelation(sec, caseId);
    for (const [action, fields] of [
      ['acknowledge', { ackNote: '' }],
      ['assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ontvankelijk.', priority: 'normal', retaliationRisk: 'low', measures: '' }],
      ['advance', { to: 'in_handling', stepText: '' }],
      ['decision', { outcome: 'founded', conclusion: 'Vastgesteld.' }],
    ] as const) expect(await caseAction(sec, caseId, action, fields), action).toBe(303);
    const chairClient = await logInAs(t, chair);
    await declareNoRelation(chairClient, caseId);
    const revoke = await chairClient.postWithOwnToken(`/staff/cases/${caseId}/access/revoke`, { userId: member.userId });
    expect(revoke.status).toBe(409);
    expect(await holders(caseId)).toContain(member.userId);
    // Once the decision is closed (by quorum), access can be taken away again.
    const [decision] = await t.services.db.select({ id: caseDecisions.id }).from(caseDecisions).where(eq(caseDecisions.caseId, caseId));
    const memberClient = await logInAs(t, member);
    await declareNoRelation(memberClient, caseId);
    for (const voter of [memberClient, chairClient]) expect(await caseAction(voter, caseId, `decision/${decision!.id}/vote`, { position: 'agree', voteReason: '' })).toBe(303);
    expect(await caseAction(chairClient, caseId, `decision/${decision!.id}/close`, {})).toBe(303);
    expect((await chairClient.postWithOwnToken(`/staff/cases/${caseId}/access/revoke`, { userId: member.userId })).status).toBe(303);
  });
});

describe('route rows edited in the database', () => {
  it('cannot send a body\'s reports to another body, nor give investigators reports on submission', async () => {
    const [advisorRoute] = await t.services.db.select().from(routes).where(eq(routes.code, 'advisor'));
    const [commissionRoute] = await t.services.db.select().from(routes).where(eq(routes.code, 'commission'));
    const investigator = await createStaff(t, ['external_investigator'], password, noAdmit);
    await admit(chair, 'commission', investigator, ['external_investigator']);
    await t.services.db.update(routes).set({ handlerRoles: ['confidential_advisor', 'chair'], custodianRoles: ['chair'] }).where(eq(routes.code, 'advisor'));
    await t.services.db.update(routes).set({ handlerRoles: ['secretary', 'commission_member', 'chair', 'external_investigator'] }).where(eq(routes.code, 'commission'));
    try {
      expect(await api(advisorReport)).toBe(201);
      expect(await holders(await newestCase('advisor'))).toEqual([advisor.userId]);
      expect(await api(commissionReport)).toBe(201);
      expect(await holders(await newestCase('commission'))).not.toContain(investigator.userId);
      // The start page names the same readers as the sealing does.
      const start = await (await t.app.request('http://localhost/')).text();
      const advisorSection = start.slice(start.indexOf('id="home-route-advisor"'), start.indexOf('id="home-route-risk_signal"'));
      expect(advisorSection).toContain('Test confidential_advisor');
      expect(advisorSection).not.toContain('Test chair');
    } finally {
      await t.services.db.update(routes).set({ handlerRoles: advisorRoute!.handlerRoles, custodianRoles: advisorRoute!.custodianRoles }).where(eq(routes.code, 'advisor'));
      await t.services.db.update(routes).set({ handlerRoles: commissionRoute!.handlerRoles }).where(eq(routes.code, 'commission'));
    }
  });
});

describe('removal', () => {
  it('from one body leaves someone\'s keys in another body, and clearing removed_at in the database does not bring them back', async () => {
    const dual = await createStaff(t, ['commission_member', 'confidential_advisor'], password, noAdmit);
    await admit(chair, 'commission', dual, ['commission_member']);
    await admit(advisor, 'advisors', dual, ['confidential_advisor']);
    expect(await api(advisorReport)).toBe(201);
    const advisorCase = await newestCase('advisor');
    expect(await holders(advisorCase)).toContain(dual.userId);
    const [commissionAdmission] = await t.services.db.select().from(bodyAdmissions).where(and(eq(bodyAdmissions.userId, dual.userId), eq(bodyAdmissions.body, 'commission')));
    await removeMember(t.services, await unlockStaff(t, chair), { body: 'commission', admissionId: commissionAdmission!.id });
    expect(await holders(advisorCase)).toContain(dual.userId);

    await t.services.db.update(bodyAdmissions).set({ removedAt: null, removedBy: null }).where(eq(bodyAdmissions.id, commissionAdmission!.id));
    expect(await api(commissionReport)).toBe(201);
    expect(await holders(await newestCase('commission'))).not.toContain(dual.userId);
  });
});

describe('identity requests edited in the database', () => {
  it('a "legal duty" ticked afterwards or a waiting period moved into the past releases nothing and leaves the reporter their say', async () => {
    const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Vertrouwelijk.', WANT: ['advice'] }, { anonymity: 'confidential', identity: { name: 'Rosa Rapporteur', contact: 'rosa@prive.example' } });
    const caseId = await newestCase('commission');
    const requester = await logInAs(t, member);
    await declareNoRelation(requester, caseId);
    expect((await requester.submit(`/staff/cases/${caseId}/identity`, `/staff/cases/${caseId}/identity`, { requestReason: 'Voor het gesprek.' })).status).toBe(303);
    const [request] = await t.services.db.select().from(identityRequests).where(eq(identityRequests.caseId, caseId));
    const custodian = await logInAs(t, chair);
    await declareNoRelation(custodian, caseId);
    expect((await custodian.submit(`/staff/cases/${caseId}/identity`, `/staff/cases/${caseId}/identity/${request!.id}/decide`, { decision: 'grant', decisionReason: 'Wij willen u spreken.' })).status).toBe(303);

    await t.services.db.update(identityRequests).set({ legalDuty: true, releaseAfter: new Date(t.clock.ms - DAY) }).where(eq(identityRequests.id, request!.id));
    await runDueJobs(t.services);
    expect((await (await logInAs(t, member)).get(`/staff/cases/${caseId}`)).html).not.toContain('Rosa Rapporteur');
    expect(await t.services.db.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, member.userId)))).toHaveLength(0);

    // The reporter is still asked, and their objection still counts.
    const reporter = await openWithReceipt(t, receipt);
    const page = await reporter.get(`/my-report/identity/${request!.id}`);
    expect(page.status).toBe(200);
    const answered = await reporter.post(`/my-report/identity/${request!.id}`, { answer: 'object', comment: '', _csrf: hiddenValue(page.html, '_csrf') });
    expect(answered.status).toBe(303);
    expect((await t.services.db.select().from(identityRequests).where(eq(identityRequests.id, request!.id)))[0]!.status).toBe('objected');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { caseDecisions, cases } from '../../src/db/schema.js';
import { roles, type Role } from '../../src/domain/access/roles.js';
import { FormClient } from '../support/form-client.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Every role, the administrator, a recused member and an anonymous visitor, against every case
// action on a commission case. Handlers of the route may; nobody else may, whatever they try.
type Who = Role | 'recused_member' | 'anonymous';
const everyone: Who[] = [...roles, 'recused_member', 'anonymous'];
const allowed = new Set<Who>(['secretary', 'commission_member', 'chair']);

let t: TestApp;
let caseId: string;
let decisionCaseId: string;
let freshCaseId: string;
let decisionId: string;
let fileId: string;
const clients = new Map<Who, FormClient>();

beforeAll(async () => {
  t = await createTestApp();
  const staff = new Map<Who, Awaited<ReturnType<typeof createStaff>>>();
  for (const role of roles) staff.set(role, await createStaff(t, [role]));
  staff.set('recused_member', await createStaff(t, ['commission_member']));
  // Confidential, so that asking for the identity is possible; the chair is its custodian.
  await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Matrix.', WANT: ['advice'] }, { anonymity: 'confidential', identity: { name: 'M', contact: 'm@prive.example' }, files: [{ name: 'm.txt', bytes: Buffer.from('matrix') }] });
  caseId = (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Matrixbesluit.', WANT: ['advice'] });
  decisionCaseId = (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  await reportThroughForm(t, { KIND: 'manager_conduct', WHAT: 'Matrix, nieuw.', WANT: ['advice'] });
  freshCaseId = (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  for (const [who, account] of staff) clients.set(who, await logInAs(t, account));
  clients.set('anonymous', new FormClient(t));
  const recused = clients.get('recused_member')!;
  for (const id of [caseId, decisionCaseId, freshCaseId]) {
    expect((await recused.submit(`/staff/cases/${id}`, `/staff/cases/${id}/declaration`, { decision: 'recused' })).status).toBe(303);
    for (const who of allowed) await declareNoRelation(clients.get(who)!, id);
  }
  // The second case is in handling with a draft decision, for the votes and the closing.
  const secretary = clients.get('secretary')!;
  for (const [action, fields] of [
    ['acknowledge', { ackNote: '' }],
    ['assess', { kind: 'other', admissible: 'yes', assessReason: 'Ja.', priority: 'normal', retaliationRisk: 'none', measures: '' }],
    ['advance', { to: 'in_handling', stepText: '' }],
    ['decision', { outcome: 'unfounded', conclusion: 'Concept.' }],
  ] as const) expect(await postWithOwnToken(secretary, `/staff/cases/${decisionCaseId}/${action}`, fields)).toBe(303);
  decisionId = (await t.services.db.select({ id: caseDecisions.id }).from(caseDecisions).where(eq(caseDecisions.caseId, decisionCaseId)))[0]!.id;
  // Acknowledged, so that every lifecycle action below is possible for whoever may do it.
  expect((await clients.get('secretary')!.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/acknowledge`, { ackNote: '' })).status).toBe(303);
  const page = await clients.get('secretary')!.get(`/staff/cases/${caseId}`);
  fileId = /\/files\/([0-9a-f-]{36})"/.exec(page.html)![1]!;
});
afterAll(() => t.close());

const members = new Set<Who>(['commission_member', 'chair']);
const actions: { name: string; allowed?: Set<Who>; /** Those for whom the action is pointless or not theirs alone rather than forbidden: refused as a conflict. */ conflictFor?: Set<Who>;
  /** Moves the case on: after the first permitted person, the next ones meet a conflict (authorization comes first, so a 409 means it was passed). */
  stateful?: boolean; run: (client: FormClient) => Promise<number> }[] = [
  { name: 'list in inbox', run: async (c) => ((await c.get('/staff/cases')).html.includes(caseId) ? 200 : 403) },
  { name: 'open the case', run: async (c) => (await c.get(`/staff/cases/${caseId}`)).status },
  { name: 'download a file', run: async (c) => (await c.get(`/staff/cases/${caseId}/files/${fileId}`)).status },
  { name: 'write to the reporter', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/messages`, { text: 'x' }) },
  { name: 'add an internal note', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/notes`, { noteText: 'x' }) },
  { name: 'extend the deadline', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/extend`, { months: '1', extensionReason: 'x' }) },
  { name: 'acknowledge', stateful: true, run: (c) => postWithOwnToken(c, `/staff/cases/${freshCaseId}/acknowledge`, { ackNote: '' }) },
  {
    name: 'assess',
    stateful: true,
    run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/assess`, { kind: 'other', admissible: 'yes', assessReason: 'x', priority: 'low', retaliationRisk: 'none', measures: '' }),
  },
  { name: 'draft a decision', stateful: true, run: (c) => postWithOwnToken(c, `/staff/cases/${freshCaseId}/decision`, { outcome: 'founded', conclusion: 'x' }) },
  { name: 'open the interventions', run: async (c) => (await c.get(`/staff/cases/${caseId}/interventions`)).status },
  { name: 'record an intervention', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/interventions`, { kind: 'mediation', who: 'x', what: 'x' }) },
  { name: 'record minutes', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/minutes`, { meetingOn: '2026-11-22', minutesText: 'x' }) },
  // The chair is the identity custodian and sees the identity already: nothing to ask.
  { name: 'ask for the identity', allowed: new Set<Who>(['secretary', 'commission_member']), conflictFor: new Set<Who>(['chair']), run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/identity`, { requestReason: 'x' }) },
  { name: 'open the decision', run: async (c) => (await c.get(`/staff/cases/${decisionCaseId}/decision`)).status },
  { name: 'record a recommendation', run: (c) => postWithOwnToken(c, `/staff/cases/${decisionCaseId}/recommendations`, { addressee: 'x', recommendationText: 'x' }) },
  { name: 'vote on the draft decision', allowed: members, run: (c) => postWithOwnToken(c, `/staff/cases/${decisionCaseId}/decision/${decisionId}/vote`, { position: 'agree', voteReason: '' }) },
  { name: 'enter an oral report', allowed: new Set<Who>(['secretary']), run: async (c) => (await c.get('/report/commission?intake=1')).status },
  // Nobody concludes a commission case alone: its handlers are refused with a reason (409), everyone else has no access.
  // (A redirect other than to the log-in page would mean the step was done: counted as 200.)
  { name: 'conclude a commission case alone', allowed: new Set<Who>(), conflictFor: allowed, run: async (c) => done(await c.postWithOwnToken(`/staff/cases/${decisionCaseId}/advance`, { to: 'concluded', stepText: '' })) },
  // Last: closing concludes the case (the member and the chair have voted by then: the quorum).
  { name: 'close the decision', allowed: new Set<Who>(['chair']), run: (c) => postWithOwnToken(c, `/staff/cases/${decisionCaseId}/decision/${decisionId}/close`, {}) },
];

const postWithOwnToken = async (client: FormClient, path: string, fields: Record<string, string>) => (await client.postWithOwnToken(path, fields)).status;
const done = (response: { status: number; location: string | null }) => (response.status === 303 && !/\/login/.test(response.location ?? '') ? 200 : response.status);

describe('case actions by role', () => {
  for (const who of everyone) {
    for (const action of actions) {
      const may = (action.allowed ?? allowed).has(who);
      it(`${who}: ${action.name} is ${may ? 'allowed' : 'refused'}`, async () => {
        const status = await action.run(clients.get(who)!);
        if (may) expect(status < 400 || (action.stateful && status === 409), `${who} ${action.name}: ${status}`).toBe(true);
        else expect([303, 401, 403, 404, ...(action.conflictFor?.has(who) ? [409] : [])], `${who} ${action.name}`).toContain(status);
      });
    }
  }

  it('the chair alone reads the audit log', async () => {
    for (const who of everyone) {
      const response = await clients.get(who)!.get('/staff/audit');
      expect(response.status === 200, who).toBe(who === 'chair');
    }
  });
});

// The joint decision cannot be bypassed: no single handler concludes a commission case, the chair
// closes the decision only once the quorum is met, and only then are feedback and closing possible.
describe('the joint decision cannot be bypassed', () => {
  let bypassCaseId: string;
  let editedCaseId: string;
  const post = (who: Who, caseId: string, path: string, fields: Record<string, string>) => clients.get(who)!.postWithOwnToken(`/staff/cases/${caseId}/${path}`, fields);
  const statusOf = async (caseId: string) => (await t.services.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;

  beforeAll(async () => {
    for (const what of ['Omweg.', 'Bewerkte database.']) {
      await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: what, WANT: ['advice'] });
      const id = (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
      expect((await clients.get('recused_member')!.submit(`/staff/cases/${id}`, `/staff/cases/${id}/declaration`, { decision: 'recused' })).status).toBe(303);
      for (const who of allowed) await declareNoRelation(clients.get(who)!, id);
      if (what === 'Omweg.') bypassCaseId = id;
      else editedCaseId = id;
    }
    for (const [action, fields] of [
      ['acknowledge', { ackNote: '' }],
      ['assess', { kind: 'other', admissible: 'yes', assessReason: 'Ja.', priority: 'normal', retaliationRisk: 'none', measures: '' }],
      ['advance', { to: 'in_handling', stepText: '' }],
    ] as const) expect((await post('secretary', bypassCaseId, action, fields)).status).toBe(303);
  });

  it('a single commission member, the secretary and the chair cannot conclude, give feedback on or close it by a step', async () => {
    for (const who of ['commission_member', 'secretary', 'chair'] as const) {
      const conclude = await post(who, bypassCaseId, 'advance', { to: 'concluded', stepText: 'Afgerond.' });
      expect(conclude.status, who).toBe(409);
      expect(conclude.html).toContain('Deze zaak kan alleen worden afgerond met een gezamenlijk besluit dat de voorzitter sluit');
      expect((await post(who, bypassCaseId, 'advance', { to: 'feedback_given', stepText: 'Terugkoppeling.' })).location, who).toContain('done=stale');
      // Not a step this case is at: nothing happens; the page shows the case as it is.
      const closing = await post(who, bypassCaseId, 'advance', { to: 'closed', stepText: '' });
      expect(closing.status, who).toBe(303);
      expect(closing.location, who).toContain('done=stale');
    }
    expect(await statusOf(bypassCaseId)).toBe('in_handling');
  });

  it('the chair cannot close the decision before the quorum; after a quorate decision closed by the chair, feedback and closing work', async () => {
    expect((await post('secretary', bypassCaseId, 'decision', { outcome: 'founded', conclusion: 'Samen besloten.' })).status).toBe(303);
    const [decision] = await t.services.db.select({ id: caseDecisions.id }).from(caseDecisions).where(eq(caseDecisions.caseId, bypassCaseId));
    const close = (who: Who) => post(who, bypassCaseId, `decision/${decision!.id}/close`, {});
    const vote = (who: Who) => post(who, bypassCaseId, `decision/${decision!.id}/vote`, { position: 'agree', voteReason: '' });

    const early = await close('chair');
    expect(early.status).toBe(409);
    expect(early.html).toContain('Het besluit kan nog niet worden gesloten');
    expect((await vote('commission_member')).status).toBe(303);
    // The chair, a member too, has not voted: under the default quorum everyone votes.
    expect((await close('chair')).status).toBe(409);
    expect((await close('secretary')).status).toBe(403);
    expect((await close('commission_member')).status).toBe(403);
    expect(await statusOf(bypassCaseId)).toBe('in_handling');

    expect((await vote('chair')).status).toBe(303);
    expect((await close('chair')).status).toBe(303);
    expect(await statusOf(bypassCaseId)).toBe('concluded');
    expect((await post('secretary', bypassCaseId, 'advance', { to: 'feedback_given', stepText: 'De commissie heeft besloten.' })).status).toBe(303);
    expect((await post('commission_member', bypassCaseId, 'advance', { to: 'closed', stepText: '' })).status).toBe(303);
    expect(await statusOf(bypassCaseId)).toBe('closed');
  });

  it('a case set to "concluded" or "feedback given" without a closed decision (an edited database) gets no feedback and is not closed', async () => {
    await t.services.db.update(cases).set({ status: 'concluded' }).where(eq(cases.id, editedCaseId));
    const feedback = await post('secretary', editedCaseId, 'advance', { to: 'feedback_given', stepText: 'Terugkoppeling.' });
    expect(feedback.status).toBe(409);
    expect(feedback.html).toContain('nog geen gezamenlijk besluit dat de voorzitter heeft gesloten');
    await t.services.db.update(cases).set({ status: 'feedback_given' }).where(eq(cases.id, editedCaseId));
    expect((await post('chair', editedCaseId, 'advance', { to: 'closed', stepText: '' })).status).toBe(409);
    expect(await statusOf(editedCaseId)).toBe('feedback_given');
  });
});

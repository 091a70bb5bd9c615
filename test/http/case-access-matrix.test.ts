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
const actions: { name: string; allowed?: Set<Who>; /** Someone for whom the action is pointless rather than forbidden: refused as a conflict. */ conflictFor?: Who;
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
  { name: 'ask for the identity', allowed: new Set<Who>(['secretary', 'commission_member']), conflictFor: 'chair', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/identity`, { requestReason: 'x' }) },
  { name: 'open the decision', run: async (c) => (await c.get(`/staff/cases/${decisionCaseId}/decision`)).status },
  { name: 'record a recommendation', run: (c) => postWithOwnToken(c, `/staff/cases/${decisionCaseId}/recommendations`, { addressee: 'x', recommendationText: 'x' }) },
  { name: 'vote on the draft decision', allowed: members, run: (c) => postWithOwnToken(c, `/staff/cases/${decisionCaseId}/decision/${decisionId}/vote`, { position: 'agree', voteReason: '' }) },
  { name: 'enter an oral report', allowed: new Set<Who>(['secretary']), run: async (c) => (await c.get('/report/commission?intake=1')).status },
  // Last: closing concludes the case.
  { name: 'close the decision', allowed: new Set<Who>(['chair']), run: (c) => postWithOwnToken(c, `/staff/cases/${decisionCaseId}/decision/${decisionId}/close`, {}) },
];

const postWithOwnToken = async (client: FormClient, path: string, fields: Record<string, string>) => (await client.postWithOwnToken(path, fields)).status;

describe('case actions by role', () => {
  for (const who of everyone) {
    for (const action of actions) {
      const may = (action.allowed ?? allowed).has(who);
      it(`${who}: ${action.name} is ${may ? 'allowed' : 'refused'}`, async () => {
        const status = await action.run(clients.get(who)!);
        if (may) expect(status < 400 || (action.stateful && status === 409), `${who} ${action.name}: ${status}`).toBe(true);
        else expect([303, 401, 403, 404, ...(action.conflictFor === who ? [409] : [])], `${who} ${action.name}`).toContain(status);
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

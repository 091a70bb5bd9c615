import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { cases } from '../../src/db/schema.js';
import { roles, type Role } from '../../src/domain/access/roles.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
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
let fileId: string;
const clients = new Map<Who, FormClient>();

beforeAll(async () => {
  t = await createTestApp();
  const staff = new Map<Who, Awaited<ReturnType<typeof createStaff>>>();
  for (const role of roles) staff.set(role, await createStaff(t, [role]));
  staff.set('recused_member', await createStaff(t, ['commission_member']));
  await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Matrix.', WANT: ['advice'] }, { files: [{ name: 'm.txt', bytes: Buffer.from('matrix') }] });
  caseId = (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  for (const [who, account] of staff) clients.set(who, await logInAs(t, account));
  clients.set('anonymous', new FormClient(t));
  const recused = clients.get('recused_member')!;
  expect((await recused.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/declaration`, { decision: 'recused' })).status).toBe(303);
  for (const who of allowed) await declareNoRelation(clients.get(who)!, caseId);
  // Acknowledged, so that every lifecycle action below is possible for whoever may do it.
  expect((await clients.get('secretary')!.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/acknowledge`, { ackNote: '' })).status).toBe(303);
  const page = await clients.get('secretary')!.get(`/staff/cases/${caseId}`);
  fileId = /\/files\/([0-9a-f-]{36})"/.exec(page.html)![1]!;
});
afterAll(() => t.close());

const actions: { name: string; run: (client: FormClient) => Promise<number> }[] = [
  { name: 'list in inbox', run: async (c) => ((await c.get('/staff/cases')).html.includes(caseId) ? 200 : 403) },
  { name: 'open the case', run: async (c) => (await c.get(`/staff/cases/${caseId}`)).status },
  { name: 'download a file', run: async (c) => (await c.get(`/staff/cases/${caseId}/files/${fileId}`)).status },
  { name: 'write to the reporter', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/messages`, { text: 'x' }) },
  { name: 'add an internal note', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/notes`, { noteText: 'x' }) },
  { name: 'extend the deadline', run: (c) => postWithOwnToken(c, `/staff/cases/${caseId}/extend`, { months: '1', extensionReason: 'x' }) },
];

/** Posts with the best token this visitor can get: their own session's, or (anonymous) a log-in form's. */
async function postWithOwnToken(client: FormClient, path: string, fields: Record<string, string>): Promise<number> {
  const token = hiddenValue((await client.get(client.cookie ? '/staff' : '/login')).html, '_csrf');
  return (await client.post(path, { ...fields, _csrf: token })).status;
}

describe('case actions by role', () => {
  for (const who of everyone) {
    for (const action of actions) {
      const expected = allowed.has(who) ? 'allowed' : 'refused';
      it(`${who}: ${action.name} is ${expected}`, async () => {
        const status = await action.run(clients.get(who)!);
        if (allowed.has(who)) expect(status, `${who} ${action.name}`).toBeLessThan(400);
        else expect([303, 401, 403, 404], `${who} ${action.name}`).toContain(status);
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, cases } from '../../src/db/schema.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Who leads a case: chosen by the secretary or the chair among those who can read it, shown in the
// inbox and on the case, filterable, audited.
let t: TestApp;
let secretary: TestStaff;
let member: TestStaff;
let admin: TestStaff;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  member = await createStaff(t, ['commission_member']);
  await createStaff(t, ['chair']);
  admin = await createStaff(t, ['administrator']);
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Wie leidt dit?', WANT: ['advice'] });
  caseId = (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
});
afterAll(() => t.close());

describe('the case owner', () => {
  it('is chosen by the secretary among those who can read the case, and shown in the inbox and on the case', async () => {
    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, caseId);
    expect((await handler.get(`/staff/cases/${caseId}`)).html).toContain('Nog niemand leidt deze melding.');
    const chosen = await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/owner`, { ownerId: member.userId });
    expect(chosen.status).toBe(303);
    const page = (await handler.get(chosen.location!)).html;
    expect(page).toContain('De behandelaar die de melding leidt, is vastgelegd.');
    expect(page).toContain('Leidt deze melding: Test commission_member.');
    expect((await handler.get('/staff/cases')).html).toContain('<td class="utrecht-table__cell">Test commission_member</td>');
    // The member finds it under "mine"; nobody's list no longer has it.
    const memberClient = await logInAs(t, member);
    expect((await memberClient.get('/staff/cases?owner=me')).html).toContain(caseId);
    expect((await handler.get('/staff/cases?owner=none')).html).not.toContain(caseId);
    const [entry] = await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.owner')));
    expect(entry!.detail).toMatchObject({ before: '', after: member.userId });
  });

  it('refuses someone who cannot read the case, and keeps the owner', async () => {
    const handler = await logInAs(t, secretary);
    const refused = await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/owner`, { ownerId: admin.userId });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Deze persoon kan de melding niet lezen.');
    expect((await t.services.db.select({ ownerId: cases.ownerId }).from(cases).where(eq(cases.id, caseId)))[0]!.ownerId).toBe(member.userId);
  });

  it('is not for a member or the administrator to choose', async () => {
    for (const who of [member, admin]) {
      const client = await logInAs(t, who);
      expect((await client.postWithOwnToken(`/staff/cases/${caseId}/owner`, { ownerId: '' })).status).toBe(403);
    }
    expect((await t.services.db.select({ ownerId: cases.ownerId }).from(cases).where(eq(cases.id, caseId)))[0]!.ownerId).toBe(member.userId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, cases } from '../../src/db/schema.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { caseAction, walkToClosed } from '../support/case-steps.js';
import type { FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A reporter who writes after the case was closed (about retaliation, say) is never lost: the case
// is marked in the inbox and the digest, a handler can answer or reopen it, and the retention purge
// waits until the message has been answered.
const DAY = 24 * 3600_000;
let t: TestApp;
let secretary: TestStaff;
let member: TestStaff;
let chair: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  member = await createStaff(t, ['commission_member']);
  chair = await createStaff(t, ['chair']);
});
afterAll(() => t.close());

async function closedCaseWithLateMessage(what: string): Promise<{ caseId: string; handler: FormClient }> {
  const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: what, WANT: ['advice'] });
  const caseId = (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  const first = await logInAs(t, secretary);
  await declareNoRelation(first, caseId);
  const deciders = [await logInAs(t, member), await logInAs(t, chair)];
  for (const decider of deciders) await declareNoRelation(decider, caseId);
  await walkToClosed(first, caseId, deciders);
  t.clock.advance(DAY);
  const reporter = await openWithReceipt(t, receipt);
  expect((await reporter.submit('/my-report', '/my-report/messages', { text: 'Na het afsluiten word ik tegengewerkt.' })).status).toBe(303);
  // A day later: the handler signs in afresh.
  return { caseId, handler: await logInAs(t, secretary) };
}

describe('a message after closing', () => {
  it('is marked in the inbox and the digest, and the purge waits until it is answered', async () => {
    t.clock.ms = Date.UTC(2027, 0, 10, 9, 0, 0);
    const { caseId, handler } = await closedCaseWithLateMessage('Eerste zaak.');
    const inbox = (await handler.get('/staff/cases')).html;
    expect(inbox).toContain('melder schreef na afsluiten');
    expect((await handler.get('/staff/cases?waiting=1')).html).toContain(caseId);
    expect((await handler.get(`/staff/cases/${caseId}`)).html).toContain('Melding heropenen');

    // The next morning's digest tells the secretariat.
    t.mail.received.length = 0;
    t.clock.ms = Date.UTC(2027, 0, 12, 8, 0, 0);
    await runDueJobs(t.services);
    expect(t.mail.received.some((m) => m.to.includes(secretary.email) && /wacht iets op u/.test(m.subject))).toBe(true);

    // Long after the retention period: still there, unanswered.
    t.clock.ms = Date.UTC(2029, 6, 1, 10, 0, 0);
    await runDueJobs(t.services);
    expect(await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId))).toHaveLength(1);
    // Answered (without reopening): then the purge goes ahead.
    expect((await (await logInAs(t, secretary)).submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/messages`, { text: 'Wij nemen contact op.' })).status).toBe(303);
    t.clock.advance(DAY);
    await runDueJobs(t.services);
    expect(await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId))).toHaveLength(0);
  });

  it('can be reopened by a handler with a reason, audited', async () => {
    t.clock.ms = Date.UTC(2029, 8, 1, 9, 0, 0);
    const { caseId, handler } = await closedCaseWithLateMessage('Tweede zaak.');
    expect(await caseAction(handler, caseId, 'reopen', { reopenText: '' })).toBe(422);
    const reopened = await handler.postWithOwnToken(`/staff/cases/${caseId}/reopen`, { reopenText: 'De melder meldt tegenwerking.' });
    expect(reopened.status).toBe(303);
    expect((await handler.get(reopened.location!)).html).toContain('De melding is heropend en staat weer in behandeling.');
    const [row] = await t.services.db.select({ status: cases.status, closedAt: cases.closedAt }).from(cases).where(eq(cases.id, caseId));
    expect(row).toEqual({ status: 'in_handling', closedAt: null });
    expect(await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.reopened')))).toHaveLength(1);
  });
});

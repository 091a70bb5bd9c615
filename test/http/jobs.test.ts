import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { boot, type Booted } from '../../src/bootstrap.js';
import { auditLog, cases, caseStatistics, receiptAttempts, reporterSessions, sessions, users } from '../../src/db/schema.js';
import { claimJob, finishJob, LEASE_MS } from '../../src/jobs/claim-job.js';
import { refreshStatistics } from '../../src/jobs/refresh-statistics.js';
import { unsafeVerifyAudit } from '../../src/domain/audit/verify-audit.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { caseAction, walkToClosed } from '../support/case-steps.js';
import { declareNoRelation, reportOnRoute, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DAY = 24 * 3600_000;
let t: TestApp;
let secretary: TestStaff;
let member: TestStaff;
let chair: TestStaff;
let admin: TestStaff;
let panel: TestStaff;
let second: Booted;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  member = await createStaff(t, ['commission_member']);
  admin = await createStaff(t, ['administrator']);
  panel = await createStaff(t, ['ethics_panel_member']);
  // The commission route's identity custodian: a confidential report needs one.
  chair = await createStaff(t, ['chair']);
  // A second app instance on the same database, as after a restart or beside the first.
  second = await boot(t.services.config, { database: t.services.database, mailer: createSmtpMailer(t.mail.url, t.services.config.mailFrom), logger: t.services.logger, now: t.clock.now, kdfThreads: 1 });
});
afterAll(async () => {
  await second.close();
  await t.close();
});

async function newestCase(): Promise<string> {
  return (await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
}

const mailsTo = (email: string, subject: RegExp) => t.mail.received.filter((m) => m.to.includes(email) && subject.test(m.subject));
const bothInstancesRun = () => Promise.all([runDueJobs(t.services), runDueJobs(second.services)]);

describe('deadline reminders', () => {
  it('reminds every key holder once, two days before the acknowledgement deadline, without saying what', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Herinneringsinhoud die nooit in mail mag staan.', WANT: ['advice'] });
    const caseId = await newestCase();
    t.mail.received.length = 0;
    // Received 22 November: acknowledge by 29 November; reminders from 27 November.
    t.clock.advance(4 * DAY);
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /Herinnering/)).toHaveLength(0);

    t.clock.advance(DAY);
    await bothInstancesRun();
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /Herinnering/)).toHaveLength(1);
    expect(mailsTo(member.email, /Herinnering/)).toHaveLength(1);
    expect(mailsTo(admin.email, /Herinnering/)).toHaveLength(0);
    const mail = mailsTo(secretary.email, /Herinnering/)[0]!;
    expect(mail.text).not.toContain(caseId);
    expect(mail.text).not.toContain('Herinneringsinhoud');
    expect(mail.text).toContain('http://localhost/o/testorganisatie/staff/cases');

    // Acknowledged: no further acknowledgement reminder, and the feedback one waits for its own day.
    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, caseId);
    expect(await caseAction(handler, caseId, 'acknowledge', { ackNote: '' })).toBe(303);
    t.mail.received.length = 0;
    t.clock.advance(DAY);
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /Herinnering/)).toHaveLength(0);

    // Feedback due 27 February 2027: reminded from 13 February, once.
    t.clock.ms = Date.UTC(2027, 1, 13, 9, 0, 0);
    await bothInstancesRun();
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /Herinnering/)).toHaveLength(1);

    // An extension moves the deadline: that new deadline gets its own reminder, in its own time.
    const again = await logInAs(t, secretary);
    expect(await caseAction(again, caseId, 'extend', { months: '1', extensionReason: 'Meer gesprekken nodig.' })).toBe(303);
    t.mail.received.length = 0;
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /Herinnering/)).toHaveLength(0);
    t.clock.ms = Date.UTC(2027, 2, 14, 9, 0, 0);
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /Herinnering/)).toHaveLength(1);
  });
});

describe('new case notices', () => {
  it('tell those who can open a new case at the next fixed hour, once, one mail per person, without saying what', async () => {
    // 11:00 in Amsterdam: between the fixed hours (9, 13, 17).
    t.clock.ms = Date.UTC(2027, 2, 1, 10, 0, 0);
    await bothInstancesRun();
    t.mail.received.length = 0;
    await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Nieuwe-melding-inhoud.', WANT: ['advice'] });
    await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Tweede nieuwe melding.', WANT: ['advice'] });
    const [number] = (await t.services.db.select({ number: cases.number }).from(cases).where(eq(cases.id, await newestCase())));
    // Not at once: a mail a minute after a report would tell the mail system when it was made.
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /nieuwe melding/)).toHaveLength(0);
    // 13:00 in Amsterdam.
    t.clock.ms = Date.UTC(2027, 2, 1, 12, 0, 30);
    await bothInstancesRun();
    await bothInstancesRun();
    for (const who of [secretary, member, chair]) expect(mailsTo(who.email, /nieuwe melding/), who.email).toHaveLength(1);
    for (const who of [admin, panel]) expect(mailsTo(who.email, /nieuwe melding/), who.email).toHaveLength(0);
    const mail = mailsTo(secretary.email, /nieuwe melding/)[0]!;
    expect(mail.text).not.toContain('Nieuwe-melding-inhoud');
    expect(mail.text).not.toContain(number!.number);
    expect(mail.text).toContain('/staff/cases?status=received');
    // A question to the ethics panel reaches the panel, and nobody of the commission.
    t.mail.received.length = 0;
    await reportOnRoute(t, 'ethics', [{ QUESTION: 'Een vraag voor het panel.' }]);
    // It came in after 13:00 began: told at 17:00, not in the same hour.
    await bothInstancesRun();
    expect(mailsTo(panel.email, /nieuwe melding/)).toHaveLength(0);
    // 14:00 is not one of the fixed hours: nothing yet, though the question came in before it began.
    t.clock.ms = Date.UTC(2027, 2, 1, 13, 0, 30);
    await bothInstancesRun();
    expect(mailsTo(panel.email, /nieuwe melding/)).toHaveLength(0);
    t.clock.ms = Date.UTC(2027, 2, 1, 16, 0, 30);
    await bothInstancesRun();
    expect(mailsTo(panel.email, /nieuwe melding/)).toHaveLength(1);
    for (const who of [secretary, member, chair, admin]) expect(mailsTo(who.email, /nieuwe melding/), who.email).toHaveLength(0);
  });
});

describe('daily digest', () => {
  it('nudges those who can open a waiting case once a day from the digest hour, and only when something waits', async () => {
    // Only the new case waits: every earlier one closed, the reporter's last word answered.
    await t.services.db.update(cases).set({ status: 'closed', lastHandlerActivityAt: new Date(Date.UTC(2027, 3, 1, 3, 0, 0)) });
    // 06:00 in Amsterdam: before the digest hour (08:00).
    t.clock.ms = Date.UTC(2027, 3, 1, 4, 0, 0);
    await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Digestinhoud.', WANT: ['advice'] });
    t.mail.received.length = 0;
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /wacht iets op u/)).toHaveLength(0);
    t.clock.advance(3 * 3600_000);
    await bothInstancesRun();
    await bothInstancesRun();
    const digests = mailsTo(secretary.email, /wacht iets op u/);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).not.toContain('Digestinhoud');
    // Every handler who can open the waiting case, the commission's members too; not the administrator, not the panel.
    expect(mailsTo(member.email, /wacht iets op u/)).toHaveLength(1);
    expect(mailsTo(admin.email, /wacht iets op u/)).toHaveLength(0);
    expect(mailsTo(panel.email, /wacht iets op u/)).toHaveLength(0);
    t.clock.advance(DAY);
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /wacht iets op u/)).toHaveLength(2);
  });

  it('does not use up the day on a run that finds nothing waiting: a case that arrives later that day is still told', async () => {
    // Nothing waits: every case so far closed, the reporter's last word answered.
    await t.services.db.update(cases).set({ status: 'closed', lastHandlerActivityAt: new Date(Date.UTC(2027, 4, 3, 6, 0, 0)) });
    t.clock.ms = Date.UTC(2027, 4, 3, 7, 0, 0); // 09:00 in Amsterdam, after the digest hour
    t.mail.received.length = 0;
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /wacht iets op u/)).toHaveLength(0);
    t.clock.advance(4 * 3600_000);
    await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Later op de dag.', WANT: ['advice'] });
    await bothInstancesRun();
    await bothInstancesRun();
    expect(mailsTo(secretary.email, /wacht iets op u/)).toHaveLength(1);
  });
});

describe('retention purge', () => {
  it('destroys every row, ciphertext and key of a case after the retention period, keeping an anonymous count', async () => {
    t.clock.ms = Date.UTC(2027, 5, 1, 10, 0, 0);
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Te vernietigen.', WANT: ['advice'] }, { anonymity: 'confidential', identity: { name: 'Vera', contact: 'vera@prive.example' }, files: [{ name: 'bewijs.txt', bytes: Buffer.from('bewijsstuk') }] });
    const caseId = await newestCase();
    const handler = await logInAs(t, secretary);
    await declareNoRelation(handler, caseId);
    expect(await caseAction(handler, caseId, 'notes', { noteText: 'Interne notitie.' })).toBe(303);
    // Concluded by a joint decision: the member and the chair vote, the chair closes.
    const deciders = [await logInAs(t, member), await logInAs(t, chair)];
    for (const decider of deciders) await declareNoRelation(decider, caseId);
    await walkToClosed(handler, caseId, deciders);

    // Every binary value that belongs to the case, wherever it is stored.
    const tables = await t.services.db.execute<{ table_name: string; column_name: string; data_type: string }>(
      sql`select table_name, column_name, data_type from information_schema.columns where table_schema = 'public' and (data_type = 'bytea' or column_name = 'case_id') order by table_name`,
    );
    const columns = (tables as unknown as { rows: Array<{ table_name: string; column_name: string; data_type: string }> }).rows ?? (tables as unknown as Array<{ table_name: string; column_name: string; data_type: string }>);
    const caseIdColumns = columns.filter((c) => c.column_name === 'case_id' && c.table_name !== 'audit_log');
    const binaryColumns = columns.filter((c) => c.data_type === 'bytea');
    const caseBlobs: Buffer[] = [];
    for (const c of caseIdColumns) {
      for (const b of binaryColumns.filter((bc) => bc.table_name === c.table_name)) {
        const rows = await t.services.db.execute(sql`select ${sql.identifier(b.column_name)} as v from ${sql.identifier(c.table_name)} where case_id = ${caseId}`);
        for (const row of rowsOf(rows)) caseBlobs.push(Buffer.from(row.v as Uint8Array));
      }
    }
    const [caseRow] = await t.services.db.select().from(cases).where(eq(cases.id, caseId));
    caseBlobs.push(Buffer.from(caseRow!.publicKey), Buffer.from(caseRow!.privateKeyByReceipt), Buffer.from(caseRow!.receiptLookup));
    expect(caseBlobs.length).toBeGreaterThan(8);

    // Not before the retention period (24 months by default) has passed.
    t.clock.ms = Date.UTC(2029, 4, 30, 10, 0, 0);
    await bothInstancesRun();
    expect(await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId))).toHaveLength(1);

    t.clock.ms = Date.UTC(2029, 5, 2, 10, 0, 0);
    const reports = await bothInstancesRun();
    expect(reports.reduce((n, r) => n + r.purged, 0)).toBeGreaterThanOrEqual(1);

    for (const c of caseIdColumns) {
      const rows = rowsOf(await t.services.db.execute(sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where case_id = ${caseId}`));
      expect(rows[0]!.n, c.table_name).toBe(0);
    }
    expect(await t.services.db.select().from(cases).where(eq(cases.id, caseId))).toHaveLength(0);
    for (const b of binaryColumns) {
      for (const blob of caseBlobs) {
        const rows = rowsOf(await t.services.db.execute(sql`select count(*)::int as n from ${sql.identifier(b.table_name)} where ${sql.identifier(b.column_name)} = ${blob}`));
        expect(rows[0]!.n, `${b.table_name}.${b.column_name}`).toBe(0);
      }
    }

    const stats = await t.services.db.select().from(caseStatistics);
    expect(stats).toContainEqual(expect.objectContaining({ routeCode: 'commission', kind: 'improper_pressure', receivedOn: '2027-06-01', closedOn: '2027-06-01', purgedOn: '2029-06-02' }));
    const purges = await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'case.purged'));
    expect(purges.filter((p) => p.caseId === caseId)).toHaveLength(1);
    expect((await unsafeVerifyAudit(t.services)).ok).toBe(true);
  });

  it('the retention period is a setting with a translated error outside 6 to 120 months', async () => {
    const client = await logInAs(t, admin);
    const refused = await client.submit('/staff/settings', '/staff/settings', { name: 'Testorganisatie', defaultLanguage: 'nl', contactText: '', commissionText: '', panelText: '', retentionMonths: '3', timeZone: 'Europe/Amsterdam', headcount: '', languages: ['nl', 'en'] });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Vul een heel aantal maanden in tussen 6 en 120.');
    const saved = await client.submit('/staff/settings', '/staff/settings', { name: 'Testorganisatie', defaultLanguage: 'nl', contactText: '', commissionText: '', panelText: '', retentionMonths: '36', timeZone: 'Europe/Amsterdam', headcount: '', languages: ['nl', 'en'] });
    expect(saved.status).toBe(303);
    expect((await client.get('/staff/settings')).html).toContain('value="36"');
  });

  it('a new time zone sets the open cases\' next deadlines again, as local days of that zone', async () => {
    // 23:30 in London on 10 January is 00:30 on the 11th in Amsterdam and 18:30 on the 10th in New York.
    t.clock.ms = Date.UTC(2030, 0, 10, 23, 29, 0);
    await reportThroughForm(t, { KIND: 'integrity_violation', WHAT: 'Tijdzone.', WANT: ['advice'] });
    const id = await newestCase();
    const due = async () => (await t.services.db.select({ dueOn: cases.dueOn }).from(cases).where(eq(cases.id, id)))[0]!.dueOn;
    expect(await due()).toBe('2030-01-18');
    const client = await logInAs(t, admin);
    const settings = { name: 'Testorganisatie', defaultLanguage: 'nl', contactText: '', commissionText: '', panelText: '', retentionMonths: '36', headcount: '', languages: ['nl', 'en'] };
    expect((await client.submit('/staff/settings', '/staff/settings', { ...settings, timeZone: 'America/New_York' })).status).toBe(303);
    expect(await due()).toBe('2030-01-17');
    expect((await client.submit('/staff/settings', '/staff/settings', { ...settings, timeZone: 'Europe/Amsterdam' })).status).toBe(303);
    expect(await due()).toBe('2030-01-18');
  });
});

function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return ((result as { rows?: Array<Record<string, unknown>> }).rows ?? (result as Array<Record<string, unknown>>));
}

describe('claims and housekeeping', () => {
  it('a claim is taken once; an unfinished one is taken over only after its lease, a finished one never', async () => {
    const at = new Date(Date.UTC(2030, 0, 1, 12, 0, 0));
    expect(await claimJob(t.services.db, 'test:lease', at)).toBe(true);
    expect(await claimJob(second.services.db, 'test:lease', at)).toBe(false);
    // The first instance "crashed": within the lease nobody else may take it; after the lease one may.
    expect(await claimJob(second.services.db, 'test:lease', new Date(at.getTime() + LEASE_MS - 1000))).toBe(false);
    expect(await claimJob(second.services.db, 'test:lease', new Date(at.getTime() + LEASE_MS + 1000))).toBe(true);
    await finishJob(second.services.db, 'test:lease', at);
    expect(await claimJob(t.services.db, 'test:lease', new Date(at.getTime() + 10 * LEASE_MS))).toBe(false);
  });

  it('removes expired staff and reporter sessions and old guessing windows', async () => {
    const now = t.clock.now();
    const [user] = await t.services.db.select({ id: users.id }).from(users).limit(1);
    const [someCase] = await t.services.db.select({ id: cases.id }).from(cases).limit(1);
    await t.services.db.insert(sessions).values({ idHash: new Uint8Array([1, 2, 3]), userId: user!.id, expiresAt: new Date(now.getTime() - 1000) });
    await t.services.db.insert(sessions).values({ idHash: new Uint8Array([4, 5, 6]), userId: user!.id, expiresAt: new Date(now.getTime() + 3600_000) });
    await t.services.db.insert(reporterSessions).values({ idHash: new Uint8Array([7, 8, 9]), caseId: someCase!.id, privateKeySealed: new Uint8Array([0]), expiresAt: new Date(now.getTime() - 1000) });
    await t.services.db.insert(receiptAttempts).values({ bucket: 'test-old', windowStart: new Date(now.getTime() - 24 * 3600_000), failures: 3 });
    await runDueJobs(t.services);
    const left = (await t.services.db.select({ idHash: sessions.idHash }).from(sessions)).map((r) => Buffer.from(r.idHash).toString('hex'));
    expect(left).not.toContain('010203');
    expect(left).toContain('040506');
    expect((await t.services.db.select().from(reporterSessions)).map((r) => Buffer.from(r.idHash).toString('hex'))).not.toContain('070809');
    expect(await t.services.db.select().from(receiptAttempts).where(eq(receiptAttempts.bucket, 'test-old'))).toHaveLength(0);
  });

  it('refreshes planner statistics once an hour on the embedded database, never on PostgreSQL', async () => {
    t.clock.ms = Date.UTC(2031, 0, 1, 10, 5, 0);
    const first = await refreshStatistics(t.services);
    expect(first).toBe(t.services.database.kind === 'pglite');
    expect(await refreshStatistics(second.services)).toBe(false);
    t.clock.advance(3600_000);
    expect(await refreshStatistics(t.services)).toBe(t.services.database.kind === 'pglite');
  });
});

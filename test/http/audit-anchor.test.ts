import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, desc, eq, gt } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema.js';
import { unsafeVerifyAudit } from '../../src/domain/audit/verify-audit.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Deleting the newest audit entries leaves a chain that checks out as far as it goes. The head
// anchored beside the server key (by the scheduled jobs) shows that the tail was cut off.
let t: TestApp;
let chair: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  chair = await createStaff(t, ['chair']);
  await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

const anchorPath = () => join(t.services.config.dataDir, 'audit-head.json');

describe('the anchored head of the audit chain', () => {
  it('detects a cut-off tail, and an altered anchor', async () => {
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Eerste.', WANT: ['advice'] });
    await runDueJobs(t.services);
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: true });
    const ours = eq(auditLog.organisationId, t.organisationId);
    const [head] = await t.services.db.select({ seq: auditLog.seq }).from(auditLog).where(ours).orderBy(desc(auditLog.seq)).limit(1);

    // Entries after the anchor may come and go without a verdict of their own...
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Tweede.', WANT: ['advice'] });
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: true });
    await runDueJobs(t.services);

    // ...but cutting entries the anchor has seen is reported, on the chair's page too.
    const [newest] = await t.services.db.select({ seq: auditLog.seq }).from(auditLog).where(ours).orderBy(desc(auditLog.seq)).limit(1);
    await t.services.db.delete(auditLog).where(and(ours, gt(auditLog.seq, head!.seq)));
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: false, reason: 'truncated', brokenAt: head!.seq + 1 });
    expect(newest!.seq).toBeGreaterThan(head!.seq);
    const page = await (await logInAs(t, chair)).get('/staff/audit');
    expect(page.html).toContain('de laatste regels ontbreken');

    // An anchor file edited to point elsewhere is itself reported.
    const anchor = JSON.parse(await readFile(anchorPath(), 'utf8')) as { chains: Record<string, { seq: number; hash: string; mac: string }> };
    anchor.chains[t.organisationId]!.seq = head!.seq;
    await writeFile(anchorPath(), JSON.stringify(anchor));
    expect(await unsafeVerifyAudit(t.services)).toMatchObject({ ok: false, reason: 'anchor' });
  });
});

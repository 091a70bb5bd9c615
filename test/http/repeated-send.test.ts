import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, reportSubmissions } from '../../src/db/schema.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { openWithReceipt } from '../support/reporting.js';
import { createStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A reload of the receipt page, a double click on "Versturen", or Back and "send" again: the same
// final request arrives twice. One report is stored, and both answers show the same receipt.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

/** Walks the commission form to its review page; returns the client and the review page's fields. */
async function toReview(what: string) {
  const client = new FormClient(t);
  let page = await client.get('/report/commission');
  const step = async (fields: Record<string, string | string[]>) => {
    page = await client.post('/report/commission', { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
    expect(page.status).toBeLessThan(400);
  };
  await step({ anonymity: 'anonymous', _go: 'next' });
  await step({ KIND: 'improper_pressure', WHAT: what, _go: 'next' });
  await step({ _go: 'next' });
  await step({ _go: 'next' });
  await step({ WANT: ['advice'], _go: 'next' });
  const send = { _go: 'send', _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') };
  return { client, send };
}

const receiptOf = (html: string) => /data-testid="receipt">([\d-]+)</.exec(html)?.[1];
const caseCount = async () => (await t.services.db.select({ id: cases.id }).from(cases)).length;

describe('sending the same report twice', () => {
  it('one after the other (a reload): one case, the same receipt, and the second page says so', async () => {
    const before = await caseCount();
    const { client, send } = await toReview('Herladen na versturen.');
    const first = await client.post('/report/commission', send);
    expect(first.status).toBe(201);
    const again = await client.post('/report/commission', send);
    expect(again.status).toBe(200);
    expect(receiptOf(again.html)).toBe(receiptOf(first.html));
    expect(again.html).toContain('Er is niets dubbel opgeslagen');
    expect(await caseCount()).toBe(before + 1);
    // The receipt shown the second time opens the one report.
    expect((await (await openWithReceipt(t, receiptOf(again.html)!)).get('/my-report')).html).toContain('Herladen na versturen.');
  });

  it('at the same moment (a double click): one case, and both answers carry the same receipt', async () => {
    const before = await caseCount();
    const { client, send } = await toReview('Dubbel geklikt.');
    const [a, b] = await Promise.all([client.post('/report/commission', send), client.post('/report/commission', send)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(receiptOf(a.html)).toBeDefined();
    expect(receiptOf(a.html)).toBe(receiptOf(b.html));
    expect(await caseCount()).toBe(before + 1);
  });

  it('keeps the sealed receipt only while a draft lives, and never the receipt in the clear', async () => {
    const { client, send } = await toReview('Bewaartermijn.');
    const receipt = receiptOf((await client.post('/report/commission', send)).html)!;
    const rows = await t.services.db.select().from(reportSubmissions);
    expect(rows.length).toBeGreaterThan(0);
    expect(Buffer.concat(rows.map((r) => Buffer.from(r.sealedReceipt))).includes(Buffer.from(receipt))).toBe(false);
    t.clock.advance(5 * 3600_000);
    await runDueJobs(t.services);
    expect(await t.services.db.select().from(reportSubmissions)).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { auditLog, cases } from '../../src/db/schema.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { createStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { openWithReceipt } from '../support/reporting.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['secretary']);
  await createStaff(t, ['ethics_panel_member']);
});
afterAll(() => t.close());

const criteria = { principal_agent: 'yes', forceful_attempt: 'yes', improper_content_and_means: 'yes', recognised_as_violation: 'yes' };
const seriousness = { repetition: 'repeated', explicitness: 'explicit', career_link: 'yes', public_interest: ['wrong_information', 'public_misled'], source: 'director_board', colleagues_recognise: 'yes', asked_source: 'no' };

/** Every hidden field of the first form on the page that posts to `action`, as the browser would send them. */
function hiddenFields(html: string, action: string): Record<string, string | string[]> {
  const start = html.indexOf(`action="${action}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string | string[]> = {};
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    const existing = fields[name!];
    fields[name!] = existing === undefined ? value! : [...(Array.isArray(existing) ? existing : [existing]), value!];
  }
  return fields;
}

describe('the self-check', () => {
  it('walks criteria, seriousness and result, storing and logging nothing', async () => {
    const before = { cases: (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n, audit: (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n };
    t.logLines.length = 0;
    const client = new FormClient(t);
    const first = await client.get('/self-check');
    expect(first.status).toBe(200);
    expect(first.html).toContain('Komt de druk van iemand die u opdrachten geeft');
    const second = await client.submit('/self-check', '/self-check', { ...criteria, _step: 'criteria', _go: 'next' });
    expect(second.status).toBe(200);
    expect(second.html).toContain('Hoe ernstig is het?');
    expect(second.html).toContain('<input type="hidden" name="principal_agent" value="yes"/>');
    const result = await client.post('/self-check', { ...hiddenFields(second.html, '/self-check'), ...seriousness, _go: 'next' });
    expect(result.status).toBe(200);
    expect(result.html).toContain('lijkt op oneigenlijke druk');
    expect(result.html).toContain('Zeer ernstig (3 van 3)');
    expect(result.html).toContain('Er staat een publiek belang op het spel.');
    // Serious, public interest at stake: reporting and the external route come first.
    const steps = [...result.html.matchAll(/<li class="utrecht-ordered-list__item"><a class="utrecht-link" href="([^"]+)"/g)].map((m) => m[1]);
    expect(steps.slice(0, 2)).toEqual(['/report/commission', '#external-routes']);
    // Exactly what would be carried into a report, shown with the report's own questions.
    expect(result.html).toContain('Dit wordt alvast ingevuld:');
    expect(result.html).toContain('Een directeur');
    expect(result.html).toContain('Beleid gebouwd op verkeerde informatie');

    const after = { cases: (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n, audit: (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n };
    expect(after).toEqual(before);
    const log = t.logLines.join('');
    for (const secret of ['wrong_information', 'director_board', 'principal_agent']) expect(log).not.toContain(secret);
  });

  it('goes back without losing answers, and refuses a forged answer with a clear message', async () => {
    const client = new FormClient(t);
    const second = await client.submit('/self-check', '/self-check', { ...criteria, forceful_attempt: 'unsure', _step: 'criteria', _go: 'next' });
    const back = await client.post('/self-check', { ...hiddenFields(second.html, '/self-check'), repetition: 'once', _go: 'back' });
    expect(back.html).toMatch(/name="forceful_attempt" value="unsure" checked=""/);
    expect(back.html).toContain('<input type="hidden" name="repetition" value="once"/>');
    const forged = await client.post('/self-check', { _csrf: hiddenValue(second.html, '_csrf'), _step: 'seriousness', principal_agent: 'maybe', _go: 'next' });
    expect(forged.status).toBe(422);
    expect(forged.html).toContain('Het formulier was beschadigd');
  });

  it('carries the answers into a report that the person still checks and sends', async () => {
    const client = new FormClient(t);
    const second = await client.submit('/self-check', '/self-check', { ...criteria, _step: 'criteria', _go: 'next' });
    const result = await client.post('/self-check', { ...hiddenFields(second.html, '/self-check'), ...seriousness, _go: 'next' });
    let page = await client.post('/report/commission/prefill', hiddenFields(result.html, '/report/commission/prefill'));
    expect(page.status).toBe(200);
    const next = async (fields: Record<string, string | string[]>) => {
      page = await client.post('/report/commission', { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
      return page;
    };
    await next({ anonymity: 'anonymous', _go: 'next' });
    expect(page.html).toMatch(/name="KIND" value="improper_pressure" checked=""/);
    await next({ KIND: 'improper_pressure', WHAT: 'Na de zelftest gemeld.', _go: 'next' });
    expect(page.html).toMatch(/name="SOURCE" value="director" checked=""/);
    await next({ SOURCE: 'director', _go: 'next' });
    expect(page.html).toMatch(/name="EFFECTS_PUBLIC" value="wrong_information" checked=""/);
    await next({ EFFECTS_PUBLIC: ['wrong_information', 'public_misled'], _go: 'next' });
    await next({ WANT: ['investigation'], _go: 'next' });
    await next({ _go: 'send' });
    expect(page.status).toBe(201);
    const receipt = /data-testid="receipt">([\d-]+)</.exec(page.html)![1]!;
    const mine = (await (await openWithReceipt(t, receipt)).get('/my-report')).html;
    expect(mine).toContain('Een directeur');
    expect(mine).toContain('Het publiek is misleid');
    expect((await t.services.db.select().from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.routeCode).toBe('commission');
  });

  it('carries the answers into a moral question as plain text', async () => {
    const client = new FormClient(t);
    const second = await client.submit('/self-check', '/self-check', { ...criteria, _step: 'criteria', _go: 'next' });
    const result = await client.post('/self-check', { ...hiddenFields(second.html, '/self-check'), ...seriousness, _go: 'next' });
    let page = await client.post('/report/ethics/prefill', hiddenFields(result.html, '/report/ethics/prefill'));
    page = await client.post('/report/ethics', { anonymity: 'anonymous', _go: 'next', _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
    expect(page.html).toContain('Uit mijn zelftest');
    expect(page.html).toContain('Wordt het gekoppeld aan uw beoordeling, loopbaan of contract?: Ja');
    // Only routes that take a self-check offer the form; a borrowed token does not open another.
    const refused = await client.post('/report/advisor/prefill', hiddenFields(result.html, '/report/ethics/prefill'));
    expect([403, 404]).toContain(refused.status);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog, questionnaires, staffNotices } from '../../src/db/schema.js';
import { csrfTokenFor, FormClient, hiddenValue } from '../support/form-client.js';
import { openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, ['administrator']);
  await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

/** Every field of the edit form as the page shows it, so a test changes only what it names. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    const name = m[1]!;
    if (name === '_csrf') continue;
    if (/type="checkbox"/.test(tag)) {
      if (/ checked/.test(tag)) fields[name] = 'on';
    } else fields[name] = /value="([^"]*)"/.exec(tag)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'") ?? '';
  }
  return fields;
}

describe('questionnaire editing', () => {
  it('saves texts, order and switched-off questions as a new version; old reports keep theirs', async () => {
    const oldReceipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Onder de eerste versie.', WHEN: 'mei 2026', WANT: ['advice'] });
    const client = await logInAs(t, admin);
    const page = await client.get('/staff/questionnaires/commission');
    expect(page.status).toBe(200);
    const fields = formFields(page.html);
    fields['q.WHAT.label.nl'] = 'Vertel wat er gebeurde';
    fields['q.WHAT.label.en'] = 'Tell what happened';
    fields['q.WHAT.position'] = '1';
    fields['q.KIND.position'] = '2';
    delete fields['q.WHEN.enabled'];
    delete fields['q.KIND.enabled'];
    const saved = await client.post('/staff/questionnaires/commission', { ...fields, _csrf: csrfTokenFor(page.html, '/staff/questionnaires/commission') });
    expect(saved.status).toBe(303);
    // A text reporters read changed: audited with before and after, and the body's members are told.
    const [changed] = (await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'text.changed'))).filter((e) => String(e.detail.what).startsWith('questionnaire:commission'));
    expect(changed!.detail['before:WHAT.label.en']).toBe('What happened?');
    expect(changed!.detail['after:WHAT.label.en']).toBe('Tell what happened');
    expect(changed!.detail['after:WHEN.enabled']).toBe('false');
    const told = await t.services.db.select().from(staffNotices).where(eq(staffNotices.kind, 'text.changed'));
    expect(told.length).toBeGreaterThan(0);

    const [latest] = await t.services.db.select().from(questionnaires).where(eq(questionnaires.routeCode, 'commission')).orderBy(desc(questionnaires.version)).limit(1);
    expect(latest!.version).toBe(2);

    const reporter = new FormClient(t);
    const start = await reporter.get('/report/commission');
    const step = await reporter.post('/report/commission', { anonymity: 'anonymous', _go: 'next', _draft: hiddenValue(start.html, '_draft'), _at: 'anonymity', _csrf: hiddenValue(start.html, '_csrf') });
    expect(step.html).toContain('Vertel wat er gebeurde');
    expect(step.html).not.toContain('Wanneer ongeveer?');
    // Required KIND stays on, now after WHAT.
    expect(step.html.indexOf('Vertel wat er gebeurde')).toBeLessThan(step.html.indexOf('Wat voor zorg is het?'));

    const old = await (await openWithReceipt(t, oldReceipt)).get('/my-report');
    expect(old.html).toContain('Wat is er gebeurd?');
    expect(old.html).toContain('Wanneer ongeveer?');
    expect(old.html).toContain('mei 2026');
  });

  it('refuses empty texts and a help text in one language only, keeping the edits', async () => {
    const client = await logInAs(t, admin);
    const page = await client.get('/staff/questionnaires/ethics');
    const fields = formFields(page.html);
    fields['q.QUESTION.label.en'] = '';
    fields['q.CONTEXT.help.nl'] = 'Alleen Nederlands';
    fields['q.CONTEXT.help.en'] = '';
    const response = await client.post('/staff/questionnaires/ethics', { ...fields, _csrf: csrfTokenFor(page.html, '/staff/questionnaires/ethics') });
    expect(response.status).toBe(422);
    expect(response.html).toContain('Vul dit veld in.');
    expect(response.html).toContain('in beide talen');
    expect(response.html).toContain('value="Alleen Nederlands"');
    const versions = await t.services.db.select().from(questionnaires).where(eq(questionnaires.routeCode, 'ethics'));
    expect(versions).toHaveLength(1);
  });
});

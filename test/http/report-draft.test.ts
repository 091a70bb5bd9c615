import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.js';
import { DRAFT_HOURS } from '../../src/domain/reports/report-draft.js';
import { FormClient, hiddenValue, type PageResponse } from '../support/form-client.js';
import { createStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The form keeps what was typed while the person keeps working (the expiry slides with every
// step), and when it does expire the person gets their text back to copy: never a silent loss.
const HOUR = 3600_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

async function start() {
  const client = new FormClient(t);
  let page: PageResponse = await client.get('/report/commission');
  const step = async (fields: Record<string, string | string[]>) => {
    page = await client.post('/report/commission', { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
    return page;
  };
  return { step, page: () => page };
}

describe('the report form draft', () => {
  it('says how long it keeps the text, and lives as long as the person keeps working', async () => {
    const form = await start();
    expect(form.page().html).toContain(`tot ${DRAFT_HOURS} uur na uw laatste stap`);
    await form.step({ anonymity: 'anonymous', _go: 'next' });
    // Longer in all than the draft's lifetime, but never that long between two steps.
    for (let i = 0; i < 3; i++) {
      t.clock.advance((DRAFT_HOURS - 1) * HOUR);
      expect((await form.step({ KIND: 'improper_pressure', WHAT: `Stap ${i}`, _go: 'back' })).status).toBe(200);
      expect((await form.step({ anonymity: 'anonymous', _go: 'next' })).status).toBe(200);
    }
  });

  it('when it has expired, shows everything typed (this page too) to copy, and stores nothing', async () => {
    const before = (await t.services.db.select({ id: cases.id }).from(cases)).length;
    const form = await start();
    await form.step({ anonymity: 'anonymous', _go: 'next' });
    await form.step({ KIND: 'improper_pressure', WHAT: 'Mijn leidinggevende wil dat ik het rapport aanpas.', _go: 'next' });
    t.clock.advance((DRAFT_HOURS + 1) * HOUR);
    const expired = await form.step({ SOURCE: ['direct_manager'], MEANS: ['verbal_intimidation'], _go: 'next' });
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('Dit formulier is verlopen');
    expect(expired.html).toContain('Mijn leidinggevende wil dat ik het rapport aanpas.');
    expect(expired.html).toContain('Met woorden: intimidatie');
    expect(expired.html).toContain('action="/report/commission/discard"');
    expect((await t.services.db.select({ id: cases.id }).from(cases)).length).toBe(before);
  });
});

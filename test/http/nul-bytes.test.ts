import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, organisations } from '../../src/db/schema.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A NUL byte is text PostgreSQL cannot store. Wherever it arrives (a path, a JSON field, a form
// field) the answer is a 4xx and nothing half-stored, on both databases.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

const json = (path: string, body: unknown) => t.app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('NUL bytes', () => {
  it('in a path or a route code give a 404, not a server error', async () => {
    for (const path of ['/report/comm%00ission', '/report/%00', '/staff/questionnaires/comm%00ission', '/my-report/identity/%00']) {
      const response = await t.app.request(`http://localhost${path}`);
      expect(response.status, path).toBeLessThan(500);
    }
    expect((await json('/api/v1/reports', { route: 'comm\u0000ission', anonymity: 'anonymous', answers: {}, language: 'nl' })).status).toBe(404);
  });

  it('in a JSON answer give a 422 and store nothing', async () => {
    const before = (await t.services.db.select({ id: cases.id }).from(cases)).length;
    const response = await json('/api/v1/reports', { route: 'commission', anonymity: 'anonymous', answers: { KIND: 'improper_pressure', WHAT: 'een\u0000nul', WANT: ['advice'] }, language: 'nl' });
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/at .*\.(ts|js):\d+/);
    const after = (await t.services.db.select({ id: cases.id }).from(cases)).length;
    // Either refused whole, or stored sealed (the text is encrypted before it reaches the database).
    expect(after - before).toBe(response.status === 201 ? 1 : 0);
  });

  it('in a form field are dropped: the settings are saved without them', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    const saved = await client.submit('/staff/settings', '/staff/settings', {
      name: 'Gemeente\u0000 Voorbeeld',
      defaultLanguage: 'nl',
      contactText: 'Bel\u0000 ons',
      commissionText: '',
      panelText: '',
      retentionMonths: '24',
      timeZone: 'Europe/Amsterdam',
      headcount: '',
      languages: ['nl', 'en'],
    });
    expect(saved.status).toBe(303);
    const [organisation] = await t.services.db.select().from(organisations);
    expect(organisation!.name).toBe('Gemeente Voorbeeld');
    expect(organisation!.contactText).toBe('Bel ons');
  });

  it('in a staff form of another kind never give a server error', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    const invited = await client.submit('/staff/users', '/staff/users', { displayName: 'Nul\u0000', email: 'nul@example.nl', roles: ['secretary'] });
    expect(invited.status).toBeLessThan(500);
    const [row] = await t.services.db.select().from(organisations).where(eq(organisations.isDemo, false));
    expect(row).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { routes } from '../../src/db/schema.js';
import { foundBody } from '../../src/domain/admission/found-body.js';
import { createStaff, logInAs, unlockStaff, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A route nobody can read, or a confidential choice nobody can keep, is not offered: the start
// page, the route choice and the form say so with the external routes right there, and the
// administrator's home lists what is missing until every route can be read.
let t: TestApp;
let admin: TestStaff;
let chair: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, ['administrator']);
  chair = await createStaff(t, ['chair'], 'correct horse battery staple', { admit: false });
});
afterAll(() => t.close());

const page = async (path: string) => (await t.app.request(`http://localhost${path}`)).text();

describe('routes nobody can read', () => {
  it('are shown as unavailable, with the external routes, until their body is founded', async () => {
    for (const path of ['/', '/report']) {
      const html = await page(path);
      expect(html, path).not.toContain('href="/report/commission"');
      expect(html, path).toContain('Deze route is nu niet beschikbaar');
      expect(html, path).toContain('id="external-routes"');
    }
    const form = await page('/report/commission');
    expect(form).toContain('dus kunt u hier niets versturen');
    expect(form).not.toContain('name="_draft"');
    const home = await (await logInAs(t, admin)).get('/staff');
    expect(home.html).toContain('Nog in te richten');
    expect(home.html).toContain('De integriteitscommissie moet eerst worden opgericht');

    await foundBody(t.services, await unlockStaff(t, chair), { body: 'commission', statement: 'Benoemd.' });
    expect(await page('/')).toContain('href="/report/commission"');
    expect(await page('/report/commission')).toContain('name="_draft"');
    const after = await (await logInAs(t, admin)).get('/staff');
    expect(after.html).not.toMatch(/Melden bij de onafhankelijke integriteitscommissie<\/strong>/);
  });

  it('offer no confidential choice when nobody admitted can keep the name', async () => {
    expect(await page('/report/commission')).toContain('value="confidential"');
    await t.services.db.update(routes).set({ custodianRoles: ['secretary'] }).where(eq(routes.code, 'commission'));
    try {
      const form = await page('/report/commission');
      expect(form).not.toContain('value="confidential"');
      expect(form).toContain('Vertrouwelijk melden (uw naam alleen bij de bewaarder) kan op deze route nu niet');
      expect((await (await logInAs(t, admin)).get('/staff')).html).toContain('vertrouwelijk melden kan niet');
    } finally {
      await t.services.db.update(routes).set({ custodianRoles: ['chair'] }).where(eq(routes.code, 'commission'));
    }
  });
});

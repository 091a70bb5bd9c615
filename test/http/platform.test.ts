import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, organisations, staffNotices } from '../../src/db/schema.js';
import { FormClient } from '../support/form-client.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('are on every page: nonce CSP, no framing, no referrer, no caching', async () => {
    for (const path of ['/', '/login', '/recover', '/nope', '/setup/x']) {
      const response = await new FormClient(t).get(path);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp, path).toMatch(/default-src 'none'/);
      expect(csp, path).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{24}'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).not.toMatch(/https?:/);
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('gives a fresh nonce per response', async () => {
    const a = (await new FormClient(t).get('/')).headers.get('content-security-policy');
    const b = (await new FormClient(t).get('/')).headers.get('content-security-policy');
    expect(a).not.toBe(b);
  });

  it('sets no cookie on public pages without a form, and on a form page only the pre-session cookie', async () => {
    for (const path of ['/', '/report', '/healthz', '/self-check', '/route-finder']) expect((await new FormClient(t).get(path)).headers.get('set-cookie'), path).toBeNull();
    for (const path of ['/login', '/recover', '/receipt']) {
      const cookies = (await new FormClient(t).get(path)).headers.getSetCookie();
      // One random value, only for this browser's forms: HttpOnly, SameSite=Lax, gone when the browser closes.
      expect(cookies, path).toHaveLength(1);
      expect(cookies[0], path).toMatch(/^tegenspraak-pre=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    }
  });

  it('serves the NL Design System styles from this origin', async () => {
    for (const name of ['utrecht.css', 'tokens.css', 'app.css']) {
      const response = await t.app.request(`http://localhost/assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/css/);
    }
    expect((await t.app.request('http://localhost/assets/..%2f..%2fpackage.json')).status).toBe(404);
  });
});

describe('pages and languages', () => {
  it('speaks Dutch by default and English on request, with one h1, landmarks and a skip link', async () => {
    const nl = await new FormClient(t).get('/login');
    const en = await new FormClient(t).get('/login?lang=en');
    expect(nl.html).toContain('<html lang="nl"');
    expect(nl.html).toContain('Inloggen');
    expect(en.html).toContain('<html lang="en"');
    expect(en.html).toContain('Log in');
    expect(en.html).toContain('action="/login?lang=en"');
    for (const page of [nl, en]) {
      expect(page.html.startsWith('<!doctype html>')).toBe(true);
      expect(page.html.match(/<h1/g)).toHaveLength(1);
      expect(page.html).toContain('<main id="main"');
      expect(page.html).toContain('href="#main"');
    }
  });

  it('translates errors and never shows a stack trace', async () => {
    const notFound = await new FormClient(t).get('/does-not-exist?lang=en');
    expect(notFound.status).toBe(404);
    expect(notFound.html).toContain('Page not found');
    const broken = await t.app.request('http://localhost/login', {
      method: 'POST',
      body: '--x\r\nbroken',
      headers: { 'content-type': 'multipart/form-data; boundary=x', origin: 'http://localhost' },
    });
    expect(broken.status).toBeLessThan(500);
    expect(await broken.text()).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('refuses an oversized form body with 413', async () => {
    const response = await new FormClient(t).post('/login', { email: 'a'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
    expect(response.html).toContain('Te groot');
  });
});

describe('health and API description', () => {
  it('GET /healthz checks the database', async () => {
    const response = await t.app.request('http://localhost/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: t.databaseUrl ? 'postgres' : 'pglite' });
  });

  it('GET /api/openapi.json describes the JSON API from its schemas', async () => {
    const doc = (await (await t.app.request('http://localhost/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: object } }> }> }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/v1/organisation']));
    expect(doc.paths['/api/v1/organisation']!.get!.responses['200']!.content!['application/json']!.schema.properties).toHaveProperty('defaultLanguage');
  });

  it('answers API errors as RFC 9457 problems', async () => {
    const response = await t.app.request('http://localhost/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('logging', () => {
  it('records no address, user agent, cookie, token or body', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    t.logLines.length = 0;
    await t.app.request('http://localhost/setup/SECRET-TOKEN-IN-PATH', { headers: { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'UniqueAgent/1.0', cookie: client.cookie! } });
    await client.submit('/staff/settings', '/staff/settings', { name: 'Logtest-organisatie', defaultLanguage: 'nl', contactText: 'unieke-inhoud-123', commissionText: '', panelText: '', retentionMonths: '24', timeZone: 'Europe/Amsterdam', headcount: '', languages: ['nl', 'en'] });
    const log = t.logLines.join('');
    expect(log).toContain('"route":"/setup/:token"');
    for (const secret of ['203.0.113.7', 'UniqueAgent', 'SECRET-TOKEN', client.cookie!.split('=')[1]!, 'unieke-inhoud-123', 'Logtest']) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('administration', () => {
  it('updates the organisation settings and validates them', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    const bad = await client.submit('/staff/settings', '/staff/settings', { name: '', defaultLanguage: 'fr', contactText: 'x' });
    expect(bad.status).toBe(422);
    const ok = await client.submit('/staff/settings', '/staff/settings', { name: 'Provincie Test', defaultLanguage: 'en', contactText: 'Reach us.', commissionText: '', panelText: '', retentionMonths: '24', timeZone: 'Europe/Amsterdam', headcount: '', languages: ['nl', 'en'] });
    expect(ok.status).toBe(303);
    const home = await new FormClient(t).get('/');
    expect(home.html).toContain('<html lang="en"');
    expect(home.html).toContain('Provincie Test');
    const org = await (await t.app.request('http://localhost/api/v1/organisation')).json();
    expect(org).toMatchObject({ name: 'Provincie Test', defaultLanguage: 'en' });
    // Texts reporters read: audited field by field with before and after.
    const changes = (await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'text.changed'))).filter((e) => e.detail.what === 'settings');
    expect(changes.at(-1)!.detail).toMatchObject({ 'after:name': 'Provincie Test', 'after:contactText': 'Reach us.', 'after:defaultLanguage': 'en' });
    expect(changes.at(-1)!.actorUserId).toBe(admin.userId);
  });

  it('offers only the languages the organisation chose, and refuses a default it does not offer', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    const fields = { name: 'Provincie Test', contactText: '', commissionText: '', panelText: '', retentionMonths: '24', timeZone: 'Europe/Amsterdam', headcount: '' };
    expect((await client.submit('/staff/settings', '/staff/settings', { ...fields, defaultLanguage: 'nl', languages: ['nl', 'en'] })).status).toBe(303);
    const bad = await client.submit('/staff/settings', '/staff/settings', { ...fields, defaultLanguage: 'en', languages: ['nl'] });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('De standaardtaal moet een van de gekozen talen zijn.');
    expect((await client.submit('/staff/settings', '/staff/settings', { ...fields, defaultLanguage: 'nl', languages: ['nl'] })).status).toBe(303);
    const home = await new FormClient(t).get('/');
    expect(home.html).not.toContain('hreflang="en"');
    // Asking for English gets the organisation's language, and links do not carry the refused choice.
    const asked = await new FormClient(t).get('/?lang=en');
    expect(asked.html).toContain('<html lang="nl"');
    expect(asked.html).not.toContain('lang=en');
    expect((await client.submit('/staff/settings', '/staff/settings', { ...fields, defaultLanguage: 'nl', languages: ['nl', 'en'] })).status).toBe(303);
    expect((await new FormClient(t).get('/')).html).toContain('hreflang="en"');
    expect((await new FormClient(t).get('/?lang=en')).html).toContain('<html lang="en"');
  });

  it('keeps the time zone and the number of employees, and says how to fix either', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    const fields = { name: 'Provincie Test', defaultLanguage: 'nl', contactText: '', commissionText: '', panelText: '', retentionMonths: '24', languages: ['nl', 'en'] };
    // Dutch pages first, whatever an earlier test left.
    expect((await client.submit('/staff/settings', '/staff/settings', { ...fields, timeZone: 'Europe/Amsterdam', headcount: '' })).status).toBe(303);
    const bad = await client.submit('/staff/settings', '/staff/settings', { ...fields, timeZone: 'Europe/Atlantis', headcount: 'veel' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Vul een tijdzone in zoals Europe/Amsterdam.');
    expect(bad.html).toContain('Vul het aantal medewerkers in als heel getal');
    // What was typed comes back, so nothing is lost.
    expect(bad.html).toContain('value="Europe/Atlantis"');
    expect((await client.submit('/staff/settings', '/staff/settings', { ...fields, timeZone: 'America/Curacao', headcount: '1.250' })).status).toBe(303);
    const [row] = await t.services.db.select().from(organisations).where(eq(organisations.id, t.organisationId));
    expect(row).toMatchObject({ timeZone: 'America/Curacao', headcount: 1250 });
    const page = (await client.get('/staff/settings')).html;
    expect(page).toContain('value="America/Curacao"');
    expect(page).toContain('value="1250"');
    expect((await client.submit('/staff/settings', '/staff/settings', { ...fields, timeZone: 'Europe/Amsterdam', headcount: '', languages: ['nl', 'en'] })).status).toBe(303);
    expect((await t.services.db.select().from(organisations).where(eq(organisations.id, t.organisationId)))[0]!.headcount).toBeNull();
  });

  it('announces an account being disabled to the admitted members of its body, with before and after in the audit', async () => {
    const admin = await createStaff(t, ['administrator']);
    const chair = await createStaff(t, ['chair']);
    const member = await createStaff(t, ['commission_member']);
    const page = `/staff/users/${member.userId}`;
    expect((await (await logInAs(t, admin)).submit(page, `${page}/status`, { disabled: 'true' })).status).toBe(303);
    const [entry] = (await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'account.changed'))).filter((e) => e.detail.user === member.userId && e.detail.change === 'status');
    expect(entry!.detail).toMatchObject({ before: 'active', after: 'disabled' });
    const notices = await t.services.db.select().from(staffNotices).where(eq(staffNotices.userId, chair.userId));
    expect(notices.some((n) => n.kind === 'account.changed' && n.detail.change === 'status' && n.detail.after === 'disabled')).toBe(true);
  });

  it('blocks and re-admits an account; a blocked person is signed out and cannot log in', async () => {
    const admin = await createStaff(t, ['administrator']);
    const member = await createStaff(t, ['commission_member']);
    const adminClient = await logInAs(t, admin);
    const memberClient = await logInAs(t, member);
    const page = `/staff/users/${member.userId}`;
    expect((await adminClient.submit(page, `${page}/status`, { disabled: 'true' })).status).toBe(303);
    expect((await memberClient.get('/staff')).status).toBe(303);
    await expect(logInAs(t, member)).rejects.toThrow();
    expect((await adminClient.submit(page, `${page}/status`, { disabled: 'false' })).status).toBe(303);
    expect((await logInAs(t, member)).cookie).not.toBeNull();
    const self = `/staff/users/${admin.userId}`;
    expect((await adminClient.submit(self, `${self}/status`, { disabled: 'true' })).status).toBe(422);
  });
});

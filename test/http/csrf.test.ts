import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient, csrfTokenFor } from '../support/form-client.js';
import { createStaff, currentCode, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

describe('forged forms are refused', () => {
  it('without a token', async () => {
    const response = await new FormClient(t).post('/login', { email: admin.email, password: admin.password, totpCode: '123456' });
    expect(response.status).toBe(403);
    expect(response.html).toContain('Formulier verlopen');
  });

  it('with a token taken from another form', async () => {
    const client = new FormClient(t);
    const recoverToken = csrfTokenFor((await client.get('/recover')).html, '/recover');
    expect((await client.post('/login', { email: admin.email, password: admin.password, totpCode: '123456', _csrf: recoverToken })).status).toBe(403);
  });

  it('with a tampered or expired token', async () => {
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get('/login')).html, '/login');
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await client.post('/login', { email: admin.email, password: 'x', totpCode: '123456', _csrf: tampered })).status).toBe(403);
    t.clock.advance(13 * 3600_000);
    expect((await client.post('/login', { email: admin.email, password: 'x', totpCode: '123456', _csrf: token })).status).toBe(403);
  });

  it('from another site, even with a valid token', async () => {
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get('/login')).html, '/login');
    const fields = { email: admin.email, password: admin.password, totpCode: currentCode(t, admin.totpSecret), _csrf: token };
    expect((await client.post('/login', fields, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await client.post('/login', fields, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('with another session’s token on a staff form', async () => {
    const first = await logInAs(t, admin);
    const second = await logInAs(t, admin);
    const firstToken = csrfTokenFor((await first.get('/staff/users')).html, '/staff/users');
    const response = await second.post('/staff/users', { _csrf: firstToken, email: 'new@example.nl', displayName: 'New', roles: 'analyst' });
    expect(response.status).toBe(403);
    const ok = await first.post('/staff/users', { _csrf: firstToken, email: 'new@example.nl', displayName: 'New', roles: 'analyst' });
    expect(ok.status).toBe(200);
  });

  it('as JSON or text posted to a form route', async () => {
    const response = await t.app.request('http://localhost/login', { method: 'POST', body: '{"email":"x"}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(403);
  });
});

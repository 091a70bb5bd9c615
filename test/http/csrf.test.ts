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
    // Control: the same request with the form's own token is let through (and logs in).
    t.clock.advance(30_000);
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get('/login')).html, '/login');
    expect((await client.post('/login', { email: admin.email, password: admin.password, totpCode: currentCode(t, admin.totpSecret), _csrf: token })).status).toBe(303);
  });

  it('with a token taken from another form', async () => {
    const client = new FormClient(t);
    const recoverToken = csrfTokenFor((await client.get('/recover')).html, '/recover');
    expect((await client.post('/login', { email: admin.email, password: admin.password, totpCode: '123456', _csrf: recoverToken })).status).toBe(403);
    // Control: the log-in form's own token passes the check (the wrong code is then refused as such).
    const loginToken = csrfTokenFor((await client.get('/login')).html, '/login');
    expect((await client.post('/login', { email: admin.email, password: admin.password, totpCode: '123456', _csrf: loginToken })).status).toBe(422);
  });

  it('with a tampered or expired token', async () => {
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get('/login')).html, '/login');
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await client.post('/login', { email: admin.email, password: 'x', totpCode: '123456', _csrf: tampered })).status).toBe(403);
    // Control: untampered and in time, the same token passes the check.
    expect((await client.post('/login', { email: admin.email, password: 'x', totpCode: '123456', _csrf: token })).status).toBe(422);
    t.clock.advance(13 * 3600_000);
    expect((await client.post('/login', { email: admin.email, password: 'x', totpCode: '123456', _csrf: token })).status).toBe(403);
  });

  it('from another site, even with a valid token', async () => {
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get('/login')).html, '/login');
    const fields = { email: admin.email, password: admin.password, totpCode: currentCode(t, admin.totpSecret), _csrf: token };
    expect((await client.post('/login', fields, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await client.post('/login', fields, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // Control: from this site the very same fields log in.
    expect((await client.post('/login', fields)).status).toBe(303);
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
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get('/login')).html, '/login');
    const response = await t.app.request('http://localhost/login', { method: 'POST', body: JSON.stringify({ email: 'x', _csrf: token }), headers: { 'content-type': 'application/json', origin: 'http://localhost' } });
    expect(response.status).toBe(403);
    // Control: the same token as a form body passes the check.
    expect((await client.post('/login', { email: 'x', _csrf: token })).status).toBe(422);
  });
});

describe('before a session', () => {
  it('refuses Origin null unless the browser’s Fetch Metadata says this same site', async () => {
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get('/login')).html, '/login');
    const fields = { email: admin.email, password: 'x', totpCode: '123456', _csrf: token };
    // A data: page or a sandboxed frame elsewhere: "null", with cross-site metadata or (an old browser) none.
    expect((await client.post('/login', fields, { origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await client.post('/login', fields, { origin: 'null', 'sec-fetch-site': '' })).status).toBe(403);
    // Control: our own no-referrer page in a current browser sends "null" with same-origin metadata.
    expect((await client.post('/login', fields, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(422);
  });

  it('binds a session-starting form to this browser: a token fetched in another browser is refused (login CSRF)', async () => {
    const attacker = new FormClient(t);
    const attackersToken = csrfTokenFor((await attacker.get('/receipt')).html, '/receipt');
    const victim = new FormClient(t);
    await victim.get('/');
    await victim.get('/receipt');
    expect(victim.preSession).not.toBeNull();
    const forged = await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken });
    expect(forged.status).toBe(403);
    // A victim who never had the cookie is refused too, and told why.
    const fresh = new FormClient(t);
    const noCookie = await fresh.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken });
    expect(noCookie.status).toBe(403);
    expect(noCookie.html).toContain('heeft deze website één cookie nodig');
    // Control: in the attacker's own browser the same token passes the check (the receipt is then just wrong).
    expect((await attacker.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken })).status).toBe(422);
    // And in the victim's browser, its own token passes.
    const own = csrfTokenFor((await victim.get('/receipt')).html, '/receipt');
    expect((await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: own })).status).toBe(422);
  });
});

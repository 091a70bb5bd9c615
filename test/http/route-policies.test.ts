import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organisationLogos, organisations } from '../../src/db/schema.js';
import { solidPng } from '../support/images.js';
import { isAllowed } from '../../src/domain/access/authorize.js';
import { roles, type Role } from '../../src/domain/access/roles.js';
import { routePolicies } from '../../src/http/route-policies.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Generated from the route table itself: every route of the app must have a declared policy, and
// every role that the policy does not allow is refused on every staff route, as is a visitor.
let t: TestApp;
const clients = new Map<Role, FormClient>();
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  // A logo, so that its public address has something to serve.
  await t.services.db.insert(organisationLogos).values({ organisationId: t.organisationId, type: 'image/png', bytes: solidPng() });
  await t.services.db.update(organisations).set({ logoVersion: 1 }).where(eq(organisations.id, t.organisationId));
  for (const role of roles) {
    const client = await logInAs(t, await createStaff(t, [role]));
    clients.set(role, client);
    tokens.set(role, hiddenValue((await client.get('/staff')).html, '_csrf'));
  }
});
afterAll(() => t.close());

const NIL = '00000000-0000-4000-8000-000000000000';
const concrete = (path: string) =>
  path
    .replace(/:(id|fileId|iid|did|rid)\b/g, NIL)
    .replace(':route', 'commission')
    .replace(':token', 'not-a-token')
    .replace(':name', 'app.css')
    .replace(':version', '1');

function appRoutes(): string[] {
  return [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

describe('the route table', () => {
  it('declares a policy for every route, and no policy for a route that does not exist', () => {
    const declared = new Set(Object.keys(routePolicies));
    expect(appRoutes().filter((r) => !declared.has(r)), 'routes without a policy in src/http/route-policies.ts').toEqual([]);
    expect([...declared].filter((r) => !appRoutes().includes(r)), 'policies for routes that no longer exist').toEqual([]);
  });

  it('refuses every staff route to a visitor and to every role the policy does not name', async () => {
    const failures: string[] = [];
    for (const [route, policy] of Object.entries(routePolicies)) {
      if (typeof policy !== 'object') continue;
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      const url = concrete(path);
      const anonymous = method === 'GET' ? await new FormClient(t).get(url) : await new FormClient(t).post(url, {});
      if (![303, 401, 403].includes(anonymous.status)) failures.push(`visitor ${route}: ${anonymous.status}`);
      if (anonymous.status === 303 && !/\/login/.test(anonymous.location ?? '')) failures.push(`visitor ${route}: sent to ${anonymous.location}`);
      for (const role of roles) {
        if (isAllowed({ roles: [role] }, policy.staff)) continue;
        const client = clients.get(role)!;
        const response = method === 'GET' ? await client.get(url) : await client.post(url, { _csrf: tokens.get(role)! });
        if (response.status !== 403) failures.push(`${role} ${route}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends a visitor without a receipt session away from every reporter route', async () => {
    for (const [route, policy] of Object.entries(routePolicies)) {
      if (policy !== 'reporter') continue;
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      const client = new FormClient(t);
      const response = method === 'GET' ? await client.get(concrete(path)) : await client.post(concrete(path), {});
      expect([303, 401, 403], route).toContain(response.status);
      if (response.status === 303) expect(response.location, route).toMatch(/\/receipt/);
    }
  });

  it('serves every public page to a visitor', async () => {
    for (const [route, policy] of Object.entries(routePolicies)) {
      if (policy !== 'public' || !route.startsWith('GET ')) continue;
      const response = await new FormClient(t).get(concrete(route.slice(4)));
      // A public page of one thing (a dilemma) that does not exist is simply not found.
      if (route.includes('/:id')) expect(response.status, route).toBe(404);
      else expect(response.status, route).toBeLessThan(400);
    }
  });

  it('refuses every form post without a valid token, from a visitor and from a permitted staff member alike', async () => {
    const failures: string[] = [];
    for (const [route, policy] of Object.entries(routePolicies)) {
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      // The JSON API takes bearer tokens and JSON, never cookies: it cannot be forged from a form.
      if (method !== 'POST' || path.startsWith('/api/')) continue;
      const url = concrete(path);
      const visitor = await new FormClient(t).post(url, { _csrf: 'forged-token' });
      if (visitor.status !== 403) failures.push(`visitor ${route}: ${visitor.status}`);
      const role = typeof policy === 'object' ? roles.find((r) => isAllowed({ roles: [r] }, policy.staff)) : 'secretary';
      if (role) {
        const missing = await clients.get(role)!.post(url, {});
        if (missing.status !== 403) failures.push(`${role} without token ${route}: ${missing.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends the security headers with every page a visitor or a permitted staff member can open', async () => {
    for (const [route, policy] of Object.entries(routePolicies)) {
      if (!route.startsWith('GET ') || route.includes('/assets/') || route.includes('/api/') || route === 'GET /healthz') continue;
      const role = typeof policy === 'object' ? roles.find((r) => isAllowed({ roles: [r] }, policy.staff)) : undefined;
      const client = role ? clients.get(role)! : new FormClient(t);
      const response = await client.get(concrete(route.slice(4)));
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, route).toMatch(/default-src 'none'/);
      expect(csp, route).toMatch(/frame-ancestors 'none'/);
      expect(csp, route).not.toMatch(/https?:/);
      expect(response.headers.get('referrer-policy'), route).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), route).toBe('nosniff');
    }
  });
});

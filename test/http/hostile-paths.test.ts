import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Every route of the app, taken from its own route table, with hostile bytes in each path
// parameter and in the query string: NUL, invalid UTF-8, overlong values, traversal. Whoever
// asks (a visitor, a signed-in handler, the administrator), the answer is never a server error.
let t: TestApp;
const clients: FormClient[] = [];
const hostile = ['%00', '%C3%28', '%FF%FE', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(5000), '%E2%80%AE', "'%20or%201=1--", '%3Cscript%3E', '00000000-0000-4000-8000-000000000000'];
const queries = ['', '?lang=%FF', '?lang=%00&page=-1', '?page=99999999999999999999', '?status=%00&route=%C3%28&sort=x&overdue=%FF', `?q=${'z'.repeat(5000)}`, '?a=1&a=2&a=3'];

beforeAll(async () => {
  t = await createTestApp();
  clients.push(new FormClient(t));
  clients.push(await logInAs(t, await createStaff(t, ['chair'])));
  clients.push(await logInAs(t, await createStaff(t, ['administrator'])));
});
afterAll(() => t.close());

describe('hostile bytes in paths and query strings', () => {
  it('never give a server error on any route, for any visitor or role', async () => {
    const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
    expect(routes.length).toBeGreaterThan(60);
    let requests = 0;
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const params = pattern.match(/:[A-Za-z]+/g) ?? [];
      const variants = params.length === 0 ? [pattern] : hostile.map((value) => pattern.replace(/:[A-Za-z]+/g, value));
      for (const path of variants) {
        for (const query of method === 'GET' ? queries : ['', queries[2]!]) {
          for (const client of clients) {
            const response =
              method === 'GET'
                ? await client.get(`${path}${query}`)
                : await client.post(`${path}${query}`, { _csrf: client.cookie ? hiddenValue((await client.get('/staff')).html, '_csrf') : 'x', field: '\u0000\uFFFD' });
            requests++;
            expect(response.status, `${method} ${path.slice(0, 80)}${query.slice(0, 40)}`).toBeLessThan(500);
            expect(response.html).not.toMatch(/at .*\.(ts|js):\d+/);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
  }, 240_000);
});

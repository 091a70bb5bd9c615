import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

const hostile = ["'; drop table cases; --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', 'x'.repeat(5000), '{"a":1}', '𝕏🙂', ''];

describe('hostile input never produces a server error', () => {
  it('on every step of the report form', async () => {
    const client = new FormClient(t);
    const start = await client.get('/report/commission');
    for (const value of hostile) {
      for (const field of ['_at', '_go', 'anonymity', 'KIND', 'WHAT', 'WANT', 'notifyEmail']) {
        const response = await client.post('/report/commission', {
          _draft: hiddenValue(start.html, '_draft'),
          _at: 'anonymity',
          _csrf: hiddenValue(start.html, '_csrf'),
          [field]: value,
        });
        expect(response.status, `${field}=${JSON.stringify(value).slice(0, 40)}`).toBeLessThan(500);
        expect(response.html).not.toContain('<script>alert(1)</script>');
      }
    }
  });

  it('on the JSON API', async () => {
    const bodies = [
      null,
      [],
      'text',
      { route: ['commission'] },
      { route: 'commission', anonymity: 'anonymous', answers: { WHAT: { nested: true } } },
      { route: 'commission', anonymity: 'anonymous', answers: { KIND: 'improper_pressure', WHAT: 'x', WANT: 'advice' }, identity: 'me' },
      { route: '__proto__', anonymity: 'anonymous', answers: {} },
      { route: 'commission', anonymity: 'anonymous', answers: { __proto__: { polluted: true } } },
    ];
    for (const body of bodies) {
      for (const path of ['/api/v1/reports', '/api/v1/reporter/session', '/api/v1/reporter/messages']) {
        const response = await t.app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(response.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('in paths and identifiers', async () => {
    const staff = await logInAs(t, await createStaff(t, ['chair']));
    for (const path of ['/staff/cases/not-a-uuid', '/staff/cases/00000000-0000-0000-0000-000000000000', '/staff/cases/%00', '/my-report/files/..%2F..', '/report/%3Cscript%3E', '/staff/users/1%27%20or%201=1', '/setup/%27', '/invitation/%2e%2e']) {
      const response = await staff.get(path);
      expect(response.status, path).toBeLessThan(500);
    }
  });

  it('shows script payloads back inert', async () => {
    const client = new FormClient(t);
    const start = await client.get('/report/commission');
    const first = await client.post('/report/commission', { anonymity: 'anonymous', _go: 'next', _draft: hiddenValue(start.html, '_draft'), _at: 'anonymity', _csrf: hiddenValue(start.html, '_csrf') });
    const back = await client.post('/report/commission', { WHAT: '<img src=x onerror=alert(1)>', _go: 'next', _draft: hiddenValue(first.html, '_draft'), _at: 'step-0', _csrf: hiddenValue(first.html, '_csrf') });
    expect(back.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(back.html).not.toContain('<img src=x');
  });
});

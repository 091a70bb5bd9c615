import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient, hiddenValue, type PageResponse } from '../support/form-client.js';
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
  it('on every step of the report form, in every field of that step', async () => {
    // Walk the form with valid answers, keeping each step's page (its draft is valid for that step).
    const client = new FormClient(t);
    const pages: PageResponse[] = [await client.get('/report/commission')];
    const valid: Array<Record<string, string | string[]>> = [
      { anonymity: 'confidential' },
      { KIND: 'improper_pressure', WHAT: 'Geldige tekst.' },
      {},
      {},
      { WANT: ['advice'] },
      { name: 'Naam', contact: 'naam@prive.example' },
    ];
    for (const fields of valid) {
      const page = pages.at(-1)!;
      const next = await client.post('/report/commission', { ...fields, _go: 'next', _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
      expect(next.status).toBe(200);
      pages.push(next);
    }
    const positions = pages.map((p) => hiddenValue(p.html, '_at'));
    expect(positions).toEqual(['anonymity', 'step-0', 'step-1', 'step-2', 'step-3', 'identity', 'review']);
    let posted = 0;
    for (const page of pages) {
      // Every field this step's form really has, plus the form's own controls.
      const fields = [...new Set([...page.html.matchAll(/<(?:input|textarea|select)[^>]*name="([^"]+)"/g)].map((m) => m[1]!))].filter((n) => n !== '_csrf' && n !== '_draft');
      for (const value of hostile) {
        for (const field of [...fields, '_go']) {
          const response = await client.post('/report/commission', {
            _draft: hiddenValue(page.html, '_draft'),
            _at: hiddenValue(page.html, '_at'),
            _csrf: hiddenValue(page.html, '_csrf'),
            _go: 'next',
            [field]: value,
          });
          posted++;
          expect(response.status, `${hiddenValue(page.html, '_at')} ${field}=${JSON.stringify(value).slice(0, 40)}`).toBeLessThan(500);
          expect(response.html).not.toContain('<script>alert(1)</script>');
        }
      }
    }
    expect(posted).toBeGreaterThan(150);
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
    ];
    // Written as text: an object literal's __proto__ sets a prototype, which JSON.stringify drops.
    const raw = [
      '{"route":"commission","anonymity":"anonymous","answers":{"__proto__":{"polluted":true},"KIND":"improper_pressure","WHAT":"x","WANT":["advice"]}}',
      '{"__proto__":{"polluted":true},"route":"commission","anonymity":"anonymous","answers":{}}',
      '{"constructor":{"prototype":{"polluted":true}},"receipt":"1234"}',
    ];
    expect(raw[0]).toContain('__proto__');
    for (const body of [...bodies.map((b) => JSON.stringify(b)), ...raw]) {
      for (const path of ['/api/v1/reports', '/api/v1/reporter/session', '/api/v1/reporter/messages']) {
        const response = await t.app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(response.status, `${path} ${body}`).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
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

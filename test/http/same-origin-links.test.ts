import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameOriginPath } from '../../src/views/components/language-switch.js';
import { QUICK_EXIT_URL } from '../../src/views/layout.js';
import { EXTERNAL_CONTACTS } from '../../src/views/components/external-routes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Links built from the request's path (the language switch) must never lead to another site: a
// browser reads "//host" and "/\host" as another host, and drops tabs and newlines first.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('links built from the request path', () => {
  for (const path of ['//evil.example/receipt', '/%5Cevil.example/receipt', '/%5C%5Cevil.example/receipt', '/%09/evil.example/receipt', '///evil.example/x?lang=en']) {
    it(`stay on this site for ${path}`, async () => {
      const response = await t.app.request(`http://localhost${path}`);
      expect(response.status).toBeLessThan(500);
      const links = hrefs(await response.text());
      expect(links.length).toBeGreaterThan(0);
      // The quick exit and the external routes leave on purpose, to fixed addresses; every other link stays here.
      const fixed = new Set<string>([QUICK_EXIT_URL, ...Object.values(EXTERNAL_CONTACTS).flatMap((c) => [c.website, `tel:${c.tel}`])]);
      for (const link of links.filter((l) => !fixed.has(l))) {
        const resolved = new URL(link, 'https://tegenspraak.example/some/page');
        expect(resolved.origin, link).toBe('https://tegenspraak.example');
      }
      // The language switch is among them.
      expect(links.some((link) => link.includes('lang='))).toBe(true);
    });
  }

  it('the helper keeps ordinary paths as they are', () => {
    expect(sameOriginPath('/report/commission')).toBe('/report/commission');
    expect(sameOriginPath('//evil.example/x')).toBe('/evil.example/x');
    expect(sameOriginPath('/\\evil.example/x')).toBe('/evil.example/x');
    expect(sameOriginPath('/\t/\nevil.example')).toBe('/evil.example');
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent when the base URL is https, and not over plain http', async () => {
    expect((await t.app.request('http://localhost/')).headers.get('strict-transport-security')).toBeNull();
    const secure = await createTestApp({ BASE_URL: 'https://tegenspraak.example' });
    try {
      const response = await secure.app.request('https://tegenspraak.example/');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      // The receipt form, answered from memory, sets its pre-session cookie with the __Host- prefix and Secure.
      for (let i = 0; i < 2; i++) {
        const form = await secure.app.request('https://tegenspraak.example/receipt');
        expect(form.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
        expect(form.headers.get('set-cookie')).toMatch(/^__Host-tegenspraak-pre=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      }
    } finally {
      await secure.close();
    }
  });
});

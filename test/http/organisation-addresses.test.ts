import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organisations } from '../../src/db/schema.js';
import { slugFromName } from '../../src/domain/organisation/slug.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { FormClient, csrfTokenFor, hiddenValue } from '../support/form-client.js';
import { createStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 13, first step: each organisation has its own public address, /o/<slug>/…, resolved in one
// place (src/http/middleware/organisation.ts). Under it every link, form and redirect keeps the
// prefix; without it the first organisation answers, so an upgraded installation keeps its old
// addresses; an unknown slug is a 404.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['chair']);
  // A second organisation: its own name and language on its own address.
  await unsafeCreateOrganisation(t.services, { name: 'Tweede Dienst', slug: 'tweede-dienst', defaultLanguage: 'en' });
});
afterAll(() => t.close());

const PREFIX = '/o/testorganisatie';
const links = (html: string) => [...html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('an organisation’s own address', () => {
  it('serves its pages, and every internal link and form on them stays under it', async () => {
    for (const path of ['/', '/report', '/report/commission', '/receipt', '/self-check', '/route-finder', '/login', '/recover']) {
      const page = await new FormClient(t).get(`${PREFIX}${path}`);
      expect(page.status, path).toBe(200);
      const internal = links(page.html).filter((l) => l.startsWith('/') && !l.startsWith('/assets/') && l !== '/exit');
      expect(internal.length, path).toBeGreaterThan(0);
      for (const link of internal) expect(link, `${path}: ${link}`).toMatch(/^\/o\/testorganisatie(\/|\?|$)/);
    }
    expect((await new FormClient(t).get(`${PREFIX}/`)).html).toContain('Testorganisatie');
  });

  it('keeps the plain addresses for the first organisation, and refuses an unknown one', async () => {
    const plain = await new FormClient(t).get('/report');
    expect(plain.status).toBe(200);
    expect(links(plain.html).filter((l) => l.startsWith('/o/'))).toEqual([]);
    for (const path of ['/o/onbekend/', '/o/onbekend/report/commission', '/o/onbekend/receipt']) {
      const page = await new FormClient(t).get(path);
      expect(page.status, path).toBe(404);
      // The 404 page's own links do not lead to the unknown address again (only "this page in English" does).
      expect(links(page.html).filter((l) => l.startsWith('/o/onbekend') && !l.includes('lang='))).toEqual([]);
    }
  });

  it('speaks the organisation’s own language and shows its own name', async () => {
    const page = await new FormClient(t).get('/o/tweede-dienst/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="en"');
    expect(page.html).toContain('Tweede Dienst');
    expect(page.html).not.toContain('Testorganisatie');
  });

  it('walks the report form under the address: each step redirects to its own prefixed address', async () => {
    const client = new FormClient(t);
    let page = await client.get(`${PREFIX}/report/commission`);
    page = await client.post(`${PREFIX}/report/commission`, { anonymity: 'anonymous', _go: 'next', _draft: hiddenValue(page.html, '_draft'), _at: 'anonymity', _csrf: csrfTokenFor(page.html, `${PREFIX}/report/commission`) });
    expect(page.redirectedTo).toBe(`${PREFIX}/report/commission/step-0`);
    expect(page.status).toBe(200);
    // Back (the browser fetches the previous address again) stays under the prefix too.
    expect((await client.get(`${PREFIX}/report/commission/anonymity`)).html).toMatch(/value="anonymous"[^>]*checked/);
  });

  it('binds a form to the organisation’s address: a token from one organisation’s page is refused at another’s', async () => {
    const client = new FormClient(t);
    const token = csrfTokenFor((await client.get(`${PREFIX}/route-finder`)).html, `${PREFIX}/route-finder`);
    const foreign = await client.post('/o/tweede-dienst/route-finder', { want: 'act', about: 'seen', safe: 'no', _csrf: token });
    expect(foreign.status).toBe(403);
    // Control: at its own address the same token is accepted.
    expect((await client.post(`${PREFIX}/route-finder`, { want: 'act', about: 'seen', safe: 'no', _csrf: token })).status).toBe(200);
  });

  it('lists the organisations on the installation’s own start page, unless one hides itself or the list is off', async () => {
    const home = await new FormClient(t).get('/');
    expect(home.status).toBe(200);
    expect(links(home.html)).toEqual(expect.arrayContaining(['/o/testorganisatie/', '/o/tweede-dienst/']));
    await t.services.db.update(organisations).set({ listed: false }).where(eq(organisations.slug, 'tweede-dienst'));
    const without = await new FormClient(t).get('/');
    expect(links(without.html)).toContain('/o/testorganisatie/');
    expect(without.html).not.toContain('Tweede Dienst');
    // Its own address still works.
    expect((await new FormClient(t).get('/o/tweede-dienst/')).status).toBe(200);
    await t.services.db.update(organisations).set({ listed: true }).where(eq(organisations.slug, 'tweede-dienst'));
    const hidden = await createTestApp({ ORGANISATION_LIST: 'hidden' });
    try {
      await unsafeCreateOrganisation(hidden.services, { name: 'Derde Dienst' });
      const first = await new FormClient(hidden).get('/');
      expect(first.html).toContain('Testorganisatie');
      expect(first.html).not.toContain('Derde Dienst');
    } finally {
      await hidden.close();
    }
  });

  it('gives a new organisation a slug from its name', async () => {
    expect(slugFromName('Gemeente Ålesund-Noord')).toBe('gemeente-alesund-noord');
    expect(slugFromName('  Rijksdienst  voor  de  Statistiek!  ')).toBe('rijksdienst-voor-de-statistiek');
    expect(slugFromName('***')).toBe('organisatie');
    const [row] = await t.services.db.select().from(organisations).where(eq(organisations.slug, 'testorganisatie'));
    expect(row?.name).toBe('Testorganisatie');
  });
});

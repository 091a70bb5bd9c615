import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_EXIT_URL } from '../../src/views/layout.js';
import { FormClient } from '../support/form-client.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { reportOnRoute } from '../support/reporting.js';
import { advisorRegistrations, cases } from '../../src/db/schema.js';
import { desc } from 'drizzle-orm';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the start page', () => {
  it('shows every route side by side with what happens next, who is behind it, and the external routes', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    expect(
      (
        await client.submit('/staff/settings', '/staff/settings', {
          name: 'Ministerie van Voorbeelden',
          defaultLanguage: 'nl',
          contactText: '',
          commissionText: 'Voorzitter mr. A. Onafhankelijk; leden voorgedragen door de OR en door de werkgever.',
          panelText: 'Drie collega’s uit verschillende directies.',
          retentionMonths: '24',
          timeZone: 'Europe/Amsterdam',
          headcount: '',
          languages: ['nl', 'en'],
        })
      ).status,
    ).toBe(303);
    const home = (await new FormClient(t).get('/')).html;
    for (const text of [
      'Voorzitter mr. A. Onafhankelijk',
      'Drie collega’s uit verschillende directies.',
      'Melden bij de onafhankelijke integriteitscommissie',
      'Een morele vraag stellen aan het ethiekpanel',
      'Praten met een vertrouwenspersoon',
      'Signaal: ik kan mijn werk niet doen zoals het hoort',
      'binnen 7 dagen een ontvangstbevestiging',
      'Huis voor Klokkenluiders',
      'Nationale ombudsman',
      'Wat wij nooit bewaren',
      '/self-check',
      '/route-finder',
    ]) {
      expect(home, text).toContain(text);
    }
    expect((await new FormClient(t).get('/?lang=en')).html).toContain('What we never store');
  });
});

describe('the external routes', () => {
  it('are shown with their own website, phone number and postal address wherever a route is chosen', async () => {
    const pages = ['/', '/report', '/route-finder'];
    for (const path of pages) {
      const html = (await new FormClient(t).get(path)).html;
      expect(html, path).toContain('<a class="utrecht-link" href="https://www.huisvoorklokkenluiders.nl/" rel="noreferrer noopener">www.huisvoorklokkenluiders.nl</a>');
      expect(html, path).toContain('<a class="utrecht-link" href="tel:+31881331000">088 133 10 00</a>');
      expect(html, path).toContain('Postbus 85860, 2508 CJ Den Haag');
      expect(html, path).toContain('<a class="utrecht-link" href="tel:+318003355555">0800 33 55 555</a> (gratis)');
      expect(html, path).toContain('Postbus 93122, 2509 AC Den Haag');
      expect(html, path).toContain('Neem contact op met uw eigen bond');
    }
    expect((await new FormClient(t).get('/?lang=en')).html).toContain('<a class="utrecht-link" href="tel:+318003355555">0800 33 55 555</a> (free of charge)');
  });
});

describe('on every reporter page', () => {
  it('a quick exit to a neutral site and the way back with a receipt; not on staff pages', async () => {
    for (const path of ['/', '/report', '/receipt', '/self-check', '/route-finder', '/report/commission']) {
      const html = (await new FormClient(t).get(path)).html;
      expect(html, path).toContain('class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action app-quick-exit" href="/exit" rel="noreferrer noopener">Snel weg</a>');
      expect(html, path).toContain('href="/receipt">Ik heb een ontvangstcode</a>');
      // The optional script only replaces the history entry; it carries the page's nonce.
      expect(html, path).toMatch(/<script nonce="[^"]+">document\.querySelectorAll\('\.app-quick-exit'\)/);
    }
    const staff = await logInAs(t, await createStaff(t, ['analyst']));
    expect((await staff.get('/staff')).html).not.toContain('app-quick-exit');
  });

  it('the quick exit makes the browser forget its cookies and goes to the neutral site', async () => {
    const client = new FormClient(t);
    await client.get('/receipt');
    expect(client.preSession).toMatch(/^[\w-]{43}$/);
    const exit = await client.get('/exit');
    expect(exit.status).toBe(303);
    expect(exit.location).toBe(QUICK_EXIT_URL);
    expect(exit.headers.getSetCookie().join('\n')).toMatch(/tegenspraak-pre=;.*Max-Age=0/);
    expect(client.preSession).toBeNull();
  });
});

describe('the route finder', () => {
  it('marks the routes that fit and still lists every route', async () => {
    const client = new FormClient(t);
    const blank = (await client.get('/route-finder')).html;
    expect(blank).not.toContain('Past bij uw antwoorden');
    const posted = await client.submit('/route-finder', '/route-finder', { want: 'act', about: 'seen', safe: 'no' });
    const page = posted.html;
    // The answers travel in the body: the address stays /route-finder, and old links with answers are not read.
    expect(posted.status).toBe(200);
    expect((await client.get('/route-finder?want=act&about=seen&safe=no')).html).not.toContain('Past bij uw antwoorden');
    const fits = [...page.matchAll(/<section aria-labelledby="dest-([a-z_]+)" class="app-destination app-destination--fits">/g)].map((m) => m[1]);
    expect(fits.sort()).toEqual(['advisor', 'commission']);
    expect(page).toMatch(/app-destination--fits"><p class="utrecht-paragraph app-fit-label"><strong>Past bij uw antwoorden<\/strong><\/p><section aria-labelledby="external-routes"/);
    for (const route of ['self_check', 'talk_to_source', 'commission', 'ethics', 'advisor', 'risk_signal']) expect(page).toContain(`id="dest-${route}"`);
    // Hostile values are ignored, never echoed.
    const hostile = await client.submit('/route-finder', '/route-finder', { want: '<script>alert(1)</script>' });
    expect(hostile.status).toBe(200);
    expect(hostile.html).not.toContain('<script>alert(1)');
  });
});

describe('the risk signal', () => {
  it('is a short form that reaches the commission as its own route', async () => {
    await createStaff(t, ['secretary']);
    await createStaff(t, ['chair']);
    await reportOnRoute(t, 'risk_signal', [{ WHAT: 'Wij kunnen de controles niet meer allemaal uitvoeren.', CAUSE: ['understaffing', 'cuts'] }]);
    const [row] = await t.services.db.select().from(cases).orderBy(desc(cases.receivedAt)).limit(1);
    expect(row!.routeCode).toBe('risk_signal');
  });
});

describe('the confidential advisors\' registration', () => {
  it('keeps only month and codes, counts them per year, and is for advisors only', async () => {
    const advisor = await createStaff(t, ['confidential_advisor']);
    const client = await logInAs(t, advisor);
    const bad = await client.submit('/staff/registrations', '/staff/registrations', { month: '11-2026', topic: 'improper_pressure', kind: 'single_conversation', outcome: 'advice_given' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Vul een maand in als jjjj-mm');
    expect(bad.html).toMatch(/name="topic" value="improper_pressure" checked=""/);
    for (const outcome of ['advice_given', 'advice_given', 'referred_commission']) {
      expect((await client.submit('/staff/registrations', '/staff/registrations', { month: '2026-11', topic: 'improper_pressure', kind: 'single_conversation', outcome })).status).toBe(303);
    }
    const page = (await client.get('/staff/registrations')).html;
    expect(page).toMatch(/Advies gegeven<\/td><td class="utrecht-table__cell utrecht-table__cell--numeric">2</);
    const rows = await t.services.db.select().from(advisorRegistrations);
    expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'kind', 'month', 'organisationId', 'outcome', 'topic']);
    const secretary = await logInAs(t, await createStaff(t, ['secretary']));
    expect((await secretary.get('/staff/registrations')).status).toBe(403);
  });
});

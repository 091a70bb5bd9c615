import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedListOnlyCases } from '../support/seed-cases.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { FormClient } from '../support/form-client.js';

let t: TestApp;
let secretary: TestStaff;
let client: FormClient;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  // 130 cases, one minute apart: odd ones on the ethics route and acknowledged, even ones commission and received.
  await seedListOnlyCases(t.services.db, { organisationId: t.organisationId, handlerId: secretary.userId, count: 130, start: new Date(Date.UTC(2026, 9, 1)), routes: ['commission', 'ethics'], statuses: ['received', 'acknowledged'] });
  client = await logInAs(t, secretary);
});
afterAll(() => t.close());

const ids = (html: string) => [...html.matchAll(/href="\/staff\/cases\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);

describe('case inbox', () => {
  it('pages through every case, fifty at a time, without repeats', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => client.get(`/staff/cases?page=${page}`)));
    expect(pages[0]!.html).toContain('Pagina 1: 50 meldingen.');
    expect(pages[2]!.html).toContain('Pagina 3: 30 meldingen.');
    const all = pages.flatMap((p) => ids(p.html));
    expect(all).toHaveLength(130);
    expect(new Set(all).size).toBe(130);
    expect(pages[2]!.html).toContain('Vorige pagina');
    expect(pages[2]!.html).not.toContain('Volgende pagina');
  });

  it('filters on status and route, finds overdue cases, and sorts both ways', async () => {
    const count = async (query: string) => {
      let total = 0;
      for (let page = 1; ; page++) {
        const html = (await client.get(`/staff/cases?${query}&page=${page}`)).html;
        total += ids(html).length;
        if (!html.includes('Volgende pagina')) return total;
      }
    };
    expect(await count('status=received')).toBe(65);
    // Route and status alternate together in the fixture: every ethics case is acknowledged.
    expect(await count('route=ethics&status=acknowledged')).toBe(65);
    expect(await count('route=ethics&status=received')).toBe(0);
    // All were received in October and the clock stands in November: every unacknowledged one is overdue.
    expect(await count('overdue=1')).toBe(65);
    // Each row names its next legal deadline and marks it when passed; acknowledged ones wait for feedback.
    const received = (await client.get('/staff/cases?status=received')).html;
    expect(received).toMatch(/ontvangst bevestigen uiterlijk \d+ oktober 2026<strong class="app-overdue"> · termijn verstreken<\/strong>/);
    const acknowledged = (await client.get('/staff/cases?status=acknowledged')).html;
    expect(acknowledged).toContain('terugkoppeling uiterlijk');
    expect(acknowledged).not.toContain('termijn verstreken');
    expect(received).toContain('nog niet beoordeeld');
    const newest = ids((await client.get('/staff/cases?sort=newest')).html)[0];
    const oldest = ids((await client.get('/staff/cases?sort=oldest')).html)[0];
    expect(newest).not.toBe(oldest);
    const found = await client.get(`/staff/cases?search=${newest!.slice(0, 8)}`);
    expect(ids(found.html)).toContain(newest);
  });

  it('treats nonsense in the query as "all", never as an error', async () => {
    const response = await client.get("/staff/cases?status=drop&page=-4&sort=%27&route=%3Cx%3E&search=zz");
    expect(response.status).toBe(200);
    expect(response.html).toContain('Pagina 1: 50 meldingen.');
  });
});

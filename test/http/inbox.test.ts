import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { cases } from '../../src/db/schema.js';
import { dueOn } from '../../src/domain/cases/due-on.js';
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

/** How many cases a query lists, over all its pages. */
async function count(query: string, as = client): Promise<number> {
  let total = 0;
  for (let page = 1; ; page++) {
    const html = (await as.get(`/staff/cases?${query}&page=${page}`)).html;
    total += ids(html).length;
    if (!html.includes('Volgende pagina')) return total;
  }
}

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

  it('keeps the next deadline on each case as dueOn() computes it (the migration back-fills it with the same rule)', async () => {
    const rows = await t.services.db.select().from(cases).where(eq(cases.handledBy, t.organisationId));
    expect(rows.length).toBeGreaterThanOrEqual(130);
    for (const row of rows) expect(row.dueOn, row.status).toBe(dueOn(row, 'Europe/Amsterdam'));
  });

  it('filters on classification, priority, anonymity and local received dates, and says that text cannot be searched', async () => {
    const oldestFirst = await t.services.db.select({ id: cases.id }).from(cases).orderBy(asc(cases.receivedAt)).limit(12);
    const first = oldestFirst.map((row) => row.id);
    await t.services.db.update(cases).set({ kind: 'manager_conduct', priority: 'high' }).where(inArray(cases.id, first.slice(0, 10)));
    await t.services.db.update(cases).set({ anonymity: 'open' }).where(inArray(cases.id, first.slice(0, 5)));
    // 00:30 on 1 October in Amsterdam is still 30 September in UTC: the organisation's day counts.
    await t.services.db.update(cases).set({ receivedAt: new Date('2026-09-30T22:30:00Z') }).where(eq(cases.id, first[11]!));
    expect(await count('kind=manager_conduct')).toBe(10);
    expect(await count('priority=high&kind=manager_conduct')).toBe(10);
    expect(await count('priority=low')).toBe(0);
    expect(await count('anonymity=open')).toBe(5);
    expect(await count('anonymity=open&priority=high')).toBe(5);
    expect(await count('from=2026-10-01&to=2026-10-01')).toBe(130);
    expect(await count('to=2026-09-30')).toBe(0);
    expect(await count('from=2026-10-02')).toBe(0);
    // An impossible date, or one the database does not take (year 0), is no filter rather than an error.
    expect(await count('from=2026-02-31')).toBe(130);
    expect(await count('from=0000-01-01&to=0000-12-31')).toBe(130);
    const text = await client.get('/staff/cases?search=directeur%20rapport');
    expect(text.status).toBe(200);
    expect(text.html).toContain('Zoeken kan alleen op een meldingnummer');
    expect(text.html).toContain('directeur rapport');
    expect(ids(text.html)).toHaveLength(50);
    expect((await client.get(`/staff/cases?search=${first[0]!.slice(0, 8)}`)).html).not.toContain('Zoeken kan alleen op een meldingnummer');
  });

  it('finds passed and near deadlines and sorts on the nearest deadline', async () => {
    // The clock stands in November: every unacknowledged case (due 8 October) has passed, none is near.
    expect(await count('deadline=passed')).toBe(65);
    expect(await count('deadline=near')).toBe(0);
    const byDeadline = ids((await client.get('/staff/cases?sort=deadline&status=received')).html);
    const due = await t.services.db.select({ id: cases.id, dueOn: cases.dueOn, receivedAt: cases.receivedAt }).from(cases).where(eq(cases.status, 'received'));
    const expected = due.sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.id.localeCompare(b.id)).map((row) => row.id);
    expect(byDeadline).toEqual(expected.slice(0, 50));
    // At the end of December the acknowledged cases' feedback (due 2 January) is near.
    const saved = t.clock.ms;
    t.clock.ms = Date.UTC(2026, 11, 28, 12);
    try {
      // A month on, the session has long ended: sign in again.
      const later = await logInAs(t, secretary);
      expect(await count('deadline=near', later)).toBe(65);
      expect(await count('deadline=near&status=received', later)).toBe(0);
    } finally {
      t.clock.ms = saved;
    }
  });

  it('treats nonsense in the query as "all", never as an error', async () => {
    const response = await client.get("/staff/cases?status=drop&page=-4&sort=%27&route=%3Cx%3E&search=zz");
    expect(response.status).toBe(200);
    expect(response.html).toContain('Pagina 1: 50 meldingen.');
  });
});

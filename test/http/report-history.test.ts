import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { cases, reportDrafts } from '../../src/db/schema.js';
import { findKeptDraft } from '../../src/domain/reports/kept-draft.js';
import { DRAFT_HOURS } from '../../src/domain/reports/report-draft.js';
import { purgeExpiredSessions } from '../../src/jobs/purge-expired-sessions.js';
import { FormClient, hiddenValue, type PageResponse } from '../support/form-client.js';
import { createStaff } from '../support/staff.js';
import { reportThroughForm } from '../support/reporting.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The browser's Back, Forward and Reload buttons on the report form, without JavaScript: every
// step answers its post with a redirect to the step's own address, which is rebuilt from a draft
// kept sealed to the browser's pre-session cookie. (The same in Chromium:
// test/e2e/report-history-journey.test.ts.)
const HOUR = 3600_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['chair']);
});
afterAll(() => t.close());

const WHAT = 'Mijn afdelingshoofd vraagt mij de cijfers in het rapport mooier te maken. Kenmerk-7Q3.';
const TEXT_MARKER = 'Kenmerk-7Q3';

/** A browser without JavaScript on the commission form: `step` presses a button on the page it shows. */
async function browser(client = new FormClient(t)) {
  let page: PageResponse = await client.get('/report/commission');
  expect(page.status).toBe(200);
  const step = async (fields: Record<string, string | string[]>) => {
    page = await client.post('/report/commission', { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
    return page;
  };
  /** The Back or Forward button, or Reload: the browser fetches the address again. */
  const visit = async (address: string) => (page = await client.get(address));
  return { client, step, visit, page: () => page };
}

/** The commission form's pages after the first, filled in completely. */
const pages: Array<Record<string, string | string[]>> = [
  { KIND: 'improper_pressure', WHAT, _go: 'next' },
  { SOURCE: ['director'], MEANS: ['verbal_intimidation'], AIMS: ['adjust_report'], _go: 'next' },
  { EFFECTS_PERSONAL: ['professionalism'], EFFECTS_PUBLIC: ['wrong_information'], TALKED_TO: ['colleague'], _go: 'next' },
  { WANT: ['investigation'], MEETING: 'yes', _go: 'next' },
];

const rows = async () => (await t.services.db.select({ n: count() }).from(reportDrafts))[0]!.n;

describe('the report form with the browser’s own buttons', () => {
  it('gives every step its own address, and Back, Forward and Reload show what was typed', async () => {
    const b = await browser();
    const first = await b.step({ anonymity: 'anonymous', _go: 'next' });
    expect(first.redirectedTo).toBe('/report/commission/step-0');
    const second = await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    expect(second.redirectedTo).toBe('/report/commission/step-1');
    const third = await b.step({ SOURCE: ['direct_manager'], MEANS: ['verbal_intimidation'], _go: 'next' });
    expect(third.redirectedTo).toBe('/report/commission/step-2');

    // Back twice, Reload, Forward twice: every page is fetched again and shows what was typed there.
    const back1 = await b.visit('/report/commission/step-1');
    expect(back1.status).toBe(200);
    expect(back1.html).toMatch(/value="direct_manager"[^>]*checked/);
    const back2 = await b.visit('/report/commission/step-0');
    expect(back2.html).toContain(WHAT);
    expect((await b.visit('/report/commission/step-0')).html).toContain(WHAT);
    expect((await b.visit('/report/commission/anonymity')).html).toMatch(/value="anonymous"[^>]*checked/);
    expect((await b.visit('/report/commission/step-1')).html).toMatch(/value="verbal_intimidation"[^>]*checked/);

    // Changing an earlier page after going Back keeps everything else.
    await b.visit('/report/commission/step-0');
    const changed = await b.step({ KIND: 'improper_pressure', WHAT: `${WHAT} Aangevuld.`, _go: 'next' });
    expect(changed.redirectedTo).toBe('/report/commission/step-1');
    expect(changed.html).toMatch(/value="direct_manager"[^>]*checked/);
    expect((await b.visit('/report/commission/step-0')).html).toContain(`${WHAT} Aangevuld.`);
    // Pages stay out of every cache.
    expect(changed.headers.get('cache-control')).toBe('no-store');
  });

  it('shows a page’s mistakes on that page’s own address, keeping what was typed', async () => {
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    const wrong = await b.step({ WHAT, _go: 'next' });
    expect(wrong.redirectedTo).toBe('/report/commission/step-0');
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Er is iets niet goed ingevuld');
    expect(wrong.html).toContain(WHAT);
    // Reload shows the same; a step further on and Back again no longer shows the fixed mistake.
    expect((await b.visit('/report/commission/step-0')).status).toBe(422);
    await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    expect((await b.visit('/report/commission/step-0')).status).toBe(200);
  });

  it('continues the draft when the person opens the form again', async () => {
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    const again = await b.client.get('/report/commission');
    expect(again.status).toBe(303);
    expect(again.location).toBe('/report/commission/step-1');
  });

  it('keeps the draft sealed to this browser: not in the database, not for another browser, not after a database edit', async () => {
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    const all = await t.services.db.select().from(reportDrafts);
    for (const row of all) expect(Buffer.from(row.sealed).toString('latin1')).not.toContain(TEXT_MARKER);

    // Another browser (no cookie, or its own) at the same address finds nothing and starts afresh.
    const other = new FormClient(t);
    const stranger = await other.get('/report/commission/step-0');
    expect(stranger.status).toBe(303);
    expect(stranger.location).toBe('/report/commission');
    await other.get('/report/commission');
    expect((await other.get('/report/commission/step-0')).html).not.toContain(TEXT_MARKER);
    // A guessed cookie opens nothing either.
    other.jar.set('tegenspraak-pre', 'A'.repeat(43));
    expect((await other.get('/report/commission/step-0')).status).toBe(303);

    // Someone with the database flips a byte: the draft is not shown (and nothing breaks).
    const mine = await findKeptDraft(t.services, b.client.preSession, { organisationId: t.organisationId, code: 'commission' });
    expect(mine?.state).toBe('open');
    for (const row of await t.services.db.select().from(reportDrafts)) {
      const sealed = Uint8Array.from(row.sealed);
      sealed[sealed.length - 5]! ^= 1;
      await t.services.db.update(reportDrafts).set({ sealed }).where(eq(reportDrafts.idHash, row.idHash));
    }
    const tampered = await b.client.get('/report/commission/step-1');
    expect(tampered.status).toBe(303);
    expect((await b.client.get('/report/commission')).html).not.toContain(TEXT_MARKER);
  });

  it('after sending, Back shows that the report was sent, not the form; the kept content is gone', async () => {
    const before = (await t.services.db.select({ id: cases.id }).from(cases)).length;
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    for (const fields of pages) await b.step(fields);
    const review = b.page();
    expect(review.redirectedTo).toBe('/report/commission/review');
    const sent = await b.client.post('/report/commission/send', { _go: 'send', _draft: hiddenValue(review.html, '_draft'), _at: 'review', _csrf: hiddenValue(review.html, '_csrf') });
    expect(sent.status).toBe(201);
    expect((await findKeptDraft(t.services, b.client.preSession, { organisationId: t.organisationId, code: 'commission' }))?.state).toBe('sent');
    for (const address of ['/report/commission/review', '/report/commission/step-0']) {
      const back = await b.visit(address);
      expect(back.status).toBe(200);
      expect(back.html).toContain('Deze melding is al verstuurd');
      expect(back.html).not.toContain(TEXT_MARKER);
    }
    // Opening the form again starts a new report.
    const fresh = await b.client.get('/report/commission');
    expect(fresh.status).toBe(200);
    expect(fresh.html).not.toContain(TEXT_MARKER);
    expect((await t.services.db.select({ id: cases.id }).from(cases)).length).toBe(before + 1);
  });

  it('leaving the reporter’s page (“Weggaan”) forgets this browser’s drafts and its pre-session cookie', async () => {
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    const cookie = b.client.preSession;
    const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Een andere melding.', SOURCE: ['director'], MEANS: ['verbal_intimidation'], AIMS: ['adjust_report'], WANT: ['investigation'], MEETING: 'no' });
    const opened = await b.client.submit('/receipt', '/receipt', { receipt });
    expect(opened.status).toBe(303);
    const left = await b.client.submit('/my-report', '/my-report/logout', {});
    expect(left.status).toBe(303);
    expect(b.client.preSession).toBeNull();
    expect(await findKeptDraft(t.services, cookie, { organisationId: t.organisationId, code: 'commission' })).toBeNull();
  });

  it('after the quick exit, Back shows nothing of the draft', async () => {
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    const cookie = b.client.preSession;
    expect((await findKeptDraft(t.services, cookie, { organisationId: t.organisationId, code: 'commission' }))?.state).toBe('open');
    await b.client.get('/exit');
    // Deleted, not only forgotten: even a copy of the cookie opens nothing now.
    expect(await findKeptDraft(t.services, cookie, { organisationId: t.organisationId, code: 'commission' })).toBeNull();
    const back = await b.client.get('/report/commission/step-0');
    expect(back.status).toBe(303);
    expect((await b.client.get('/report/commission')).html).not.toContain(TEXT_MARKER);
  });

  it('an expired draft: “start again” forgets it', async () => {
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    t.clock.advance((DRAFT_HOURS + 1) * HOUR);
    const expired = await b.visit('/report/commission');
    expect(expired.status).toBe(410);
    const again = await b.client.submit('/report/commission', '/report/commission/discard', {});
    expect(again.redirectedTo).toBe('/report/commission');
    expect(again.status).toBe(200);
    expect(again.html).not.toContain(TEXT_MARKER);
    expect((await findKeptDraft(t.services, b.client.preSession, { organisationId: t.organisationId, code: 'commission' }))).toBeNull();
  });

  it('an expired draft shows the text to copy at every address until the person starts again; the purge removes it a day later', async () => {
    const b = await browser();
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step({ KIND: 'improper_pressure', WHAT, _go: 'next' });
    t.clock.advance((DRAFT_HOURS + 1) * HOUR);
    for (const address of ['/report/commission/step-1', '/report/commission']) {
      const expired = await b.visit(address);
      expect(expired.status).toBe(410);
      expect(expired.html).toContain(WHAT);
    }
    const before = await rows();
    expect(before).toBeGreaterThan(0);
    t.clock.advance(24 * HOUR);
    await purgeExpiredSessions(t.services);
    expect(await rows()).toBeLessThan(before);
    expect((await b.client.get('/report/commission')).html).not.toContain(TEXT_MARKER);
  });

  it('without cookies the form still works, every step answered directly', async () => {
    const client = new FormClient(t);
    let page = await client.get('/report/commission');
    const step = async (fields: Record<string, string | string[]>, path = '/report/commission') => {
      client.jar.clear();
      page = await client.post(path, { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
      return page;
    };
    expect((await step({ anonymity: 'anonymous', _go: 'next' })).status).toBe(200);
    expect(page.redirectedTo).toBeUndefined();
    expect((await step(pages[0]!)).status).toBe(200);
    expect((await step({ _go: 'back' })).html).toContain(WHAT);
    await step({ anonymity: 'anonymous', _go: 'next' });
    for (const fields of pages) await step(fields);
    expect((await step({ _go: 'send' }, '/report/commission/send')).status).toBe(201);
  });
});

describe('a full draft store', () => {
  let full: TestApp;
  beforeAll(async () => {
    full = await createTestApp({ DRAFT_STORE_MAX_BYTES: '0' });
    await createStaff(full, ['chair']);
  });
  afterAll(() => full.close());

  it('locks nobody out: the form goes on answered directly, and sends', async () => {
    const client = new FormClient(full);
    let page = await client.get('/report/commission');
    const step = async (fields: Record<string, string | string[]>, path = '/report/commission') =>
      (page = await client.post(path, { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') }));
    expect((await step({ anonymity: 'anonymous', _go: 'next' })).status).toBe(200);
    expect(page.redirectedTo).toBeUndefined();
    for (const fields of pages) await step(fields);
    expect((await step({ _go: 'send' }, '/report/commission/send')).status).toBe(201);
    expect((await full.services.db.select({ n: count() }).from(reportDrafts))[0]!.n).toBe(0);
  });
});

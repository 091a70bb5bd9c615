import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DRAFT_STORE_LOCK } from '../../src/domain/reports/keep-draft.js';
import { eq, sql } from 'drizzle-orm';
import { openWithKey } from '../../src/crypto/aead.js';
import { questionnaires, reportDrafts } from '../../src/db/schema.js';
import { unsafeCreateInvitation } from '../../src/domain/accounts/create-invitation.js';
import { draftKeys, findKeptDraft } from '../../src/domain/reports/kept-draft.js';
import { DRAFT_HOURS } from '../../src/domain/reports/report-draft.js';
import { getRoute } from '../../src/domain/routes/get-route.js';
import { FORM_BODY_LIMIT_BYTES } from '../../src/http/middleware/body-limits.js';
import { FormClient, csrfTokenFor, hiddenValue, type PageResponse } from '../support/form-client.js';
import { createStaff, currentCode, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An attack review of two mechanisms, through the real app: the report drafts kept for the
// browser's Back button (src/domain/reports/kept-draft.ts and friends) and the CSRF binding of
// forms before a session (src/http/middleware/csrf.ts, pre-session.ts). Every attack has a
// positive control showing that the same request, made legitimately, does get through; a test
// named "fixed (…)" failed before its fix (each defect found by this review, then fixed).

const HOUR = 3600_000;
const WHAT = 'De directeur liet de cijfers in het jaarverslag aanpassen. Kenmerk-R8W2.';
const MARKER = 'Kenmerk-R8W2';
const NAME = 'Janneke Melder-QX7';
const SENT = 'Deze melding is al verstuurd';
const COOKIES_NEEDED = 'heeft deze website één cookie nodig';

/** The commission form's pages after the first, filled in completely. */
const pages: Array<Record<string, string | string[]>> = [
  { KIND: 'improper_pressure', WHAT, _go: 'next' },
  { SOURCE: ['director'], MEANS: ['verbal_intimidation'], AIMS: ['adjust_report'], _go: 'next' },
  { EFFECTS_PERSONAL: ['professionalism'], EFFECTS_PUBLIC: ['wrong_information'], TALKED_TO: ['colleague'], _go: 'next' },
  { WANT: ['investigation'], MEETING: 'yes', _go: 'next' },
];

/** A browser without JavaScript on a report form: `step` presses a button on the page it shows. */
async function browser(t: TestApp, options: { client?: FormClient; route?: string; start?: string } = {}) {
  const client = options.client ?? new FormClient(t);
  const route = options.route ?? 'commission';
  let page: PageResponse = await client.get(options.start ?? `/report/${route}`);
  expect(page.status).toBe(200);
  const fieldsOf = (html: string) => ({ _draft: hiddenValue(html, '_draft'), _at: hiddenValue(html, '_at'), _csrf: hiddenValue(html, '_csrf') });
  const step = async (fields: Record<string, string | string[]>, path = `/report/${route}`) => {
    page = await client.post(path, { ...fieldsOf(page.html), ...fields });
    return page;
  };
  const visit = async (address: string) => (page = await client.get(address));
  return { client, step, visit, page: () => page, fieldsOf };
}

async function keptRow(t: TestApp, preSession: string | null, route = 'commission') {
  const keys = draftKeys(t.services, preSession!, { organisationId: t.organisationId, code: route })!;
  const [row] = await t.services.db.select().from(reportDrafts).where(eq(reportDrafts.idHash, keys.idHash));
  return row;
}

async function liveStoreBytes(t: TestApp): Promise<number> {
  const [row] = await t.services.db
    .select({ bytes: sql<string>`coalesce(sum(octet_length(${reportDrafts.sealed})), 0)` })
    .from(reportDrafts)
    .where(sql`${reportDrafts.expiresAt} > ${t.services.now()}`);
  return Number(row!.bytes);
}

/** A browser that already holds a pre-session cookie of its own, set by a page with a form. */
async function withPreSession(t: TestApp, page = '/receipt', origin?: string): Promise<FormClient> {
  const client = new FormClient(t, origin);
  await client.get(page);
  expect(client.preSession).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return client;
}

// ---------------------------------------------------------------------------------------------
// Kept report drafts
// ---------------------------------------------------------------------------------------------

describe('kept report drafts under attack', () => {
  let t: TestApp;
  let secretary: TestStaff;
  beforeAll(async () => {
    t = await createTestApp();
    await createStaff(t, ['chair']);
    secretary = await createStaff(t, ['secretary']);
  });
  afterAll(() => t.close());

  it('held: a database dump together with every server key opens no kept draft; only the browser’s cookie does', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step(pages[0]!);
    const row = await keptRow(t, b.client.preSession);
    expect(row).toBeDefined();
    // Whoever holds the database and the server's keys tries every key the server has, with the contexts the code uses.
    const serverKeys = Object.values(t.services.serverKeys).filter((k): k is Uint8Array => k instanceof Uint8Array);
    expect(serverKeys.length).toBeGreaterThan(0);
    for (const key of serverKeys) {
      for (const context of ['kept-draft:commission', 'report-draft:commission']) {
        expect(key.length === 32 ? openWithKey(t.services.sodium, key, row!.sealed, context) : null).toBeNull();
      }
    }
    expect(Buffer.from(row!.sealed).toString('latin1')).not.toContain(MARKER);
    // Control: the browser's cookie opens it.
    const keys = draftKeys(t.services, b.client.preSession!, { organisationId: t.organisationId, code: 'commission' })!;
    expect(t.services.sodium.to_string(openWithKey(t.services.sodium, keys.key, row!.sealed, keys.context)!)).toContain(MARKER);
  });

  it('held: a row moved by someone with the database under another browser’s id shows nothing there', async () => {
    const victim = await browser(t);
    await victim.step({ anonymity: 'anonymous', _go: 'next' });
    await victim.step(pages[0]!);
    const attacker = await browser(t);
    await attacker.step({ anonymity: 'anonymous', _go: 'next' });
    // Control: the attacker's own kept draft is shown to the attacker.
    expect((await attacker.visit('/report/commission/anonymity')).status).toBe(200);
    const stolen = await keptRow(t, victim.client.preSession);
    const attackerKeys = draftKeys(t.services, attacker.client.preSession!, { organisationId: t.organisationId, code: 'commission' })!;
    await t.services.db.update(reportDrafts).set({ sealed: stolen!.sealed }).where(eq(reportDrafts.idHash, attackerKeys.idHash));
    const moved = await attacker.client.get('/report/commission/step-0');
    expect(moved.status).toBe(303);
    expect((await attacker.client.get('/report/commission')).html).not.toContain(MARKER);
  });

  it('held: a draft written for one route is not shown, continued or accepted on another route', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    const onStep0 = await b.step(pages[0]!);
    expect(onStep0.redirectedTo).toBe('/report/commission/step-1');
    const commissionDraft = hiddenValue(onStep0.html, '_draft');
    // The same browser on the other route (same readers) finds no kept draft there.
    const other = await b.client.get('/report/risk_signal/step-0');
    expect(other.status).toBe(303);
    expect(other.location).toBe('/report/risk_signal');
    const otherPage = await b.client.get('/report/risk_signal');
    expect(otherPage.status).toBe(200);
    expect(otherPage.html).not.toContain(MARKER);
    // The commission form's sealed draft replayed on the other route is refused as altered.
    const replayed = await b.client.post('/report/risk_signal', { _draft: commissionDraft, _at: 'step-1', _go: 'next', _csrf: csrfTokenFor(otherPage.html, '/report/risk_signal') });
    expect(replayed.status).toBeGreaterThanOrEqual(400);
    expect(replayed.html).not.toContain(MARKER);
    expect(await findKeptDraft(t.services, b.client.preSession, { organisationId: t.organisationId, code: 'risk_signal' })).toBeNull();
    // Control: on its own route the same draft is accepted.
    const own = await b.client.post('/report/commission', { _draft: commissionDraft, _at: 'step-1', _go: 'back', _csrf: hiddenValue(onStep0.html, '_csrf') });
    expect(own.redirectedTo).toBe('/report/commission/step-0');
    expect(own.html).toContain(WHAT);
  });

  it('held: addresses that are no position of this draft lead back to the kept step, never to an error or another page', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step(pages[0]!);
    for (const position of ['identity', 'step-99', 'step--1', 'step-1.0', 'STEP-1', '__proto__', 'constructor', 'toString', 'send', 'discard', 'prefill', 'review%00', 'step-0%2Fx']) {
      const response = await b.client.get(`/report/commission/${position}`);
      expect(response.status, position).toBe(303);
      expect(response.location, position).toBe('/report/commission/step-1');
    }
    // A `_go` or `_at` that is not a position of this draft goes nowhere it should not.
    const skipped = await b.step({ _go: 'to-identity' });
    expect(skipped.redirectedTo).not.toBe('/report/commission/identity');
    // Control: a real position is shown.
    expect((await b.client.get('/report/commission/step-0')).status).toBe(200);
  });

  it('held: a malformed or non-canonical pre-session cookie neither breaks the form nor opens anything', async () => {
    // Fresh random values, so that no two iterations share a draft (the cookie is decoded leniently:
    // a value and its twin differing only in the last character's unused bits are one key, harmless).
    const fresh = () => Buffer.from(t.services.sodium.randombytes_buf(32)).toString('base64url');
    for (const value of ['short', `${fresh().slice(0, 42)}B`, `"${fresh()}"`, `${fresh()}%00`, '%'.repeat(43), `${fresh()}=`]) {
      const client = new FormClient(t);
      client.jar.set('tegenspraak-pre', value);
      const start = await client.get('/report/commission');
      expect(start.status, value).toBe(200);
      const next = await client.post('/report/commission', { anonymity: 'anonymous', _go: 'next', _draft: hiddenValue(start.html, '_draft'), _at: 'anonymity', _csrf: hiddenValue(start.html, '_csrf') });
      expect(next.status, value).toBe(200);
      expect(next.html, value).toContain('name="KIND"');
    }
    // Control: a well-formed cookie of its own keeps the draft and shows it again; a stranger's finds nothing.
    const owner = await browser(t);
    await owner.step({ anonymity: 'anonymous', _go: 'next' });
    expect((await owner.step(pages[0]!)).redirectedTo).toBe('/report/commission/step-1');
    expect((await owner.client.get('/report/commission/step-0')).html).toContain(WHAT);
    // Control: a stranger's value does not.
    const stranger = new FormClient(t);
    stranger.jar.set('tegenspraak-pre', fresh());
    expect((await stranger.get('/report/commission/step-0')).status).toBe(303);
  });

  it('held: a questionnaire changed while a draft is kept: the kept draft stays on its own version', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    for (const fields of pages.slice(0, 3)) await b.step(fields);
    expect(b.page().redirectedTo).toBe('/report/commission/step-3');
    // A new version without the third step (its questions off); positions shift for new drafts.
    const current = await getRoute(t.services, t.organisationId, 'commission');
    const definition = { ...current.definition, steps: current.definition.steps.filter((_, index) => index !== 2) };
    await t.services.db.insert(questionnaires).values({ organisationId: t.organisationId, routeCode: 'commission', version: current.version + 1, definition });
    try {
      const back = await b.visit('/report/commission/step-2');
      expect(back.status).toBe(200);
      expect(back.html).toMatch(/value="professionalism"[^>]*checked/);
      expect((await b.visit('/report/commission/step-0')).html).toContain(WHAT);
      // Control: a new browser gets the new version, one step shorter.
      const fresh = await browser(t);
      await fresh.step({ anonymity: 'anonymous', _go: 'next' });
      for (const fields of [pages[0]!, pages[1]!]) await fresh.step(fields);
      expect(fresh.page().redirectedTo).toBe('/report/commission/step-2');
      expect(fresh.page().html).toContain('WANT');
    } finally {
      await t.services.db.delete(questionnaires).where(sql`${questionnaires.routeCode} = 'commission' and ${questionnaires.version} = ${current.version + 1}`);
    }
  });

  it('held: an expired kept draft cannot be continued or sent; its old page posted again only shows the text back', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    for (const fields of pages) await b.step(fields);
    const review = b.page();
    expect(review.redirectedTo).toBe('/report/commission/review');
    t.clock.advance((DRAFT_HOURS + 1) * HOUR);
    const late = await b.client.post('/report/commission/send', { ...b.fieldsOf(review.html), _go: 'send' });
    expect(late.status).toBe(410);
    expect(late.html).toContain(WHAT);
    expect(late.html).not.toContain('data-testid="receipt"');
    expect((await findKeptDraft(t.services, b.client.preSession, { organisationId: t.organisationId, code: 'commission' }))?.state).toBe('expired');
    // Control: a draft in time is sent.
    const ok = await browser(t);
    await ok.step({ anonymity: 'anonymous', _go: 'next' });
    for (const fields of pages) await ok.step(fields);
    expect((await ok.step({ _go: 'send' }, '/report/commission/send')).status).toBe(201);
  });

  it('held: the quick exit forgets the cookie: Back afterwards shows nothing of the draft', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    await b.step(pages[0]!);
    // Control: before the exit, Back shows the text.
    expect((await b.client.get('/report/commission/step-0')).html).toContain(WHAT);
    const exit = await b.client.get('/exit');
    expect(exit.status).toBe(303);
    expect(exit.headers.getSetCookie().some((c) => /^tegenspraak-pre=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect(b.client.preSession).toBeNull();
    expect((await b.client.get('/report/commission/step-0')).status).toBe(303);
    expect((await b.client.get('/report/commission')).html).not.toContain(MARKER);
  });

  it('held: the sent mark is not reused for the next report: a new draft in the same browser is kept afresh', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    for (const fields of pages) await b.step(fields);
    expect((await b.step({ _go: 'send' }, '/report/commission/send')).status).toBe(201);
    expect((await b.client.get('/report/commission/step-0')).html).toContain(SENT);
    const second = await browser(t, { client: b.client });
    expect(second.page().html).not.toContain(MARKER);
    await second.step({ anonymity: 'anonymous', _go: 'next' });
    const typed = await second.step({ KIND: 'improper_pressure', WHAT: 'Tweede melding, Kenmerk-2ND.', _go: 'next' });
    expect(typed.redirectedTo).toBe('/report/commission/step-1');
    const back = await second.visit('/report/commission/step-0');
    expect(back.html).toContain('Kenmerk-2ND');
    expect(back.html).not.toContain(MARKER);
  });

  it('fixed (sent-mark-overwritten): after sending, a step posted from a page still open in another tab shows "already sent" and keeps nothing', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'anonymous', _go: 'next' });
    for (const fields of pages.slice(0, 3)) await b.step(fields);
    // A second tab on step 3 of the same draft (same browser, same cookie).
    const otherTab = b.page();
    expect(otherTab.redirectedTo).toBe('/report/commission/step-3');
    await b.step(pages[3]!);
    expect((await b.step({ _go: 'send' }, '/report/commission/send')).status).toBe(201);
    // Control: right after sending, Back shows "already sent" and nothing of the report.
    const backBefore = await b.client.get('/report/commission/step-0');
    expect(backBefore.html).toContain(SENT);
    expect(backBefore.html).not.toContain(MARKER);

    // The other tab's "next" (or "back") is pressed after the report was sent.
    await b.client.post('/report/commission', { ...b.fieldsOf(otherTab.html), ...pages[3]! });
    const back = await b.client.get('/report/commission/step-0');
    expect(back.html).toContain(SENT);
    expect(back.html).not.toContain(MARKER);
    expect((await findKeptDraft(t.services, b.client.preSession, { organisationId: t.organisationId, code: 'commission' }))?.state).toBe('sent');
  });

  it('fixed (intake-draft-after-logout): an oral report entered by the secretariat is not readable in that browser after the secretary logs out', async () => {
    const sec = await logInAs(t, secretary);
    const intake = await browser(t, { client: sec, start: '/report/commission?intake=1' });
    await intake.step({ anonymity: 'open', _go: 'next' });
    for (const fields of pages) await intake.step(fields);
    const identity = await intake.step({ name: NAME, contact: 'melder@example.nl', _go: 'next' });
    // Control: while signed in, the secretary's review page shows the reporter's name and account.
    expect(identity.status).toBe(200);
    expect(identity.html).toContain(NAME);
    expect(identity.html).toContain(MARKER);

    const loggedOut = await sec.post('/logout', { _csrf: csrfTokenFor(identity.html, '/logout') });
    expect(loggedOut.status).toBe(303);
    expect(sec.cookie).toBeNull();
    // The next person at this computer, without any session, opens the form or presses Back.
    const opened = await sec.get('/report/commission');
    const shown = opened.status === 303 ? await sec.get(opened.location!) : opened;
    expect(shown.html).not.toContain(MARKER);
    for (const address of ['/report/commission/identity', '/report/commission/step-0', '/report/commission/review']) {
      const page = await sec.get(address);
      expect(page.html, address).not.toContain(NAME);
      expect(page.html, address).not.toContain(MARKER);
    }
  });

  it('fixed (unbounded-row): one unauthenticated post to /send (the attachment-sized body limit) keeps no draft larger than a step form', async () => {
    const b = await browser(t);
    await b.step({ anonymity: 'confidential', _go: 'next' });
    for (const fields of pages) await b.step(fields);
    expect(b.page().redirectedTo).toBe('/report/commission/identity');
    // Control: the same field through the step address is refused by the form body limit.
    const viaStep = await b.client.post('/report/commission', { ...b.fieldsOf(b.page().html), name: 'x'.repeat(FORM_BODY_LIMIT_BYTES + 1), contact: 'a@example.nl', _go: 'next' });
    expect(viaStep.status).toBe(413);
    // Via /send, "next" instead of "send", with a 2 MB name: kept as a draft row.
    const big = await b.client.post('/report/commission/send', { ...b.fieldsOf(b.page().html), name: 'x'.repeat(2 * 1024 * 1024), contact: 'a@example.nl', _go: 'next' });
    expect(big.status).toBeLessThan(500);
    const row = await keptRow(t, b.client.preSession);
    expect(row?.sealed.length ?? 0).toBeLessThanOrEqual(FORM_BODY_LIMIT_BYTES);
  });
});

describe('a small draft store under attack', () => {
  const CAP = 20_000;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DRAFT_STORE_MAX_BYTES: String(CAP) });
    await createStaff(t, ['chair']);
  });
  afterAll(() => t.close());
  const clear = () => t.services.db.delete(reportDrafts);

  it('held: pre-session cookies the attacker makes up fill the store to its limit and no further; a person is still served and sends', async () => {
    await clear();
    const long = 'y'.repeat(19_000);
    let refusedDirectly = 0;
    for (let i = 0; i < 6; i++) {
      const attacker = new FormClient(t);
      attacker.jar.set('tegenspraak-pre', Buffer.from(t.services.sodium.randombytes_buf(32)).toString('base64url'));
      const form = await attacker.get('/report/commission');
      // One post straight at a content step: no anonymity step first, the biggest first row allowed.
      const response = await attacker.post('/report/commission', { _draft: hiddenValue(form.html, '_draft'), _at: 'step-0', KIND: 'improper_pressure', WHAT: long, _go: 'next', _csrf: hiddenValue(form.html, '_csrf') });
      expect(response.status).toBeLessThan(500);
      if (response.redirectedTo === undefined) refusedDirectly++;
    }
    expect(refusedDirectly).toBeGreaterThan(0);
    expect(await liveStoreBytes(t)).toBeLessThanOrEqual(CAP);
    // A person now: answered directly (no redirect), and the report is sent.
    const person = await browser(t);
    const first = await person.step({ anonymity: 'anonymous', _go: 'next' });
    expect(first.status).toBe(200);
    for (const fields of pages) await person.step(fields);
    expect((await person.step({ _go: 'send' }, '/report/commission/send')).status).toBe(201);
  });

  it('fixed (store-limit-bypass): drafts kept while small cannot grow past DRAFT_STORE_MAX_BYTES: an update counts against the total', async () => {
    await clear();
    const browsers = [];
    for (let i = 0; i < 8; i++) {
      const b = await browser(t);
      expect((await b.step({ anonymity: 'anonymous', _go: 'next' })).redirectedTo).toBe('/report/commission/step-0');
      browsers.push(b);
    }
    const small = await liveStoreBytes(t);
    expect(small).toBeLessThan(CAP / 2);
    // Control: a new browser whose first kept draft would pass the limit is answered directly, not kept.
    const newcomer = new FormClient(t);
    const form = await newcomer.get('/report/commission');
    const refused = await newcomer.post('/report/commission', { _draft: hiddenValue(form.html, '_draft'), _at: 'step-0', KIND: 'improper_pressure', WHAT: 'z'.repeat(20_000), _go: 'next', _csrf: hiddenValue(form.html, '_csrf') });
    expect(refused.redirectedTo).toBeUndefined();
    expect(await liveStoreBytes(t)).toBe(small);
    // The attack: every small draft already kept grows by one step of 19,000 characters.
    for (const b of browsers) await b.step({ KIND: 'improper_pressure', WHAT: 'w'.repeat(19_000), _go: 'next' });
    expect(await liveStoreBytes(t)).toBeLessThanOrEqual(CAP);
  });

  it('fixed (store-limit-race): first steps arriving together cannot all pass the total check', async () => {
    await clear();
    // Eight browsers with their form open, each about to keep its first (small) draft.
    const ready = [];
    for (let i = 0; i < 8; i++) {
      const client = new FormClient(t);
      const form = await client.get('/report/commission');
      ready.push({ client, form });
    }
    // Control, one at a time: the store takes only what fits.
    const one = ready.shift()!;
    await one.client.post('/report/commission', { _draft: hiddenValue(one.form.html, '_draft'), _at: 'step-0', KIND: 'improper_pressure', WHAT: 'r'.repeat(9_000), _go: 'next', _csrf: hiddenValue(one.form.html, '_csrf') });
    const rowBytes = await liveStoreBytes(t);
    expect(rowBytes).toBeGreaterThan(9_000);
    await clear();
    expect(Math.floor(CAP / rowBytes)).toBe(2);
    await Promise.all(
      ready.map(({ client, form }) =>
        client.post('/report/commission', { _draft: hiddenValue(form.html, '_draft'), _at: 'step-0', KIND: 'improper_pressure', WHAT: 'r'.repeat(9_000), _go: 'next', _csrf: hiddenValue(form.html, '_csrf') }),
      ),
    );
    expect(await liveStoreBytes(t)).toBeLessThanOrEqual(CAP);
  });

  // Needs a second connection to hold the lock: on the PostgreSQL server only.
  it.skipIf(!process.env.TEST_DATABASE_URL)('held: a busy draft-store lock makes nobody wait: the step is answered directly, with no stale copy kept', async () => {
    await clear();
    const client = new FormClient(t);
    let form = await client.get('/report/commission');
    form = await client.post('/report/commission', { _draft: hiddenValue(form.html, '_draft'), _at: 'anonymity', anonymity: 'anonymous', _go: 'next', _csrf: hiddenValue(form.html, '_csrf') });
    expect(form.redirectedTo).toBe('/report/commission/step-0');
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    let answered: PageResponse;
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock($1)', [DRAFT_STORE_LOCK]);
      answered = await client.post('/report/commission', { _draft: hiddenValue(form.html, '_draft'), _at: 'step-0', KIND: 'improper_pressure', WHAT, _go: 'next', _csrf: hiddenValue(form.html, '_csrf') });
      expect(answered.status).toBe(200);
      expect(answered.redirectedTo).toBeUndefined();
      expect(answered.html).toContain('Van wie komt de druk?');
      // The older copy (without this step's text) is gone rather than shown on Back.
      expect(await findKeptDraft(t.services, client.preSession, { organisationId: t.organisationId, code: 'commission' })).toBeNull();
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    // Control: with the lock free again, the next step is kept and redirected to its own address.
    const again = await client.post('/report/commission', { _draft: hiddenValue(answered.html, '_draft'), _at: 'step-1', SOURCE: ['director'], MEANS: ['verbal_intimidation'], AIMS: ['adjust_report'], _go: 'next', _csrf: hiddenValue(answered.html, '_csrf') });
    expect(again.redirectedTo).toBe('/report/commission/step-2');
  });
});

// ---------------------------------------------------------------------------------------------
// CSRF before a session
// ---------------------------------------------------------------------------------------------

describe('CSRF of forms before a session, under attack', () => {
  let t: TestApp;
  let admin: TestStaff;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createStaff(t, ['administrator']);
    await createStaff(t, ['chair']);
  });
  afterAll(() => t.close());

  const loginFields = () => ({ email: admin.email, password: admin.password, totpCode: currentCode(t, admin.totpSecret) });

  it('held: a tossed malformed pre-session cookie gets a refusal that says why, never a pass; the next page repairs it', async () => {
    const attacker = await withPreSession(t, '/login');
    const attackersToken = csrfTokenFor((await attacker.get('/login')).html, '/login');
    for (const value of ['x', `${attacker.preSession!}x`, `${attacker.preSession!.slice(0, 42)}*`, '']) {
      const victim = new FormClient(t);
      victim.jar.set('tegenspraak-pre', value);
      const forged = await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken });
      expect(forged.status, value).toBe(403);
      expect(forged.html, value).toContain(COOKIES_NEEDED);
    }
    // Control: the victim's browser loads the page, gets a well-formed cookie, and its own token passes.
    const victim = new FormClient(t);
    victim.jar.set('tegenspraak-pre', 'x');
    const page = await victim.get('/receipt');
    expect(victim.preSession).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: csrfTokenFor(page.html, '/receipt') })).status).toBe(422);
  });

  it('held: two pre-session cookies in one Cookie header: the attacker’s token passes only where the attacker’s cookie is the one read', async () => {
    const attacker = await withPreSession(t, '/receipt');
    const attackersToken = csrfTokenFor((await attacker.get('/receipt')).html, '/receipt');
    const victim = await withPreSession(t, '/receipt');
    const header = (first: string, second: string) => ({ cookie: `tegenspraak-pre=${first}; tegenspraak-pre=${second}` });
    // The victim's cookie first (their own, set by this site with Path=/): the attacker's token is refused.
    const forged = await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken }, header(victim.preSession!, attacker.preSession!));
    expect(forged.status).toBe(403);
    // Control: the same token with the attacker's own cookie passes the check (wrong receipt: 422).
    expect((await attacker.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken })).status).toBe(422);
  });

  it('held over HTTPS: the pre-session cookie is __Host- (not tossable from a sibling host); a plain-named tossed cookie is ignored', async () => {
    const secure = await createTestApp({ BASE_URL: 'https://localhost' });
    try {
      const attacker = new FormClient(secure, 'https://localhost');
      const attackerPage = await attacker.get('/receipt');
      const setCookie = attackerPage.headers.getSetCookie().find((c) => c.startsWith('__Host-tegenspraak-pre='))!;
      expect(setCookie).toMatch(/; Path=\//);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).not.toMatch(/Domain=|Max-Age=|Expires=/i);
      const attackersToken = csrfTokenFor(attackerPage.html, '/receipt');
      const attackersValue = attacker.preSession!;
      const victim = new FormClient(secure, 'https://localhost');
      await victim.get('/receipt');
      // A sibling host can only toss a cookie without the prefix; placed first, it is still not the pre-session cookie.
      const cookie = `tegenspraak-pre=${attackersValue}; __Host-tegenspraak-pre=${victim.preSession!}`;
      expect((await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken }, { cookie })).status).toBe(403);
      // With only the tossed cookie, the form asks for cookies.
      const alone = await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken }, { cookie: `tegenspraak-pre=${attackersValue}` });
      expect(alone.status).toBe(403);
      expect(alone.html).toContain(COOKIES_NEEDED);
      // Control: in the attacker's own browser the token passes the check.
      expect((await attacker.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken })).status).toBe(422);
    } finally {
      await secure.close();
    }
  });

  it('held: with a reporter session present, a pre-session-bound token from another browser is refused at /receipt', async () => {
    const attacker = await withPreSession(t, '/receipt');
    const attackersToken = csrfTokenFor((await attacker.get('/receipt')).html, '/receipt');
    const victim = await withPreSession(t, '/receipt');
    victim.jar.set('tegenspraak-reporter', 'some-reporter-session-value');
    expect((await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: attackersToken })).status).toBe(403);
    // And a token the attacker fetched with a reporter cookie of their own choosing does not fit another value.
    const withChosen = new FormClient(t);
    withChosen.jar.set('tegenspraak-reporter', 'attacker-chosen');
    const chosenToken = csrfTokenFor((await withChosen.get('/receipt')).html, '/receipt');
    expect((await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: chosenToken })).status).toBe(403);
    // Control: the victim's own page gives a token that passes (bound to its reporter cookie).
    const own = csrfTokenFor((await victim.get('/receipt')).html, '/receipt');
    expect((await victim.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: own })).status).toBe(422);
  });

  it('held: a staff session posting to /receipt needs its own session’s token, not one from a browser without a session', async () => {
    const staff = await logInAs(t, admin);
    const stranger = await withPreSession(t, '/receipt');
    const strangersToken = csrfTokenFor((await stranger.get('/receipt')).html, '/receipt');
    expect((await staff.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: strangersToken })).status).toBe(403);
    // And another staff session's token does not fit either.
    const other = await logInAs(t, admin);
    const othersToken = csrfTokenFor((await other.get('/receipt')).html, '/receipt');
    expect((await staff.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: othersToken })).status).toBe(403);
    // Control: its own session's token passes the check.
    const own = csrfTokenFor((await staff.get('/receipt')).html, '/receipt');
    expect((await staff.post('/receipt', { receipt: '1234-5678-9012-3456-7890', _csrf: own })).status).toBe(422);
  });

  it('held: a token issued for one path is refused on another (setup and invitation tokens, report sub-addresses, other routes)', async () => {
    const browserA = await withPreSession(t, '/receipt');
    // Invitations: a token from one invitation's page does not fit another invitation.
    const make = (email: string) => t.services.db.transaction((tx) => unsafeCreateInvitation({ ...t.services, db: tx }, t.organisationId, { email, displayName: 'X', roles: ['analyst'] }));
    const [one, two] = [await make('path-one@example.nl'), await make('path-two@example.nl')];
    const pageOne = await browserA.get(`/invitation/${one.token}`);
    const tokenOne = csrfTokenFor(pageOne.html, `/invitation/${one.token}`);
    expect((await browserA.post(`/invitation/${two.token}`, { password: 'p', passwordConfirm: 'p', totpCode: '1', totpEnrolment: 'x', _csrf: tokenOne })).status).toBe(403);
    // Control: on its own invitation it passes the check (the input is then simply wrong).
    expect((await browserA.post(`/invitation/${one.token}`, { password: 'p', passwordConfirm: 'p', totpCode: '1', totpEnrolment: 'x', _csrf: tokenOne })).status).toBe(422);
    // Setup: tokens of the log-in form are refused at any /setup/... address.
    const loginToken = csrfTokenFor((await browserA.get('/login')).html, '/login');
    expect((await browserA.post(`/setup/${one.token}`, { name: 'x', _csrf: loginToken })).status).toBe(403);

    // The report form: its token fits its own address and its /send, nothing else.
    const form = await browserA.get('/report/commission');
    const reportToken = csrfTokenFor(form.html, '/report/commission');
    const fields = { _draft: hiddenValue(form.html, '_draft'), _at: 'anonymity', anonymity: 'anonymous', _go: 'next', _csrf: reportToken };
    for (const path of ['/report/commission/discard', '/report/commission/prefill', '/report/risk_signal', '/report/risk_signal/send', '/report/commissio/send', '/report/commission/send/x', '/self-check', '/receipt', '/login']) {
      expect((await browserA.post(path, fields)).status, path).toBe(403);
    }
    // Control: on its own address and on its /send it passes.
    expect((await browserA.post('/report/commission', fields)).status).toBe(200);
    expect((await browserA.post('/report/commission/send', fields)).status).toBe(200);
  });

  it('held: upper case, trailing slashes, double slashes and encoded variants of session-starting addresses never log a victim in', async () => {
    t.clock.advance(30_000);
    const attacker = await withPreSession(t, '/login');
    const attackersToken = csrfTokenFor((await attacker.get('/login')).html, '/login');
    const attackersReceiptToken = csrfTokenFor((await attacker.get('/receipt')).html, '/receipt');
    const victim = await withPreSession(t, '/receipt');
    const variants = ['/LOGIN', '/Login', '/login/', '//login', '/%6cogin', '/%6Cogin', '/login%2F', '/login;', '/./login', '/x/../login', '/login?x=1', '/login#x'];
    for (const path of variants) {
      for (const client of [victim, new FormClient(t)]) {
        const response = await client.post(path, { ...loginFields(), _csrf: attackersToken });
        expect(response.status, path).not.toBe(303);
        expect(response.headers.getSetCookie().some((c) => c.startsWith('tegenspraak-session=')), path).toBe(false);
      }
    }
    for (const path of ['/RECEIPT', '/receipt/', '/%72eceipt', '//receipt']) {
      expect((await victim.post(path, { receipt: '1234-5678-9012-3456-7890', _csrf: attackersReceiptToken })).status, path).not.toBeLessThan(400);
    }
    // Structurally: every variant is either recognised as session-starting (no pre-session cookie:
    // "cookies needed"), or reaches no handler at all even with a token bound to its own path (as if
    // some page offered one): 404. None reaches a log-in handler on its path binding alone.
    const pathToken = (path: string) => {
      const expiry = Math.floor(t.clock.ms / 1000) + 3600;
      const mac = t.services.sodium.crypto_generichash(16, t.services.sodium.from_string(`form::${path}|${expiry}`), t.services.serverKeys.csrf);
      const out = new Uint8Array(20);
      new DataView(out.buffer).setUint32(0, expiry);
      out.set(mac, 4);
      return Buffer.from(out).toString('base64url');
    };
    // Control for the minted token: on a path-bound form it passes (the self-check's start).
    expect((await new FormClient(t).post('/report/commission', { anonymity: 'anonymous', _go: 'next', _csrf: pathToken('/report/commission') })).status).toBe(200);
    for (const path of [...variants, '/RECEIPT', '/receipt/', '/%72eceipt', '//receipt', '/setup/abc/', '/invitation/abc/', '/Recover', '/recover/']) {
      const bare = await new FormClient(t).post(path, { ...loginFields(), _csrf: 'x' });
      if (bare.html.includes(COOKIES_NEEDED)) continue;
      // The binding as the middleware computes it: the request's path as it is, query dropped.
      const bound = decodeURI(path.split(/[?#]/)[0]!);
      const minted = await new FormClient(t).post(path, { ...loginFields(), receipt: '1234-5678-9012-3456-7890', _csrf: pathToken(bound) });
      expect(minted.status, path).toBe(404);
    }
    // Control: in the attacker's own browser the very same token logs in.
    t.clock.advance(30_000);
    expect((await attacker.post('/login', { ...loginFields(), _csrf: attackersToken })).status).toBe(303);
  });

  it('held: Origin null passes only with Sec-Fetch-Site same-origin; cross-site metadata or a foreign Origin is refused whatever the token', async () => {
    const client = await withPreSession(t, '/receipt');
    const token = csrfTokenFor((await client.get('/receipt')).html, '/receipt');
    const fields = { receipt: '1234-5678-9012-3456-7890', _csrf: token };
    const refused: Array<Record<string, string>> = [
      { origin: 'null', 'sec-fetch-site': 'none' },
      { origin: 'null', 'sec-fetch-site': 'same-site' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: 'null', 'sec-fetch-site': '' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost.evil.example', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:8080', 'sec-fetch-site': 'same-origin' },
      { origin: '', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of refused) expect((await client.post('/receipt', fields, headers)).status, JSON.stringify(headers)).toBe(403);
    // Controls: our own pages (no-referrer) and a client without Fetch Metadata but with our Origin.
    expect((await client.post('/receipt', fields, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(422);
    expect((await client.post('/receipt', fields, { origin: 'http://localhost', 'sec-fetch-site': '' })).status).toBe(422);
  });

  it('held: error pages carry no form token that could be used for a session-starting form', async () => {
    const client = new FormClient(t);
    for (const path of ['/login/', '/LOGIN', '/setup/not-a-token', '/report/nope', '/invitation/not-a-token', '/staff']) {
      const page = await client.get(path);
      expect(page.status, path).toBeGreaterThanOrEqual(300);
      expect(page.html, path).not.toContain('name="_csrf"');
    }
    // The refusal "cookies needed" is an error page too: no token there either.
    const refused = await client.post('/login', { email: 'x', _csrf: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain('name="_csrf"');
    // Control: the log-in page itself does carry one.
    expect((await client.get('/login')).html).toContain('name="_csrf"');
  });

  it('held: a report step cannot be forced on a victim from another site (the kept draft is not planted)', async () => {
    const attacker = new FormClient(t);
    const form = await attacker.get('/report/commission');
    const planted = { _draft: hiddenValue(form.html, '_draft'), _at: 'anonymity', anonymity: 'open', _go: 'next', _csrf: hiddenValue(form.html, '_csrf') };
    const victim = await withPreSession(t, '/report/commission');
    for (const headers of [{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { origin: 'null', 'sec-fetch-site': 'cross-site' }]) {
      expect((await victim.post('/report/commission', planted, headers)).status).toBe(403);
    }
    expect(await findKeptDraft(t.services, victim.preSession, { organisationId: t.organisationId, code: 'commission' })).toBeNull();
    // Control: same-origin, the path-bound token is accepted in any browser (forms before a session bind to the path alone).
    expect((await victim.post('/report/commission', planted)).redirectedTo).toBe('/report/commission/step-0');
  });
});

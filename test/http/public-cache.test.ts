import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { organisations } from '../../src/db/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The public pages are answered from memory (issue 17), and what they show must still change the
// moment the database changes: whoever changed it (this process, another instance, a hand edit),
// and never be a page kept from somebody's own visit.
let t: TestApp;
let secretary: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`http://localhost${path}`, { headers });
const page = async (path: string) => (await get(path)).text();
const organisationName = async () => {
  const [row] = await t.services.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, t.organisationId));
  return row!.name;
};
const rename = (name: string) => t.services.db.execute(sql`update organisations set name = ${name} where id = ${t.organisationId}`);

describe('the public pages answered from memory', () => {
  it('keeps the start page, and shows a change made in the database at once', async () => {
    const before = await organisationName();
    expect(await page('/')).toContain(before);
    // With the change feed's triggers off, a change goes unnoticed: the page really comes from memory.
    await t.services.db.execute(sql`alter table organisations disable trigger user`);
    try {
      await rename('Onopgemerkt Gewijzigd');
      expect(await page('/')).toContain(before);
    } finally {
      await t.services.db.execute(sql`alter table organisations enable trigger user`);
    }
    // A change the database reports is on the very next page, in this process at once.
    await rename('Gemeente Na De Wijziging');
    expect(await page('/')).toContain('Gemeente Na De Wijziging');
    expect(await page('/?lang=en')).toContain('Gemeente Na De Wijziging');
  });

  it('does not keep a page made with an organisation read just before a change', async () => {
    // The interleaving is forced: the organisation is read, then a change is committed and reported,
    // then the request goes on and renders its page with what it read. That page may be shown to
    // this visitor, but never kept for the next one.
    const cache = t.services.publicCache;
    const get = cache.get.bind(cache);
    let changeAfterRead = true;
    cache.get = (key, load) =>
      get(key, async () => {
        const value = await load();
        if (key === 'organisations' && changeAfterRead) {
          changeAfterRead = false;
          await rename('Gemeente Tijdens Het Lezen');
        }
        return value;
      });
    try {
      cache.forget();
      expect(await page('/')).not.toContain('Gemeente Tijdens Het Lezen');
      expect(changeAfterRead).toBe(false);
    } finally {
      cache.get = get;
    }
    expect(await page('/')).toContain('Gemeente Tijdens Het Lezen');
  });

  it('drops a reader deactivated in the database from the start page at once, and a renamed route from the API', async () => {
    expect(await page('/')).toContain('Secretariaat');
    const listed = (await page('/')).match(/app-fingerprint/g)?.length ?? 0;
    expect(listed).toBeGreaterThan(0);
    await t.services.db.execute(sql`update users set status = 'disabled' where id = ${secretary.userId}`);
    expect((await page('/')).match(/app-fingerprint/g)?.length ?? 0).toBeLessThan(listed);
    await t.services.db.execute(sql`update users set status = 'active' where id = ${secretary.userId}`);
    expect((await page('/')).match(/app-fingerprint/g)?.length ?? 0).toBe(listed);

    const names = async () => JSON.stringify(((await (await get('/api/v1/routes')).json()) as { name: unknown }[]).map((r) => r.name));
    expect(await names()).not.toContain('Hernoemde route');
    await t.services.db.execute(sql`update routes set name = '{"nl":"Hernoemde route","en":"Renamed route"}'::jsonb where organisation_id = ${t.organisationId} and code = 'commission'`);
    expect(await names()).toContain('Hernoemde route');
  });

  it('gives every kept page its own nonce, the one its policy names', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await get('/');
      const policy = /script-src 'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
      const inPage = [...(await response.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
      expect(policy).toBeTruthy();
      expect(inPage.length).toBeGreaterThan(0);
      expect(inPage.every((n) => n === policy)).toBe(true);
      nonces.add(policy!);
    }
    expect(nonces.size).toBe(3);
  });

  it('keeps the receipt form, yet gives each visitor their own pre-session cookie and token, which log in', async () => {
    const visits = await Promise.all([get('/receipt'), get('/receipt'), get('/receipt')]);
    const cookies = visits.map((r) => /tegenspraak-pre=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1]);
    const tokens = await Promise.all(visits.map(async (r) => /name="_csrf" value="([^"]+)"/.exec(await r.text())?.[1]));
    expect(cookies.every(Boolean) && tokens.every(Boolean)).toBe(true);
    expect(new Set(cookies).size).toBe(3);
    expect(new Set(tokens).size).toBe(3);
    expect(tokens.some((token) => token!.includes('mark'))).toBe(false);
    const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Bewaarde pagina.', WANT: ['advice'] });
    for (let i = 0; i < 2; i++) expect((await (await openWithReceipt(t, receipt)).get('/my-report')).status).toBe(200);
  });

  it('sends the same strict headers on a kept page as on every other answer', async () => {
    const strict = (response: Response) => {
      const h = response.headers;
      return {
        policy: (h.get('content-security-policy') ?? '').replace(/'nonce-[^']+'/, "'nonce-*'"),
        rest: ['referrer-policy', 'x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'permissions-policy', 'cache-control'].map((name) => `${name}: ${h.get(name)}`),
      };
    };
    const reference = strict(await get('/self-check'));
    expect(reference.policy).toContain("default-src 'none'");
    expect(reference.rest).toContain('cache-control: no-store');
    expect(reference.rest.some((line) => line.endsWith(': null'))).toBe(false);
    // The first render, the kept copy (twice, so it surely came from memory), the receipt form, the JSON API, an error page.
    for (const path of ['/', '/', '/', '/receipt', '/receipt', '/api/v1/routes', '/api/v1/routes', '/no-such-page']) {
      expect(strict(await get(path)), path).toEqual(reference);
    }
  });

  it('keeps a page asked for in a language offered, and not one per code that is not, nor an oddly spelled address', async () => {
    t.services.publicCache.forget();
    await page('/?lang=en');
    await page('/');
    const kept = t.services.publicCache.size;
    expect(await page('/?lang=en')).toContain('lang="en"');
    expect(t.services.publicCache.size).toBe(kept);
    // Shown in the default language, fresh each time: codes that are not offered cannot fill the cache.
    for (const code of ['fr', 'de', 'zz', 'qq', 'xx']) expect(await page(`/?lang=${code}`)).toContain('lang="nl"');
    expect(t.services.publicCache.size).toBe(kept);
    // Nor an address spelled otherwise than the app writes it (the page repeats its own path).
    await page('/receipt');
    const withReceipt = t.services.publicCache.size;
    expect(withReceipt).toBe(kept + 1);
    const odd = await get('/%72eceipt');
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('/%72eceipt');
    expect(t.services.publicCache.size).toBe(withReceipt);
    expect(await page('/receipt')).not.toContain('/%72eceipt');
  });

  it('never keeps a page from a visit with a cookie, nor serves a kept page to one', async () => {
    const staff = await logInAs(t, secretary);
    const signedIn = await staff.get('/');
    expect(signedIn.html).toContain('/logout');
    expect(await page('/')).not.toContain('/logout');
    expect((await staff.get('/')).html).toContain('/logout');
    // A query beyond the language is not kept either (the language links repeat it).
    expect(await page('/?x=%3Cb%3E')).not.toContain('<b>');
  });
});

// Two more app processes on the same PostgreSQL database, each keeping the start page in memory: a
// change committed elsewhere (here by the test's own connection, as another instance or psql would)
// reaches both. The kept pages live 60 s at most, so only the change feed can make this pass.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
describe.runIf(onPostgres)('several instances on one PostgreSQL database', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  async function startInstance(): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: t.databaseUrl,
        SESSION_SECRET: t.services.config.sessionSecret,
        DATA_DIR: await mkdtemp(join(tmpdir(), 'tegenspraak-instance-')),
        PORT: '0',
        HOST: '127.0.0.1',
        JOB_INTERVAL_SECONDS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const port = /port (\d+)\)/.exec(chunk.toString())?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      });
      child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
    });
  }

  it('shows a change committed elsewhere in every instance', async () => {
    const instances = await Promise.all([startInstance(), startInstance()]);
    const startPage = async (base: string) => (await fetch(`${base}/`)).text();
    const name = await organisationName();
    for (const base of instances) expect(await startPage(base)).toContain(name);
    await rename('Gewijzigd Door Een Ander Proces');
    for (const base of instances) {
      for (let waited = 0; !(await startPage(base)).includes('Gewijzigd Door Een Ander Proces'); waited += 50) {
        if (waited > 20_000) throw new Error(`${base} still shows the old name after 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }, 60_000);
});

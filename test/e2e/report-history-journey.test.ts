import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { cases } from '../../src/db/schema.js';
import { createStaff } from '../support/staff.js';
import { startLiveServer } from '../support/live-server.js';
import { launchWithProfile, type BrowserContext, type Page } from '../support/browser.js';

// The browser's own Back, Forward and Reload buttons through the whole report form with
// JavaScript off, in a Chromium with a real profile on disk: nothing typed is lost, no page asks
// to resend a form, and no report text ends up anywhere in the profile (disk cache, saved
// session, autofill). Design: src/http/pages/report-pages.tsx and src/domain/reports/kept-draft.ts.
let server: Awaited<ReturnType<typeof startLiveServer>>;
let profile: string;
let context: BrowserContext;

beforeAll(async () => {
  server = await startLiveServer();
  await createStaff(server, ['chair']);
  profile = await mkdtemp(join(tmpdir(), 'tegenspraak-profile-'));
  context = await launchWithProfile(profile, server.baseUrl, { javaScript: false });
});
afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

const MARKER = 'Zwaluwstaart-Q7';
const WHAT = `De directeur liet de meetresultaten weglaten uit het advies. ${MARKER}`;
const NAME = `Ilse Melder ${MARKER}N`;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Fails when the page is a browser error ("Confirm form resubmission", ERR_CACHE_MISS) instead of ours. */
async function expectOurPage(page: Page, path: string) {
  expect(new URL(page.url()).pathname).toBe(path);
  await expect.poll(() => page.locator('main h1').count()).toBe(1);
}

describe('the report form with the browser’s buttons, JavaScript off', () => {
  it('goes back, forward and reloads at every step without losing text, and leaves nothing on disk', async () => {
    const page = await context.newPage();
    const casesBefore = (await server.services.db.select({ n: count() }).from(cases))[0]!.n;
    await page.goto('/report/commission');
    await page.getByLabel(/^Vertrouwelijk:/).check();
    await page.getByRole('button', { name: 'Verder' }).click();

    // Each step: fill in, Verder, then Back, Forward and Reload, checking what the page shows.
    const steps: Array<{ path: string; fill: () => Promise<void>; check: () => Promise<void> }> = [
      {
        path: '/report/commission/step-0',
        fill: async () => {
          await page.getByLabel(/^Oneigenlijke druk/).check();
          await page.getByLabel('Wat is er gebeurd?').fill(WHAT);
        },
        check: async () => expect(await page.getByLabel('Wat is er gebeurd?').inputValue()).toBe(WHAT),
      },
      {
        path: '/report/commission/step-1',
        fill: async () => {
          await page.getByLabel('Mijn direct leidinggevende').check();
          await page.getByLabel('Een rapport aanpassen').check();
        },
        check: async () => expect(await page.getByLabel('Mijn direct leidinggevende').isChecked()).toBe(true),
      },
      { path: '/report/commission/step-2', fill: async () => undefined, check: async () => undefined },
      {
        path: '/report/commission/step-3',
        fill: async () => page.getByLabel('Advies').check(),
        check: async () => expect(await page.getByLabel('Advies').isChecked()).toBe(true),
      },
      {
        path: '/report/commission/identity',
        fill: async () => {
          await page.getByLabel('Naam').fill(NAME);
          await page.getByLabel('Hoe kunnen we u bereiken?').fill('ilse@prive.example');
        },
        check: async () => expect(await page.getByLabel('Naam').inputValue()).toBe(NAME),
      },
    ];
    for (const [index, step] of steps.entries()) {
      await expectOurPage(page, step.path);
      await step.fill();
      await page.getByRole('button', { name: 'Verder' }).click();
      const next = steps[index + 1]?.path ?? '/report/commission/review';
      await expectOurPage(page, next);
      await page.goBack();
      await expectOurPage(page, step.path);
      await step.check();
      await page.goForward();
      await expectOurPage(page, next);
      await page.reload();
      await expectOurPage(page, next);
      if (index > 0) {
        // Two back: the page before still holds its text as well.
        await page.goBack();
        await page.goBack();
        await expectOurPage(page, steps[index - 1]!.path);
        await steps[index - 1]!.check();
        await page.goForward();
        await page.goForward();
        await expectOurPage(page, next);
      }
    }
    // The review has everything; sending stores one report.
    expect(await page.locator('.app-answers').textContent()).toContain(WHAT);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => page.getByTestId('receipt').count()).toBe(1);
    // Back from the receipt: "already sent", not the form with the report in it.
    await page.goBack();
    await expectOurPage(page, '/report/commission/review');
    expect(await page.locator('main h1').textContent()).toBe('Deze melding is al verstuurd');
    expect(await page.content()).not.toContain(MARKER);
    expect((await server.services.db.select({ n: count() }).from(cases))[0]!.n).toBe(casesBefore + 1);
    await page.close();

    // Nothing typed is anywhere in the profile folder: not in the disk cache, the saved session or autofill.
    await context.close();
    const holding: string[] = [];
    for (const file of await filesUnder(profile)) {
      const bytes = await readFile(file);
      for (const needle of [MARKER, Buffer.from(MARKER, 'utf16le').toString('latin1')]) if (bytes.toString('latin1').includes(needle)) holding.push(file);
    }
    expect(holding).toEqual([]);
  });
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyResponses } from '../../src/db/schema.js';
import { createStaff, type TestStaff } from '../support/staff.js';
import { startLiveServer } from '../support/live-server.js';
import { staffPage } from '../support/browser-flows.js';
import { expectAccessible, expectSameOrigin, launchBrowser, newContext, type Browser, type Page } from '../support/browser.js';

let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let analyst: TestStaff;

beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchBrowser();
  analyst = await createStaff(server, ['analyst']);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Creates organisations and a wave through the analyst's pages, auditing each; returns the wave page and one code. */
async function prepareWave(page: Page): Promise<{ code: string; wavePath: string }> {
  await page.goto('/staff/surveys');
  await expectAccessible(page, 'surveys');
  for (const [name, sector] of [['Ministerie van Proef', 'Rijksoverheid'], ['Gemeente Proef', 'Gemeente']]) {
    await page.getByLabel('Naam van de organisatie').fill(name!);
    await page.getByRole('group', { name: 'Sector' }).getByLabel(sector!, { exact: true }).check();
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.waitForURL(/saved=1/);
  }
  await page.getByLabel('Naam van de peiling').fill('Flitspeiling');
  await page.getByLabel(/^Ministerie van Proef/).check();
  await page.getByLabel(/^Gemeente Proef/).check();
  await page.getByRole('button', { name: 'Peiling aanmaken' }).click();
  await page.waitForURL(/\/staff\/surveys\/[0-9a-f-]{36}$/);
  await expectAccessible(page, 'wave');
  const wavePath = new URL(page.url()).pathname;
  await page.getByRole('group', { name: 'Organisatie' }).getByLabel('Ministerie van Proef').check();
  await page.getByLabel('Aantal codes').fill('3');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Codes maken en downloaden' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  const code = csv.split(/\r\n/)[1]!;
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return { code, wavePath };
}

describe('the integrity monitor in a browser', () => {
  it('a respondent answers with JavaScript off; every page passes axe-core with it on', async () => {
    const analystPage = await staffPage(browser, server, analyst);
    const { code, wavePath } = await prepareWave(analystPage);

    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: false });
    const page = await context.newPage();
    await page.goto('/survey');
    await page.getByLabel('Uw code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Beginnen' }).click();
    expect(await page.locator('.app-progress').textContent()).toBe('Stap 1 van 3');
    await page.getByRole('group', { name: /onder druk gezet om regels te overtreden/ }).getByLabel('Eens', { exact: true }).check();
    await page.getByRole('group', { name: /duidelijke waarden en normen/ }).getByLabel('Helemaal eens').check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Ja').check();
    await page.getByRole('button', { name: 'Verder' }).click();
    // A yes adds the page about that pressure.
    expect(await page.locator('.app-progress').textContent()).toBe('Stap 3 van 4');
    await page.getByLabel('Een directeur').check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Leidinggevend').check();
    await page.getByRole('button', { name: 'Versturen' }).click();
    expect(await page.locator('h1').textContent()).toBe('Dank u wel');
    expect(await context.cookies()).toEqual([]);
    expect(await server.services.db.select().from(surveyResponses)).toHaveLength(1);
    expectSameOrigin(requests, server.baseUrl);
    await context.close();

    // The same pages with JavaScript on, for axe-core.
    const { context: audited } = await newContext(browser, server.baseUrl, { javaScript: true });
    const check = await audited.newPage();
    await check.goto('/survey');
    await expectAccessible(check, 'survey code');
    await check.getByRole('button', { name: 'Beginnen' }).click();
    await expectAccessible(check, 'survey code with error');
    await check.getByLabel('Uw code').fill(code);
    await check.getByRole('button', { name: 'Beginnen' }).click();
    await expectAccessible(check, 'survey code already used');
    await analystPage.goto(wavePath);
    await analystPage.getByRole('button', { name: 'Open link maken' }).click();
    const openLink = (await analystPage.getByTestId('open-link').textContent())!;
    await expectAccessible(analystPage, 'open link shown once');
    await check.goto(new URL(openLink).pathname);
    for (const step of ['statements', 'pressure', 'background']) {
      await expectAccessible(check, `survey ${step}`);
      await check.getByRole('button', { name: step === 'background' ? 'Versturen' : 'Verder' }).click();
    }
    await expectAccessible(check, 'survey organisation missing');
    await check.getByLabel('Gemeente Proef').check();
    await check.getByRole('button', { name: 'Versturen' }).click();
    await expectAccessible(check, 'survey thanks');
    await audited.close();

    await analystPage.goto(wavePath);
    await analystPage.getByRole('link', { name: 'Ministerie van Proef' }).click();
    await expectAccessible(analystPage, 'results');
    expect(await analystPage.locator('main').textContent()).toContain('niet getoond');

    // The figures page from the menu: the organisation's reports (none yet) and its monitor, on a phone screen too.
    await analystPage.getByRole('link', { name: 'Cijfers' }).click();
    await analystPage.waitForURL(/\/staff\/figures$/);
    expect(await analystPage.locator('h1').textContent()).toBe('Cijfers over meldingen');
    await expectAccessible(analystPage, 'figures');
    await analystPage.setViewportSize({ width: 360, height: 740 });
    await expectAccessible(analystPage, 'figures on a phone');
    expect(await analystPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
});

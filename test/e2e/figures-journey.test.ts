import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { cases, caseStatistics } from '../../src/db/schema.js';
import type { CaseCoding } from '../../src/domain/coding/codes.js';
import { localDate } from '../../src/domain/reports/deadlines.js';
import { caseAction } from '../support/case-steps.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { startLiveServer } from '../support/live-server.js';
import { staffPage } from '../support/browser-flows.js';
import { expectAccessible, launchBrowser, type Browser, type Page } from '../support/browser.js';

// Issue 15 in a real browser: coding a case, the annual report and the management's risk view,
// each checked with axe, also on a phone screen.
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let secretary: TestStaff;
let chair: TestStaff;
let management: TestStaff;
let year = 0;

beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchBrowser();
  secretary = await createStaff(server, ['secretary']);
  chair = await createStaff(server, ['chair']);
  management = await createStaff(server, ['management']);
  year = Number(localDate(server.clock.now(), 'Europe/Amsterdam').slice(0, 4)) - 1;
  const org = server.organisationId;
  await server.services.db.insert(caseStatistics).values(
    Array.from({ length: 8 }, (_, i) => ({
      organisationId: org,
      handledBy: org,
      routeCode: i < 6 ? 'commission' : 'risk_signal',
      kind: 'improper_pressure',
      receivedOn: `${year}-0${1 + (i % 5)}-10`,
      closedOn: `${year}-0${2 + (i % 5)}-10`,
      purgedOn: `${year}-0${2 + (i % 5)}-10`,
      anonymity: 'anonymous',
      coding: { kind: 'improper_pressure', category: 'misuse_of_powers', sources: ['director'], means: [], aims: ['adjust_report'], effectsPersonal: [], effectsPublic: [], themes: ['understaffing'], channel: 'form', outcome: 'founded', measures: [], termsMet: 'yes', stage: 'closing' } satisfies CaseCoding as CaseCoding,
    })),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function onPhone(page: Page, label: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  await expectAccessible(page, `${label} on a phone`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${label} fits a phone`).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('figures in the browser', () => {
  it('codes a case: the proposal from the answers, the warning that codes are not sealed, a save', async () => {
    await reportThroughForm(server, { KIND: 'improper_pressure', WHAT: 'Het rapport moest anders.', SOURCE: ['director'], WANT: ['advice'] });
    const [row] = await server.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
    const id = row!.id;
    const http = await logInAs(server, secretary);
    await declareNoRelation(http, id);
    expect(await caseAction(http, id, 'acknowledge', { ackNote: '' })).toBe(303);
    const page = await staffPage(browser, server, secretary);
    await page.goto(`/staff/cases/${id}`);
    await page.getByRole('link', { name: 'Codering' }).click();
    await page.waitForURL(/\/coding$/);
    expect(await page.locator('main').textContent()).toContain('niet versleuteld');
    expect(await page.getByRole('group', { name: 'Van wie kwam de druk?' }).getByLabel('Directeur').isChecked()).toBe(true);
    await expectAccessible(page, 'coding');
    await page.getByRole('button', { name: 'Codering opslaan' }).click();
    // No category chosen: said, and the ticked codes are still ticked.
    await expectAccessible(page, 'coding with an error');
    expect(await page.getByRole('group', { name: 'Van wie kwam de druk?' }).getByLabel('Directeur').isChecked()).toBe(true);
    await page.getByRole('group', { name: /landelijk registratiemodel/ }).getByLabel('Misbruik van bevoegdheden').check();
    await page.getByRole('button', { name: 'Codering opslaan' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.locator('main').textContent()).toContain('Gecodeerd bij de beoordeling');
    await onPhone(page, 'coding');
  });

  it('shows the annual report and its texts form to the chair, printable and on a phone', async () => {
    const page = await staffPage(browser, server, chair);
    // The chair declares before anything else: not needed for figures.
    await page.getByRole('link', { name: 'Jaarverslag' }).first().click();
    await page.waitForURL(/\/staff\/annual-report$/);
    expect(await page.locator('h1').textContent()).toBe(`Jaarverslag ${year}`);
    await expectAccessible(page, 'annual report');
    await onPhone(page, 'annual report');
    await page.getByRole('link', { name: /Teksten van de commissie/ }).click();
    await page.getByLabel('Voorwoord van de commissie').fill('Een jaar van tegenspraak.');
    await page.getByRole('button', { name: 'Teksten opslaan' }).click();
    await page.waitForURL(/saved=1/);
    await expectAccessible(page, 'annual report texts');
    await page.getByRole('link', { name: 'Terug naar het jaarverslag' }).click();
    expect(await page.locator('main').textContent()).toContain('Een jaar van tegenspraak.');
    // Printing leaves the navigation out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-no-print').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows top management the risk signals and nothing else', async () => {
    const page = await staffPage(browser, server, management);
    await page.getByRole('link', { name: 'Risicosignalen' }).first().click();
    await page.waitForURL(/\/staff\/signals$/);
    await expectAccessible(page, 'risk signals');
    await onPhone(page, 'risk signals');
    const response = await page.goto('/staff/cases');
    expect(response?.status()).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, currentCode, type TestStaff } from '../support/staff.js';
import { startLiveServer } from '../support/live-server.js';
import { staffPage, returnWithReceipt } from '../support/browser-flows.js';
import { expectAccessible, expectSameOrigin, launchBrowser, newContext, type Browser, type Page } from '../support/browser.js';

let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let secretary: TestStaff;
let chair: TestStaff;

beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchBrowser();
  secretary = await createStaff(server, ['secretary']);
  chair = await createStaff(server, ['chair']);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Start page to receipt, as a frightened civil servant would click it. Audits each page when asked. */
async function reportFromStartPage(page: Page, what: string, audit: boolean, attachment?: { name: string; text: string }): Promise<string> {
  const check = (label: string) => (audit ? expectAccessible(page, label) : Promise.resolve());
  await page.goto('/');
  await check('start page with every route');
  await page.getByRole('link', { name: /Begin: Melden bij de onafhankelijke integriteitscommissie/ }).click();
  await check('anonymity');
  await page.getByRole('button', { name: 'Verder' }).click();
  await check('anonymity with error');
  await page.getByLabel(/^Vertrouwelijk:/).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await check('step concern');
  await page.getByLabel('Wat is er gebeurd?').fill(what);
  await page.getByRole('button', { name: 'Verder' }).click();
  expect(await page.locator('.app-error-summary').textContent()).toContain('Kies een antwoord.');
  expect(await page.getByLabel('Wat is er gebeurd?').inputValue()).toBe(what);
  await check('step concern with error');
  await page.getByLabel(/^Oneigenlijke druk/).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await check('step pressure');
  await page.getByLabel('Mijn direct leidinggevende').check();
  await page.getByLabel('Een rapport aanpassen').check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await check('step effects');
  await page.getByRole('button', { name: 'Verder' }).click();
  await check('step wishes');
  await page.getByLabel('Advies').check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await check('identity');
  await page.getByLabel('Naam').fill('Ruben Melder');
  await page.getByLabel('Hoe kunnen we u bereiken?').fill('ruben@prive.example');
  await page.getByRole('button', { name: 'Verder' }).click();
  await check('review');
  expect(await page.locator('.app-answers').textContent()).toContain(what);
  if (attachment) {
    // A file chosen, then Back and Verder again: the step posts without the file, nothing typed is lost.
    await page.getByLabel('Bijlagen (niet verplicht)').setInputFiles({ name: 'eerst.txt', mimeType: 'text/plain', buffer: Buffer.alloc(400 * 1024, 65) });
    await page.getByRole('button', { name: 'Terug', exact: true }).click();
    await check('identity after back');
    expect(await page.getByLabel('Naam').inputValue()).toBe('Ruben Melder');
    await page.getByRole('button', { name: 'Verder' }).click();
    expect(await page.locator('.app-answers').textContent()).toContain(what);
    await page.getByLabel('Bijlagen (niet verplicht)').setInputFiles({ name: attachment.name, mimeType: 'text/plain', buffer: Buffer.from(attachment.text) });
  }
  await page.getByRole('button', { name: 'Versturen' }).click();
  await check('receipt');
  return (await page.getByTestId('receipt').textContent())!;
}


describe('reporter pages in a browser', () => {
  it('are accessible on every page, and the handler answers', async () => {
    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: true });
    const page = await context.newPage();
    const receipt = await reportFromStartPage(page, 'Mijn rapport moest anders van de directeur.', true);
    await page.goto('/receipt');
    await expectAccessible(page, 'receipt log-in');
    await returnWithReceipt(page, receipt);
    await expectAccessible(page, 'my report');

    const staff = await (await newContext(browser, server.baseUrl, { javaScript: true })).context.newPage();
    server.clock.advance(30_000);
    await staff.goto('/login');
    await staff.getByLabel('E-mailadres').fill(secretary.email);
    await staff.getByLabel('Wachtwoord').fill(secretary.password);
    await staff.getByLabel(/authenticator/).fill(currentCode(server, secretary.totpSecret));
    await staff.getByRole('button', { name: 'Inloggen' }).click();
    await staff.goto('/staff/cases');
    await expectAccessible(staff, 'case inbox with a case');
    await staff.getByRole('link', { name: 'Melding openen' }).first().click();
    await expectAccessible(staff, 'declaration');
    await staff.getByLabel('Ik heb geen persoonlijke relatie met de betrokkenen').check();
    await staff.getByRole('button', { name: 'Verklaring vastleggen' }).click();
    await staff.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
    await expectAccessible(staff, 'case');
    expect(await staff.locator('main').textContent()).toContain('Mijn rapport moest anders van de directeur.');
    await staff.getByLabel('Uw bericht').fill('Wij hebben uw melding ontvangen.');
    await staff.getByRole('button', { name: 'Versturen aan de melder' }).click();
    await staff.waitForURL(/done=message/);
    await staff.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await staff.getByRole('heading', { name: 'Interne notities' }).waitFor();
    expect(await staff.getByText('Is de melding ontvankelijk?').count()).toBe(1);
    await expectAccessible(staff, 'case with assessment form');
    // The standard letters, and the inbox with every filter open and a word search it cannot do.
    for (const path of ['/staff/letters', '/staff/letters/inadmissible/nl', '/staff/cases?deadline=passed&sort=deadline&search=directeur']) {
      await staff.goto(path);
      await expectAccessible(staff, path);
    }
    // The case file: asked for with a reason (first without one), then the printable page.
    await staff.goto('/staff/cases');
    await staff.getByRole('link', { name: 'Melding openen' }).first().click();
    await staff.getByRole('link', { name: /Dossier samenstellen/ }).click();
    await expectAccessible(staff, 'case file request');
    await staff.getByLabel(/Een juridische procedure/).check();
    await staff.getByRole('button', { name: 'Dossier samenstellen' }).click();
    await expectAccessible(staff, 'case file request without a reason');
    await staff.locator('textarea[name="reason"]').fill('Beroepszaak bij de rechtbank.');
    await staff.getByRole('button', { name: 'Dossier samenstellen' }).click();
    await staff.waitForURL(/\/dossier\/[0-9a-f-]{36}$/);
    expect(await staff.locator('main').textContent()).toContain('Mijn rapport moest anders van de directeur.');
    await expectAccessible(staff, 'case file');

    await page.goto('/my-report');
    expect(await page.locator('.app-thread').textContent()).toContain('Wij hebben uw melding ontvangen.');

    const chairPage = await (await newContext(browser, server.baseUrl, { javaScript: true })).context.newPage();
    server.clock.advance(30_000);
    await chairPage.goto('/login');
    await chairPage.getByLabel('E-mailadres').fill(chair.email);
    await chairPage.getByLabel('Wachtwoord').fill(chair.password);
    await chairPage.getByLabel(/authenticator/).fill(currentCode(server, chair.totpSecret));
    await chairPage.getByRole('button', { name: 'Inloggen' }).click();
    await chairPage.goto('/staff/audit');
    expect(await chairPage.locator('.utrecht-alert').textContent()).toContain('compleet en ongewijzigd');
    await expectAccessible(chairPage, 'audit log');
    await chairPage.goto('/staff/audit?case=directeur');
    await expectAccessible(chairPage, 'audit log with a search that names no case');
    await chairPage.goto('/staff/cases');
    await chairPage.getByRole('link', { name: 'Melding openen' }).first().click();
    await chairPage.getByLabel('Ik heb geen persoonlijke relatie met de betrokkenen').check();
    await chairPage.getByRole('button', { name: 'Verklaring vastleggen' }).click();
    await chairPage.getByRole('heading', { name: 'Toegang tot deze melding' }).waitFor();
    await expectAccessible(chairPage, 'case as chair, with access panel');
    expectSameOrigin(requests, server.baseUrl);
    await context.close();
  });
});

describe('commission work pages in a browser', () => {
  it('oral intake, interventions, decision, identity and minutes are accessible; the reporter answers the minutes', async () => {
    const sec = await staffPage(browser, server, secretary);
    await sec.goto('/staff/intake');
    await expectAccessible(sec, 'intake');
    await sec.getByRole('link', { name: 'Melden bij de onafhankelijke integriteitscommissie' }).click();
    await expectAccessible(sec, 'operator mode report form');
    expect(await sec.locator('.utrecht-alert').textContent()).toContain('namens iemand anders');

    const { context } = await newContext(browser, server.baseUrl, { javaScript: false });
    const reporter = await context.newPage();
    const receipt = await reportFromStartPage(reporter, 'Voor de werkpagina’s.', false);
    await sec.goto('/staff/cases');
    await sec.getByRole('link', { name: 'Melding openen' }).first().click();
    await sec.getByLabel('Ik heb geen persoonlijke relatie met de betrokkenen').check();
    await sec.getByRole('button', { name: 'Verklaring vastleggen' }).click();
    await sec.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/);
    for (const part of ['Interventies', 'Besluit en aanbevelingen', 'Identiteit van de melder', 'Gespreksverslagen']) {
      await sec.getByRole('navigation', { name: 'Onderdelen van deze melding' }).getByRole('link', { name: part }).click();
      await expectAccessible(sec, part);
    }
    await sec.getByLabel('Datum van het gesprek').fill('2026-11-22');
    await sec.getByLabel('Verslag', { exact: true }).fill('Wij spraken een uur over het rapport.');
    await sec.getByRole('button', { name: 'Verslag aan de melder voorleggen' }).click();
    await sec.waitForURL(/saved=1/);
    await expectAccessible(sec, 'minutes saved');
    await sec.getByRole('navigation', { name: 'Onderdelen van deze melding' }).getByRole('link', { name: 'Identiteit van de melder' }).click();
    await sec.getByLabel('Waarom is de identiteit nodig?').fill('Voor een gesprek.');
    await sec.getByRole('button', { name: 'Verzoek indienen' }).click();
    await sec.waitForURL(/saved=1/);
    await expectAccessible(sec, 'identity requested');

    const chairPage = await staffPage(browser, server, chair);
    const caseUrl = sec.url().replace(/\/identity.*$/, '');
    await chairPage.goto(new URL(caseUrl).pathname);
    await chairPage.getByLabel('Ik heb geen persoonlijke relatie met de betrokkenen').check();
    await chairPage.getByRole('button', { name: 'Verklaring vastleggen' }).click();
    await chairPage.goto(`${new URL(caseUrl).pathname}/identity`);
    await expectAccessible(chairPage, 'identity decision form');
    await chairPage.getByLabel('Weigeren').check();
    await chairPage.getByLabel('Reden', { exact: true }).fill('Eerst schriftelijke vragen.');
    await chairPage.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await chairPage.waitForURL(/saved=1/);

    await returnWithReceipt(reporter, receipt);
    expect(await reporter.locator('main').textContent()).toContain('Wij spraken een uur over het rapport.');
    await reporter.getByLabel('Er moet iets anders').check();
    await reporter.getByRole('button', { name: 'Antwoord versturen' }).click();
    expect(await reporter.locator('.app-error-summary').textContent()).toContain('Schrijf wat er anders moet');
    expect(await reporter.getByLabel('Er moet iets anders').isChecked()).toBe(true);
    await reporter.getByLabel('Wat moet er anders?').fill('Het waren twee uur.');
    await reporter.getByRole('button', { name: 'Antwoord versturen' }).click();
    await reporter.waitForURL(/sent=1/);
    expect(await reporter.locator('.app-thread').textContent()).toContain('Het waren twee uur.');
    await context.close();

    const withAnswer = await staffPage(browser, server, secretary);
    await withAnswer.goto(`${new URL(caseUrl).pathname}/minutes`);
    expect(await withAnswer.locator('main').textContent()).toContain('De melder corrigeert het verslag');
    await expectAccessible(withAnswer, 'minutes with correction');
  });
});

describe('reporter pages with JavaScript off', () => {
  it('go from the start page to the receipt and back in with it, setting no cookie but the pre-session one before that', async () => {
    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: false });
    const page = await context.newPage();
    const receipt = await reportFromStartPage(page, 'Zonder JavaScript gemeld.', false, { name: 'notitie.txt', text: 'Een notitie als bijlage.' });
    // Only the pre-session cookie (the key to the kept draft): HttpOnly, SameSite=Lax, gone when the browser closes.
    expect((await context.cookies()).map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, expires: c.expires }))).toEqual([{ name: 'tegenspraak-pre', httpOnly: true, sameSite: 'Lax', expires: -1 }]);
    const before = (await context.cookies())[0]!.value;
    await returnWithReceipt(page, receipt);
    expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['tegenspraak-pre', 'tegenspraak-reporter']);
    expect(await page.locator('main').textContent()).toContain('Zonder JavaScript gemeld.');
    expect(await page.getByRole('link', { name: 'notitie.txt' }).count()).toBe(1);
    await page.getByLabel('Uw bericht').fill('Een aanvulling zonder JavaScript.');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    expect(await page.locator('.app-thread').textContent()).toContain('Een aanvulling zonder JavaScript.');
    await page.getByRole('button', { name: 'Weggaan' }).click();
    await page.waitForURL(/\/receipt/);
    // Leaving ends the reporter cookie and forgets the old pre-session one; the receipt form shown next has a new one.
    const after = await context.cookies();
    expect(after.map((c) => c.name)).toEqual(['tegenspraak-pre']);
    expect(after[0]!.value).not.toBe(before);
    expectSameOrigin(requests, server.baseUrl);
    await context.close();
  });
});

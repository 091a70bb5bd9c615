import { solidPng } from '../support/images.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase32 } from '../../src/crypto/encoding.js';
import { issueSetupToken } from '../../src/domain/setup/issue-setup-token.js';
import { currentCode } from '../support/staff.js';
import { startLiveServer } from '../support/live-server.js';
import { expectAccessible, expectSameOrigin, launchBrowser, newContext, type Browser, type Page } from '../support/browser.js';

let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
const admin: { email: string; password: string; secret: Uint8Array } = { email: 'bea@voorbeelden.nl', password: 'ochtendmist boven het veld', secret: new Uint8Array() };

beforeAll(async () => {
  server = await startLiveServer({ organisation: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function totpSecretFrom(page: Page): Promise<Uint8Array> {
  return fromBase32((await page.locator('.app-secret').textContent())!)!;
}

async function enrol(page: Page, password: string): Promise<Uint8Array> {
  const secret = await totpSecretFrom(page);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByLabel(/^(Herhaal het wachtwoord|Repeat the password)$/).fill(password);
  await page.getByLabel(/^(Code uit de app|Code from the app)/).fill(currentCode(server, secret));
  await page.getByRole('button', { name: /Account activeren|Activate account/ }).click();
  return secret;
}

async function logIn(page: Page, email: string, password: string, secret: Uint8Array) {
  server.clock.advance(30_000);
  await page.goto('/login');
  await page.getByLabel(/^(E-mailadres|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByLabel(/authenticator/).fill(currentCode(server, secret));
  await page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
}

describe('the staff journey in a browser, audited by axe-core on every page', () => {
  it('sets up the installation, enrols the administrator, invites a handler, and visits every page', async () => {
    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: true });
    const page = await context.newPage();

    for (const path of ['/', '/?lang=en', '/login', '/login?lang=en', '/recover', '/does-not-exist', '/setup/expired-or-wrong']) {
      await page.goto(path);
      await expectAccessible(page, path);
    }

    const token = await issueSetupToken(server.services);
    await page.goto(`/setup/${token}`);
    await expectAccessible(page, 'setup');
    await page.getByRole('button', { name: 'Inrichten en verdergaan' }).click();
    await expect.poll(() => page.locator('.app-error-summary').count()).toBe(1);
    await expectAccessible(page, 'setup with errors');
    await page.getByLabel('Naam van de organisatie').fill('Ministerie van Voorbeelden');
    await page.getByLabel('Naam', { exact: true }).fill('Bea Beheer');
    await page.getByLabel('E-mailadres').fill('bea@voorbeelden.nl');
    await page.getByRole('button', { name: 'Inrichten en verdergaan' }).click();

    await page.waitForURL(/\/invitation\//);
    await expectAccessible(page, 'enrolment');
    admin.secret = await enrol(page, admin.password);
    await expect.poll(() => page.getByTestId('recovery-key').count()).toBe(1);
    await expectAccessible(page, 'recovery key');

    await page.screenshot({ path: '.tmp/recovery-key.png', fullPage: true });
    await logIn(page, admin.email, admin.password, admin.secret);
    await page.waitForURL(/\/staff$/);
    await expectAccessible(page, 'staff home');
    for (const path of ['/staff/users', '/staff/settings', '/staff/account', '/staff/cases', '/staff/questionnaires', '/staff/questionnaires/commission']) {
      await page.goto(path);
      await expectAccessible(page, path);
    }

    // The organisation's own colours and logo: set, drawn, and still accessible (axe checks the contrast).
    await page.goto('/staff/settings/look');
    await expectAccessible(page, 'look');
    await page.getByLabel('Kleur van de knoppen').fill('#154273');
    await page.getByLabel('Kleur van de links').fill('#01689b');
    await page.getByLabel('Nieuw logo (mag leeg)').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(solidPng(48)) });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('De kleuren en het logo zijn opgeslagen.').count()).toBe(1);
    await expectAccessible(page, 'look saved');
    await page.goto('/');
    await expect.poll(() => page.locator('img.app-logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
    expect(await page.locator('main a.utrecht-link').first().evaluate((a) => getComputedStyle(a).color)).toBe('rgb(1, 104, 155)');
    await expectAccessible(page, 'start page in the organisation look');

    await page.goto('/staff/users');
    await page.getByLabel('Naam', { exact: true }).fill('Sanne Secretariaat');
    await page.getByLabel('E-mailadres').fill('sanne@voorbeelden.nl');
    await page.getByLabel('Secretariaat').check();
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    const invitation = (await page.getByTestId('invitation-link').textContent())!;
    await expectAccessible(page, 'users after invite');
    await page.getByRole('link', { name: 'Sanne Secretariaat' }).click();
    await expectAccessible(page, 'user detail');

    const handler = await (await newContext(browser, server.baseUrl, { javaScript: true })).context.newPage();
    await handler.goto(new URL(invitation).pathname);
    const handlerSecret = await enrol(handler, 'zeilboot op het ijsselmeer');
    await logIn(handler, 'sanne@voorbeelden.nl', 'zeilboot op het ijsselmeer', handlerSecret);
    await handler.goto('/staff/cases');
    expect(await handler.locator('h1').textContent()).toBe('Meldingen');
    await expectAccessible(handler, 'case inbox');

    expectSameOrigin(requests, server.baseUrl);
    await context.close();
  });

  it('the commission founds itself and admits its secretary with the fingerprint she reads out; every page passes axe', async () => {
    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: true });
    const page = await context.newPage();
    await logIn(page, admin.email, admin.password, admin.secret);
    await page.waitForURL(/\/staff$/);
    const invite = async (name: string, email: string, role: string) => {
      await page.goto('/staff/users');
      await page.getByLabel('Naam', { exact: true }).fill(name);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel(role, { exact: true }).check();
      await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      return new URL((await page.getByTestId('invitation-link').textContent())!).pathname;
    };
    const chairLink = await invite('Cor Voorzitter', 'cor@voorbeelden.nl', 'Voorzitter');
    const secretaryLink = await invite('Saar Secretaris', 'saar@voorbeelden.nl', 'Secretariaat');

    const chair = await (await newContext(browser, server.baseUrl, { javaScript: true })).context.newPage();
    await chair.goto(chairLink);
    const chairSecret = await enrol(chair, 'de voorzitter leest alles zorgvuldig');
    await logIn(chair, 'cor@voorbeelden.nl', 'de voorzitter leest alles zorgvuldig', chairSecret);
    await chair.goto('/staff/bodies/commission');
    await expectAccessible(chair, 'body page before founding');
    await chair.getByLabel('Oprichtingsverklaring').fill('Benoemd bij besluit 2026-12 van de minister.');
    await chair.getByRole('button', { name: 'Oprichten en mijzelf toelaten' }).click();
    await expect.poll(() => chair.locator('.utrecht-alert, [role=status], .app-alert').first().textContent()).toContain('opgericht');
    await expectAccessible(chair, 'body page after founding');

    const secretary = await (await newContext(browser, server.baseUrl, { javaScript: false })).context.newPage();
    await secretary.goto(secretaryLink);
    const secretarySecret = await enrol(secretary, 'de secretaris bewaakt de termijnen');
    await logIn(secretary, 'saar@voorbeelden.nl', 'de secretaris bewaakt de termijnen', secretarySecret);
    await secretary.goto('/staff/account');
    const readOut = (await secretary.getByTestId('own-fingerprint').textContent())!;

    // The chair admits her with what she reads out; the form works the same without JavaScript.
    await chair.goto('/staff/bodies/commission');
    await chair.getByLabel('Saar Secretaris').check();
    await chair.getByLabel('Vingerafdruk zoals de persoon die voorleest').fill('0000 0000 0000 0000');
    await chair.getByLabel('Secretariaat', { exact: true }).check();
    await chair.getByRole('button', { name: 'Toelaten' }).click();
    await expect.poll(() => chair.locator('.app-error-summary').count()).toBe(1);
    await expectAccessible(chair, 'admission with a wrong fingerprint');
    await chair.getByLabel('Vingerafdruk zoals de persoon die voorleest').fill(readOut);
    await chair.getByRole('button', { name: 'Toelaten' }).click();
    await chair.waitForURL(/done=admitted/);
    expect(await chair.locator('table').textContent()).toContain('Saar Secretaris');
    await chair.screenshot({ path: '.tmp/body-page.png', fullPage: true });

    await chair.goto('/staff');
    expect(await chair.locator('#notices-title').count()).toBe(1);
    await expectAccessible(chair, 'staff home with notices');
    for (const path of ['/staff/bodies', '/staff/commission-settings', '/staff/account']) {
      await chair.goto(path);
      await expectAccessible(chair, path);
    }
    // The start page names both readers with their fingerprints.
    await page.goto('/');
    expect(await page.locator('#main-content, main').first().textContent()).toContain(readOut);
    await expectAccessible(page, 'start page with readers');
    expectSameOrigin(requests, server.baseUrl);
    await context.close();
  });

  it('the audit itself is live: it catches a field without a label', async () => {
    const { context } = await newContext(browser, server.baseUrl, { javaScript: true });
    const page = await context.newPage();
    await page.goto('/login');
    await page.evaluate(() => document.querySelector('label[for="field-email"]')!.remove());
    await expect(expectAccessible(page, 'broken login')).rejects.toThrow(/label/);
    await context.close();
  });
});

describe('with JavaScript off (Tor Browser "Safest")', () => {
  it('every public page works and staff can log in', async () => {
    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: false });
    const page = await context.newPage();
    for (const path of ['/', '/?lang=en', '/login', '/recover']) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(200);
      expect(await page.locator('h1').count(), path).toBe(1);
    }
    await page.goto('/login?lang=en');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.locator('.app-error-summary').textContent()).toContain('Enter a valid e-mail address');
    expect(page.url()).toContain('lang=en');

    await logIn(page, admin.email, admin.password, admin.secret);
    await page.waitForURL(/\/staff$/);
    await page.goto('/staff/account');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/login/);
    expect((await page.goto('/staff/users'))!.url()).toMatch(/\/login$/);

    await page.goto('/recover');
    await page.getByLabel('E-mailadres').fill('bea@voorbeelden.nl');
    await page.getByRole('button', { name: 'Nieuw wachtwoord instellen' }).click();
    await expect.poll(() => page.locator('.app-error-summary').count()).toBe(1);
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('bea@voorbeelden.nl');
    expectSameOrigin(requests, server.baseUrl);
    await context.close();
  });
});

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

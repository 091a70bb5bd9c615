import { currentCode, type TestStaff } from './staff.js';
import { newContext, type Browser, type Page } from './browser.js';
import type { TestApp } from './test-app.js';

/** A staff member signed in through the real log-in page, in a browser of their own. */
export async function staffPage(browser: Browser, server: TestApp & { baseUrl: string }, account: TestStaff, options: { javaScript: boolean } = { javaScript: true }): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl, options)).context.newPage();
  server.clock.advance(30_000);
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord').fill(account.password);
  await page.getByLabel(/authenticator/).fill(currentCode(server, account.totpSecret));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/staff$/);
  return page;
}

/** Opens a case from the inbox for the first time: the declaration, then the case page. */
export async function openCaseFirstTime(page: Page, caseId: string): Promise<void> {
  await page.goto(`/staff/cases/${caseId}`);
  await page.getByLabel('Ik heb geen persoonlijke relatie met de betrokkenen').check();
  await page.getByRole('button', { name: 'Verklaring vastleggen' }).click();
  await page.waitForURL(new RegExp(`/staff/cases/${caseId}$`));
}

/** A reporter returns with their receipt and lands on their own page. */
export async function returnWithReceipt(page: Page, receipt: string): Promise<void> {
  await page.goto('/receipt');
  await page.getByLabel('Ontvangstcode').fill(receipt);
  await page.getByRole('button', { name: 'Bekijken' }).click();
  await page.waitForURL(/\/my-report/);
}

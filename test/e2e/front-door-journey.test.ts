import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { caseIdentities, cases } from '../../src/db/schema.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { declareNoRelation, reportOnRoute } from '../support/reporting.js';
import { startLiveServer } from '../support/live-server.js';
import { openCaseFirstTime, staffPage, returnWithReceipt } from '../support/browser-flows.js';
import { expectAccessible, expectSameOrigin, launchBrowser, newContext, type Browser, type Page } from '../support/browser.js';

// The employee's side runs with JavaScript off (Tor Browser "Safest"); staff pages with it on.
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let panel: TestStaff;
let advisor: TestStaff;
let secretary: TestStaff;

beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchBrowser();
  panel = await createStaff(server, ['ethics_panel_member']);
  advisor = await createStaff(server, ['confidential_advisor']);
  secretary = await createStaff(server, ['secretary']);
  await createStaff(server, ['chair']);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function employee(): Promise<{ page: Page; requests: string[]; close(): Promise<void> }> {
  const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: false });
  return { page: await context.newPage(), requests, close: () => context.close() };
}

const answer = (page: Page, question: string | RegExp, option: string) => page.getByRole('group', { name: question }).getByLabel(option, { exact: true }).check();
const newestCase = async (route: string) => (await server.services.db.select().from(cases).where(eq(cases.routeCode, route)).orderBy(desc(cases.receivedAt)).limit(1))[0]!;
const commissionCount = async () => (await server.services.db.select({ id: cases.id }).from(cases).where(eq(cases.routeCode, 'commission'))).length;

async function send(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Versturen' }).click();
  return (await page.getByTestId('receipt').textContent())!;
}


describe('the front door without JavaScript', () => {
  it('self-check to result to a prefilled report', async () => {
    const { page, requests, close } = await employee();
    await page.goto('/');
    await page.getByRole('link', { name: 'Is dit oneigenlijke druk?' }).click();
    await answer(page, /buiten de gewone lijn/, 'Ja');
    await answer(page, /met kracht/, 'Ja');
    await answer(page, /wát er van u gevraagd wordt/, 'Ja');
    await answer(page, /mensen in uw vak/, 'Weet ik niet');
    await page.getByRole('button', { name: 'Verder' }).click();
    await answer(page, /vaker of was het één keer/, 'Vaker');
    await answer(page, /beoordeling, loopbaan of contract/, 'Ja');
    await page.getByRole('group', { name: /publiek belang/ }).getByLabel('Beleid op verkeerde informatie').check();
    await answer(page, /Van wie komt de druk/, 'Een directeur of de top van de organisatie');
    await answer(page, /collega’s dit herkennen/, 'Ja');
    await page.getByRole('button', { name: 'Naar de uitkomst' }).click();
    const result = (await page.locator('main').textContent())!;
    expect(result).toContain('lijkt op oneigenlijke druk');
    expect(result).toContain('Dit wordt alvast ingevuld:');
    await page.getByRole('button', { name: 'Melding beginnen met deze antwoorden' }).click();
    await page.getByLabel(/^Anoniem/).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    expect(await page.getByLabel(/^Oneigenlijke druk/).isChecked()).toBe(true);
    await page.getByLabel('Wat is er gebeurd?').fill('Na de zelftest: het rapport moest anders.');
    await page.getByRole('button', { name: 'Verder' }).click();
    expect(await page.getByLabel('Een directeur').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Verder' }).click();
    expect(await page.getByLabel('Beleid gebouwd op verkeerde informatie').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Een onderzoek').check();
    await page.getByRole('button', { name: 'Verder' }).click();
    const receipt = await send(page);
    await returnWithReceipt(page, receipt);
    const mine = (await page.locator('main').textContent())!;
    expect(mine).toContain('Na de zelftest: het rapport moest anders.');
    expect(mine).toContain('Beleid gebouwd op verkeerde informatie');
    await page.goto('/route-finder');
    await page.getByLabel('Dat iemand er iets aan doet').check();
    await page.getByLabel('Over iets wat ik zag of weet').check();
    await page.getByLabel('Nee, of ik weet het niet').check();
    await page.getByRole('button', { name: 'Laat zien wat past' }).click();
    expect(await page.getByText('Past bij uw antwoorden', { exact: true }).count()).toBe(3);
    // The answers are not in the address, so not in the browser's history either.
    expect(new URL(page.url()).search).toBe('');
    expectSameOrigin(requests, server.baseUrl);
    await close();
  });

  it('a moral question is answered and read back; it becomes a report only with consent', async () => {
    const { page, close } = await employee();
    await page.goto('/report/ethics');
    await page.getByLabel(/^Anoniem/).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Wat is uw morele vraag?').fill('Mag ik cijfers weglaten die de wethouder niet uitkomen?');
    await page.getByRole('button', { name: 'Verder' }).click();
    const receipt = await send(page);
    const caseId = (await newestCase('ethics')).id;

    const member = await staffPage(browser, server, panel);
    await openCaseFirstTime(member, caseId);
    await member.getByLabel('Uw bericht').fill('Nee. Cijfers weglaten maakt het advies onjuist.');
    await member.getByRole('button', { name: 'Versturen aan de melder' }).click();
    await member.waitForURL(/done=message/);
    await member.getByRole('navigation', { name: 'Onderdelen van deze melding' }).getByRole('link', { name: 'Doorzetten naar de commissie' }).click();
    await expectAccessible(member, 'transfer proposal');
    expect(await member.getByLabel('Tekst die naar de commissie gaat').inputValue()).toContain('Mag ik cijfers weglaten');
    await member.getByLabel('Oneigenlijke druk', { exact: true }).check();
    await member.getByLabel('Uitleg aan de melder').fill('Dit lijkt oneigenlijke druk; de commissie kan het onderzoeken.');
    await member.getByRole('button', { name: 'Voorstel sturen' }).click();
    await member.waitForURL(/saved=1/);

    await returnWithReceipt(page, receipt);
    expect(await page.locator('.app-thread').textContent()).toContain('Cijfers weglaten maakt het advies onjuist.');
    const before = await commissionCount();
    await page.getByLabel('Nee, niet voorleggen').check();
    await page.getByRole('button', { name: 'Keuze versturen' }).click();
    await page.waitForURL(/sent=1/);
    expect(await commissionCount()).toBe(before);
    expect(await page.locator('.app-thread').textContent()).toContain('stemt niet in');

    await member.reload();
    await member.getByLabel('Oneigenlijke druk', { exact: true }).check();
    await member.getByLabel('Uitleg aan de melder').fill('Wij vragen het nog één keer.');
    await member.getByRole('button', { name: 'Voorstel sturen' }).click();
    await member.waitForURL(/saved=1/);
    await page.goto('/my-report');
    await page.getByLabel('Een onderzoek').check();
    await page.getByLabel('Ja, leg dit voor aan de commissie').check();
    await page.getByRole('button', { name: 'Keuze versturen' }).click();
    const newReceipt = (await page.getByTestId('receipt').textContent())!;
    expect(newReceipt).not.toBe(receipt);
    expect(await commissionCount()).toBe(before + 1);
    await close();
  });

  it('a confidential advisor forwards with consent, and the name never reaches the commission', async () => {
    const { page, close } = await employee();
    await page.goto('/report/advisor');
    await page.getByLabel(/^Vertrouwelijk/).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Waarover wilt u praten?').fill('Mijn directeur dreigt met mijn contract.');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Naam').fill('Fleur Vertrouwelijk');
    await page.getByLabel('Hoe kunnen we u bereiken?').fill('fleur@prive.example');
    await page.getByRole('button', { name: 'Verder' }).click();
    const receipt = await send(page);
    const caseId = (await newestCase('advisor')).id;

    const adv = await staffPage(browser, server, advisor);
    await openCaseFirstTime(adv, caseId);
    expect(await adv.locator('main').textContent()).toContain('Fleur Vertrouwelijk');
    await adv.goto('/staff/registrations');
    await expectAccessible(adv, 'advisor registration');
    await adv.goto(`/staff/cases/${caseId}/transfer`);
    await adv.getByLabel('Oneigenlijke druk', { exact: true }).check();
    await adv.getByLabel('Tekst die naar de commissie gaat').fill('Een medewerker wordt door een directeur onder druk gezet met het contract.');
    await adv.getByLabel('Uitleg aan de melder').fill('Met uw toestemming leg ik dit anoniem voor.');
    await adv.getByRole('button', { name: 'Voorstel sturen' }).click();
    await adv.waitForURL(/saved=1/);

    await returnWithReceipt(page, receipt);
    expect(await page.locator('main').textContent()).toContain('Een medewerker wordt door een directeur onder druk gezet met het contract.');
    await page.getByLabel('Een gesprek met de betrokkene').check();
    await page.getByLabel('Ja, leg dit voor aan de commissie').check();
    await page.getByRole('button', { name: 'Keuze versturen' }).click();
    await page.getByTestId('receipt').waitFor();
    await close();

    const forwarded = await newestCase('commission');
    expect(forwarded.anonymity).toBe('anonymous');
    expect(await server.services.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, forwarded.id))).toHaveLength(0);
    const commission = await staffPage(browser, server, secretary);
    await openCaseFirstTime(commission, forwarded.id);
    const screen = (await commission.locator('main').textContent())!;
    expect(screen).toContain('onder druk gezet met het contract');
    expect(screen).not.toContain('Fleur');
    expect(screen).not.toContain('fleur@prive.example');
    await commission.goto('/staff/cases');
    expect(await commission.locator('main').textContent()).not.toContain('Fleur');
  });

  it('every page of the front door passes axe-core (with JavaScript on, which axe needs)', async () => {
    const receipt = await reportOnRoute(server, 'ethics', [{ QUESTION: 'Een vraag voor de toegankelijkheidscontrole.' }]);
    const caseId = (await newestCase('ethics')).id;
    const member = await logInAs(server, panel);
    await declareNoRelation(member, caseId);
    expect((await member.submit(`/staff/cases/${caseId}/transfer`, `/staff/cases/${caseId}/transfer`, { kind: 'improper_pressure', carried: 'Tekst.', explanation: 'Uitleg.' })).status).toBe(303);

    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: true });
    const page = await context.newPage();
    for (const path of ['/', '/?lang=en', '/self-check', '/self-check?lang=en', '/route-finder', '/report/risk_signal']) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    await page.goto('/route-finder');
    await page.getByLabel('Begrijpen wat er gebeurt').check();
    await page.getByRole('button', { name: 'Laat zien wat past' }).click();
    await expect.poll(() => page.getByText('Past bij uw antwoorden', { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'route finder results');
    await page.goto('/self-check');
    await page.getByRole('button', { name: 'Verder' }).click();
    await expectAccessible(page, 'self-check seriousness');
    await page.getByRole('button', { name: 'Naar de uitkomst' }).click();
    await expectAccessible(page, 'self-check result');
    await page.getByRole('button', { name: 'Vraag beginnen met deze antwoorden' }).click();
    await expectAccessible(page, 'prefilled question');
    await returnWithReceipt(page, receipt);
    await expectAccessible(page, 'consent question');
    await page.getByLabel('Ja, leg dit voor aan de commissie').check();
    await page.getByRole('button', { name: 'Keuze versturen' }).click();
    await expectAccessible(page, 'consent without a wish, with errors');
    await page.getByLabel('Advies').check();
    await page.getByRole('button', { name: 'Keuze versturen' }).click();
    await page.getByTestId('receipt').waitFor();
    await expectAccessible(page, 'new receipt after consent');
    expectSameOrigin(requests, server.baseUrl);
    await context.close();
  });
});

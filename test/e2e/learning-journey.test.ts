import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dilemmaProposals, organisations, teamParticipants, teamRounds, teamSessions } from '../../src/db/schema.js';
import { createStaff, type TestStaff } from '../support/staff.js';
import { startLiveServer } from '../support/live-server.js';
import { staffPage } from '../support/browser-flows.js';
import { expectAccessible, expectSameOrigin, launchBrowser, newContext, type Browser, type BrowserContext, type Page } from '../support/browser.js';

// Issue 16 in a real browser: the ethics panel sets the minimum and writes dilemmas, a team plays a
// dilemma session with JavaScript off on their own laptops and phones while the facilitator leads it,
// someone plays alone, a moral deliberation is led step by step; every page passes axe-core.
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let facilitator: TestStaff;
let panel: TestStaff;

const confrontBoss = 'Je eigen directeur aanspreken';
const rewriteStudy = 'Onwelgevallige passages in een onafhankelijk onderzoek';

beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchBrowser();
  [facilitator, panel] = await Promise.all([createStaff(server, ['facilitator']), createStaff(server, ['ethics_panel_member'])]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const db = () => server.services.db;
const main = (page: Page) => page.locator('main').innerText();

/** A participant's own device with JavaScript off: a laptop, or a phone. */
async function participantContext(phone = false): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: server.baseUrl,
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, page: await context.newPage(), requests };
}

/** Joining by typing the code at /join, as one reads it off the facilitator's screen. */
async function joinWith(page: Page, code: string) {
  await page.goto('/join');
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await page.waitForURL(/\/team$/);
  expect(await page.locator('h1').innerText()).toBe('U doet mee');
}

/** Clicks and waits for the next page to have loaded (the address may stay the same). */
async function andLoad(page: Page, action: () => Promise<void>) {
  await Promise.all([page.waitForEvent('load'), action()]);
}

async function refresh(page: Page) {
  await andLoad(page, () => page.getByRole('link', { name: 'Vernieuwen' }).click());
}

/** Chooses an option and sends it; the page after it says the vote counted. */
async function vote(page: Page, option: RegExp, how: 'click' | 'tap' = 'click') {
  await page.getByLabel(option)[how]();
  expect(await page.getByLabel(option).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Kies', exact: true })[how]();
  await expect.poll(() => main(page)).toContain('Uw keuze is meegeteld');
  expect(new URL(page.url()).pathname).toBe('/team');
}

async function facilitatorStep(page: Page, button: string) {
  await andLoad(page, () => page.getByRole('button', { name: button }).click());
  await page.waitForURL(/\/staff\/learning\/sessions\/[0-9a-f-]{36}$/);
}

async function roundCounts(sessionId: string): Promise<number[][]> {
  const rows = await db().select().from(teamRounds).where(eq(teamRounds.sessionId, sessionId)).orderBy(teamRounds.position);
  return rows.map((row) => row.counts);
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

describe('learning in the browser', () => {
  it('the ethics panel sets the minimum to 3 and writes a dilemma; its pages pass axe', async () => {
    const page = await staffPage(browser, server, panel);
    await page.getByRole('link', { name: 'Dilemmabibliotheek' }).first().click();
    await page.waitForURL(/\/staff\/library$/);
    await expectAccessible(page, 'the curated library');
    // Below three is refused at the field, and the page stays accessible.
    await page.getByLabel('Minimum aantal keuzes').fill('2');
    await page.getByRole('button', { name: 'Minimum bewaren' }).click();
    await expect.poll(() => main(page)).toContain('Vul een heel getal in van 3 tot en met 50.');
    await expectAccessible(page, 'the curated library with an error');
    await page.getByLabel('Minimum aantal keuzes').fill('3');
    await page.getByRole('button', { name: 'Minimum bewaren' }).click();
    await page.waitForURL(/\/staff\/library$/);
    expect(await page.getByLabel('Minimum aantal keuzes').inputValue()).toBe('3');
    const [org] = await db().select({ k: organisations.dilemmaMinCount }).from(organisations).where(eq(organisations.id, server.organisationId));
    expect(org!.k).toBe(3);

    // An existing dilemma in the editor.
    await page.getByRole('link', { name: confrontBoss }).click();
    await page.waitForURL(/\/staff\/library\/[0-9a-f-]{36}$/);
    expect(await page.getByLabel('Titel (Nederlands)').inputValue()).toBe(confrontBoss);
    await expectAccessible(page, 'the dilemma editor with a seed dilemma');

    // A new one: empty first (the error state), then written in both languages and saved as a draft.
    await page.goto('/staff/library/new');
    await expectAccessible(page, 'a new dilemma');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => page.locator('.app-error-summary').count()).toBe(1);
    await expectAccessible(page, 'a new dilemma with errors');
    const fields: [string, string][] = [
      ['Titel', 'Een overleg dat niet genotuleerd mag worden'],
      ['Situatie', 'De directeur vraagt om een overleg met een bedrijf niet te notuleren, omdat het "maar verkennend" is.'],
      ['Vraag', 'Notuleer je het toch?'],
      ['Keuzes', 'Ja\nNee\nIk vraag eerst waarom'],
      ['Afwegingen: waarden', 'Openheid en loyaliteit.'],
      ['Afwegingen: rollen en verantwoordelijkheden', 'De directeur besluit, jij legt vast.'],
      ['Reflectie van het ethiekpanel', 'Wat niet vastligt, kan niet worden getoetst.'],
      ['Vragen voor het gesprek in het team', 'Wat zou jij doen?'],
    ];
    for (const [label, value] of fields) {
      await page.getByLabel(`${label} (Nederlands)`).fill(value);
      await page.getByLabel(`${label} (Engels)`).fill(value.replace('Ja\nNee\nIk vraag eerst waarom', 'Yes\nNo\nI first ask why'));
    }
    await page.getByRole('group', { name: 'Thema' }).getByLabel('Belangenverstrengeling').check();
    await page.getByRole('group', { name: 'Voor wie' }).getByLabel('medewerker').check();
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.waitForURL(/\/staff\/library\/[0-9a-f-]{36}$/);
    expect(await main(page)).toContain('Status: Concept.');
    await expectAccessible(page, 'a saved draft');
  });

  it('runs a team session with JavaScript off on four devices: one vote each, Back and reload count nothing twice, suppressed below 3', async () => {
    // The minimum is 3, set by the panel above; made sure of here so this test also runs alone.
    await db().update(organisations).set({ dilemmaMinCount: 3 }).where(eq(organisations.id, server.organisationId));
    const lead = await staffPage(browser, server, facilitator);
    await lead.getByRole('link', { name: 'Leren' }).first().click();
    await lead.waitForURL(/\/staff\/learning$/);
    await expectAccessible(lead, 'the facilitator’s learning page');
    await lead.getByRole('link', { name: 'Een dilemmasessie beginnen' }).click();
    await expectAccessible(lead, 'a new session');
    await lead.getByRole('button', { name: 'Sessie beginnen' }).click();
    await expect.poll(() => lead.locator('.app-error-summary').count()).toBe(1);
    await expectAccessible(lead, 'a new session without dilemmas');
    await lead.getByLabel('Naam van de sessie').fill('Team Vergunningen, 2 december');
    await lead.getByRole('group', { name: 'Dilemma\'s' }).getByLabel(confrontBoss).check();
    await lead.getByRole('group', { name: 'Dilemma\'s' }).getByLabel(rewriteStudy).check();
    await lead.getByRole('button', { name: 'Sessie beginnen' }).click();
    await lead.waitForURL(/\/staff\/learning\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = lead.url().split('/').pop()!;
    // Played in the library's order, which the seed does not fix: the screen says which comes first.
    const first = (await lead.locator('#round-heading').innerText()).trim();
    expect([confrontBoss, rewriteStudy]).toContain(first);
    const second = first === confrontBoss ? rewriteStudy : confrontBoss;
    await expectAccessible(lead, 'the session screen, waiting');
    const code = (await lead.getByTestId('join-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    // Four people with JavaScript off (one on a phone), and one with it on whose pages axe checks.
    const devices = [await participantContext(), await participantContext(true), await participantContext(), await participantContext()];
    const [laptop, phone, backer, reloader] = devices.map((d) => d.page) as [Page, Page, Page, Page];
    const audited = (await newContext(browser, server.baseUrl, { javaScript: true })).context;
    const checker = await audited.newPage();

    await checker.goto('/join');
    await expectAccessible(checker, 'join');
    await checker.getByLabel('Code', { exact: true }).fill('ZZZZZ-ZZZZ9');
    await checker.getByRole('button', { name: 'Meedoen' }).click();
    await expect.poll(() => checker.locator('.app-error-summary').count()).toBe(1);
    expect(await main(checker)).toContain('Met deze code is er nu geen sessie.');
    await expectAccessible(checker, 'join with a wrong code');
    await checker.getByLabel('Code', { exact: true }).fill('abc');
    await checker.getByRole('button', { name: 'Meedoen' }).click();
    await expect.poll(() => main(checker)).toContain('tien letters en cijfers');
    await expectAccessible(checker, 'join with a code of the wrong shape');

    // Everyone at once, typed as people type: lower case, a space instead of the dash.
    await Promise.all([joinWith(laptop, code), joinWith(phone, code.toLowerCase().replace('-', ' ')), joinWith(backer, code), joinWith(reloader, code.toLowerCase()), joinWith(checker, code)]);
    await expectAccessible(checker, 'the participant waiting');
    // The phone's page fits the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await lead.reload();
    expect(await lead.getByTestId('session-status').innerText()).toContain('5 deelnemers');

    // Round 1: open, everyone refreshes and votes.
    await facilitatorStep(lead, 'Ronde openen');
    expect(await lead.getByTestId('session-status').innerText()).toContain('Ronde open');
    await expectAccessible(lead, 'the session screen, voting');
    await Promise.all([laptop, phone, backer, reloader, checker].map((page) => refresh(page)));
    for (const page of [laptop, phone, backer, reloader, checker]) expect(await page.locator('h1').innerText()).toBe(first);
    await expectAccessible(checker, 'the participant voting');

    await vote(laptop, /^A\. /);
    expect(await main(laptop)).toContain('Uw keuze is meegeteld');
    await vote(phone, /^B\. /, 'tap');
    // Back after voting: every page is no-store, so the browser asks again and gets the vote counted, no form.
    const staleForm = await backer.content();
    await vote(backer, /^B\. /);
    await backer.goBack();
    expect(new URL(backer.url()).pathname).toBe('/team');
    expect(await main(backer)).toContain('Uw keuze is meegeteld');
    expect(await backer.getByRole('button', { name: 'Kies', exact: true }).count()).toBe(0);
    // A browser that keeps the old page for Back anyway (a back-forward cache) shows the form again:
    // served here as it was, then another choice submitted from it. Still one vote.
    await backer.goForward();
    await backer.route('**/team', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: staleForm }), { times: 1 });
    await backer.goBack();
    await backer.unrouteAll();
    expect(await backer.getByRole('button', { name: 'Kies', exact: true }).count()).toBe(1);
    await vote(backer, /^C\. /);
    // A reload of the voting page, a vote, and a reload of the page after it.
    await reloader.reload();
    expect(await reloader.getByRole('button', { name: 'Kies', exact: true }).count()).toBe(1);
    await vote(reloader, /^C\. /);
    await reloader.reload();
    expect(await main(reloader)).toContain('Uw keuze is meegeteld');
    await vote(checker, /^B\. /);
    await expectAccessible(checker, 'the participant after voting');

    await andLoad(lead, () => lead.getByRole('link', { name: 'Vernieuwen' }).click());
    expect(/(\d+) keuzes binnen\./.exec(await main(lead))?.[1], 'votes on the facilitator’s screen').toBe('5');
    // While the vote is open the facilitator sees how many voted, not how.
    expect(await lead.getByTestId('distribution').count()).toBe(0);
    const [firstRound] = await roundCounts(sessionId);
    expect(sum(firstRound!)).toBe(5);
    expect(firstRound!.slice(0, 3)).toEqual([1, 3, 1]);

    await facilitatorStep(lead, 'Ronde sluiten en uitkomst tonen');
    const distribution = lead.getByTestId('distribution');
    expect(await distribution.count()).toBe(1);
    expect(await distribution.innerText()).toContain('5 keuzes');
    expect(await distribution.innerText()).toContain('60\u00a0%');
    await expectAccessible(lead, 'the session screen, discussing');
    await refresh(phone);
    expect(await phone.getByTestId('distribution').count()).toBe(1);
    expect(await phone.getByTestId('distribution').innerText()).toContain('5 keuzes');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await refresh(checker);
    await expectAccessible(checker, 'the participant’s outcome');
    // The facilitator writes down what the team concluded.
    await lead.getByLabel(`Conclusie bij: ${first}`).fill('We spreken elkaar aan in het werkoverleg, niet op de gang.');
    await facilitatorStep(lead, 'Conclusie bewaren');

    // Round 2: two votes, fewer than the minimum of 3: the distribution stays hidden everywhere.
    await facilitatorStep(lead, 'Volgende dilemma');
    expect(await lead.locator('#round-heading').innerText()).toBe(second);
    await refresh(laptop);
    await refresh(backer);
    await vote(laptop, /^A\. /);
    await vote(backer, /^B\. /);
    await facilitatorStep(lead, 'Ronde sluiten en uitkomst tonen');
    expect(await lead.getByTestId('distribution').count()).toBe(0);
    expect(await main(lead)).toContain('zodra minstens 3 mensen');
    await expectAccessible(lead, 'the session screen, discussing below the minimum');
    await refresh(laptop);
    expect(await laptop.getByTestId('distribution').count()).toBe(0);
    expect(await main(laptop)).toContain('zodra minstens 3 mensen');
    expect(sum((await roundCounts(sessionId))[1]!)).toBe(2);

    // The end: the code and every participant forgotten, the outcome kept.
    await facilitatorStep(lead, 'Sessie beëindigen');
    expect(await lead.getByTestId('join-code').count()).toBe(0);
    await expectAccessible(lead, 'the session screen, ended');
    expect(await db().select().from(teamParticipants).where(eq(teamParticipants.sessionId, sessionId))).toEqual([]);
    await refresh(reloader);
    expect(reloader.url()).toMatch(/\/join\?ended=1$/);
    expect(await main(reloader)).toContain('Deze sessie is afgelopen');
    await facilitatorStep(lead, 'Uitkomst bewaren');
    expect(await main(lead)).toContain('De uitkomst is bewaard.');
    expect(await main(lead)).toContain('We spreken elkaar aan in het werkoverleg');
    expect(await lead.getByTestId('distribution').count()).toBe(1);
    await expectAccessible(lead, 'the session screen, kept');
    const [kept] = await db().select().from(teamSessions).where(eq(teamSessions.id, sessionId));
    expect(kept!.kept).toBe(true);
    expect(kept!.state).toBe('ended');
    // The final total: five votes in round one, whatever Back and reload did.
    expect((await roundCounts(sessionId)).map(sum)).toEqual([5, 2]);

    for (const d of devices) {
      expectSameOrigin(d.requests, server.baseUrl);
      await d.context.close();
    }
    await audited.close();
  });

  it('plays alone with JavaScript off: filter by theme, choose, read the reflection, no cookie', async () => {
    const { context, page, requests } = await participantContext();
    await page.goto('/dilemmas');
    await page.getByLabel('Thema').selectOption({ label: 'Vertrouwelijke informatie' });
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/\/dilemmas\?theme=confidential_information/);
    const titles = await page.locator('main h2 a').allInnerTexts();
    expect(titles).toEqual(['Vertrouwelijke voorkennis en de toets van openbaarheid']);
    await page.getByRole('link', { name: titles[0]! }).click();
    await page.waitForURL(/\/dilemmas\/[0-9a-f-]{36}$/);
    await page.getByLabel(/^B\. /).check();
    await page.getByRole('button', { name: 'Kies en lees verder' }).click();
    await page.waitForURL(/\/reflection$/);
    expect(await main(page)).toContain('Hoe anderen kozen');
    expect(await main(page)).toContain('Reflectie van het ethiekpanel');
    // One choice, below the minimum: hidden.
    expect(await main(page)).toMatch(/zodra minstens \d+ mensen/);
    expect(await context.cookies()).toEqual([]);
    expectSameOrigin(requests, server.baseUrl);
    await context.close();
  });

  it('passes axe on the library, a dilemma, its reflection, the submission form and the guides', async () => {
    const { context } = await newContext(browser, server.baseUrl, { javaScript: true });
    const page = await context.newPage();
    await page.goto('/dilemmas');
    await expectAccessible(page, '/dilemmas');
    await page.goto('/dilemmas?lang=en');
    expect(await page.locator('h1').innerText()).toBe('Dilemmas');
    await expectAccessible(page, '/dilemmas in English');
    await page.goto('/dilemmas?theme=political_pressure&role=manager');
    await expectAccessible(page, '/dilemmas filtered');
    await page.goto('/dilemmas');
    await page.getByRole('link', { name: rewriteStudy }).click();
    await page.waitForURL(/\/dilemmas\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'a dilemma');
    await page.getByRole('button', { name: 'Kies en lees verder' }).click();
    await expect.poll(() => page.locator('.app-error-summary').count()).toBe(1);
    await expectAccessible(page, 'a dilemma without a choice');
    await page.getByLabel(/^A\. /).check();
    await page.getByRole('button', { name: 'Kies en lees verder' }).click();
    await page.waitForURL(/\/reflection$/);
    await expectAccessible(page, 'a reflection');

    await page.goto('/dilemmas/submit');
    await expectAccessible(page, '/dilemmas/submit');
    await page.getByRole('button', { name: 'Versleuteld versturen aan het ethiekpanel' }).click();
    await expect.poll(() => page.locator('.app-error-summary').count()).toBe(1);
    await expectAccessible(page, '/dilemmas/submit with an error');
    await page.getByLabel('De situatie').fill('Mijn teamleider vroeg mij een onwelgevallig cijfer uit een notitie weg te laten voor het overleg.');
    await page.getByRole('button', { name: 'Versleuteld versturen aan het ethiekpanel' }).click();
    await page.waitForURL(/\/dilemmas\/submitted$/);
    await expectAccessible(page, 'submitted');
    expect(await db().select().from(dilemmaProposals).where(eq(dilemmaProposals.source, 'employee'))).toHaveLength(1);

    for (const path of ['/good-conversation', '/good-conversation/employee', '/good-conversation/manager']) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    await context.close();
  });

  it('leads a moral deliberation step by step to its result; each page passes axe', async () => {
    const lead = await staffPage(browser, server, facilitator);
    await lead.goto('/staff/learning');
    await lead.getByLabel('Naam van het beraad').fill('Beraad team Handhaving');
    await lead.getByRole('button', { name: 'Moreel beraad beginnen' }).click();
    await lead.waitForURL(/\/staff\/learning\/deliberations\/[0-9a-f-]{36}$/);
    const path = new URL(lead.url()).pathname;
    expect(await lead.locator('.app-progress').innerText()).toContain('stap 1 van 6');
    await expectAccessible(lead, 'a deliberation step');
    await lead.getByLabel('Aantekeningen bij: De casus').fill('Een inspecteur kreeg het verzoek een rapport te verzachten.');
    await lead.getByRole('button', { name: 'Volgende stap' }).click();
    await lead.waitForURL(/step=2$/);
    await expectAccessible(lead, 'a deliberation step, the second');
    // Going straight to another step keeps what was typed at this one.
    await lead.getByLabel('Aantekeningen bij: De morele vraag').fill('Mag ik dit weigeren?');
    await lead.getByRole('button', { name: 'Wat nodig is om te handelen' }).click();
    await lead.waitForURL(/step=6$/);
    await lead.goto(`${path}?step=2`);
    expect(await lead.getByLabel('Aantekeningen bij: De morele vraag').inputValue()).toBe('Mag ik dit weigeren?');
    await lead.goto(`${path}?step=6`);
    await lead.getByLabel('Aantekeningen bij: Wat nodig is om te handelen').fill('Het team wil een vast moment voor tegenspraak.');
    await lead.getByRole('button', { name: 'Afronden' }).click();
    await lead.waitForURL(new RegExp(`${path}/result$`));
    expect(await main(lead)).toContain('Een inspecteur kreeg het verzoek');
    expect(await main(lead)).toContain('Het team wil een vast moment');
    await expectAccessible(lead, 'a deliberation result');
    // Without everyone's consent nothing goes to the panel: the error state.
    await lead.getByLabel('De casus, zonder namen').fill('Een inspecteur werd gevraagd een rapport te verzachten na contact met het bedrijf.');
    await lead.getByRole('button', { name: 'Versleuteld voorleggen' }).click();
    await expect.poll(() => lead.locator('.app-error-summary').count()).toBe(1);
    await expectAccessible(lead, 'a deliberation result without consent');
  });
});

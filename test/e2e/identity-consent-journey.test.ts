import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { caseIdentities, cases, identityRequests } from '../../src/db/schema.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { startLiveServer } from '../support/live-server.js';
import { returnWithReceipt, staffPage } from '../support/browser-flows.js';
import { expectAccessible, expectSameOrigin, launchBrowser, newContext, type Browser } from '../support/browser.js';

// The reporter decides about their name (issue 11): the consent page works with JavaScript off,
// and it, the notice that leads to it and the handlers' identity page pass axe-core.
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
let chair: TestStaff;
let member: TestStaff;

beforeAll(async () => {
  server = await startLiveServer();
  browser = await launchBrowser();
  await createStaff(server, ['secretary']);
  chair = await createStaff(server, ['chair']);
  member = await createStaff(server, ['commission_member']);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A confidential report whose identity request the chair has granted: it waits for the reporter. */
async function grantedRequest(name: string): Promise<{ receipt: string; caseId: string; requestId: string }> {
  const receipt = await reportThroughForm(server, { KIND: 'improper_pressure', WHAT: 'Het rapport moest anders.', WANT: ['investigation'] }, { anonymity: 'confidential', identity: { name, contact: 'prive@example.org' } });
  const caseId = (await server.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1))[0]!.id;
  const requester = await logInAs(server, member);
  await declareNoRelation(requester, caseId);
  expect((await requester.submit(`/staff/cases/${caseId}/identity`, `/staff/cases/${caseId}/identity`, { requestReason: 'Wij willen de melder spreken.' })).status).toBe(303);
  const requestId = (await server.services.db.select({ id: identityRequests.id }).from(identityRequests).where(eq(identityRequests.caseId, caseId)))[0]!.id;
  const custodian = await logInAs(server, chair);
  await declareNoRelation(custodian, caseId);
  const decided = await custodian.submit(`/staff/cases/${caseId}/identity`, `/staff/cases/${caseId}/identity/${requestId}/decide`, {
    decision: 'grant',
    decisionReason: 'Een gesprek met u helpt om vast te stellen wat er gebeurde.',
  });
  expect(decided.status).toBe(303);
  return { receipt, caseId, requestId };
}

describe('the reporter decides about their name', () => {
  it('without JavaScript: the notice leads to the consent page, and an objection is sent and shown', async () => {
    const { receipt, caseId, requestId } = await grantedRequest('Iris Bezwaar');
    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: false });
    const page = await context.newPage();
    await returnWithReceipt(page, receipt);
    expect(await page.locator('main').textContent()).toContain('Uw naam is nog niet gedeeld: u beslist eerst');
    await page.getByRole('link', { name: 'Vraag over uw naam bekijken en beantwoorden' }).click();
    await page.waitForURL(new RegExp(`/my-report/identity/${requestId}$`));
    const question = (await page.locator('main').textContent())!;
    expect(question).toContain('Mag uw naam worden gedeeld?');
    expect(question).toContain('Een gesprek met u helpt om vast te stellen wat er gebeurde.');
    expect(question).toContain('Maakt u bezwaar, dan wordt uw naam niet gedeeld.');

    // Sent without a choice: the page comes back with the error and what was typed.
    await page.getByLabel('Wilt u er iets bij zeggen? (niet verplicht)').fill('Ik wil eerst schriftelijk vragen beantwoorden.');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    expect(await page.locator('.app-error-summary').textContent()).toBeTruthy();
    expect(await page.getByLabel('Wilt u er iets bij zeggen? (niet verplicht)').inputValue()).toBe('Ik wil eerst schriftelijk vragen beantwoorden.');
    await page.getByLabel('Ik maak bezwaar: mijn naam wordt niet gedeeld').check();
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await page.waitForURL(/identity=object/);
    const after = (await page.locator('main').textContent())!;
    expect(after).toContain('U maakte bezwaar: uw naam wordt niet gedeeld.');
    expect(after).toContain('De melder maakt bezwaar tegen het delen van de naam.');
    expect(after).not.toContain('Vraag over uw naam bekijken en beantwoorden');
    expectSameOrigin(requests, server.baseUrl);
    await context.close();

    const [row] = await server.services.db.select().from(identityRequests).where(eq(identityRequests.id, requestId));
    expect(row!.status).toBe('objected');
    expect(await server.services.db.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, member.userId)))).toHaveLength(0);
  });

  it('the consent page, its errors, the answer and the identity page pass axe-core (with JavaScript on, which axe needs)', async () => {
    const { receipt, caseId, requestId } = await grantedRequest('Jan Instemming');
    const { context, requests } = await newContext(browser, server.baseUrl, { javaScript: true });
    const page = await context.newPage();
    await page.goto('/report/commission');
    await expectAccessible(page, 'first step with who reads the name');
    await returnWithReceipt(page, receipt);
    await expectAccessible(page, 'my report with the question about the name');
    await page.goto(`/my-report/identity/${requestId}`);
    await expectAccessible(page, 'consent page');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expectAccessible(page, 'consent page with errors');
    await page.getByLabel('Ik stem in: mijn naam mag met Test commission_member worden gedeeld').check();
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await page.waitForURL(/identity=consent/);
    await expectAccessible(page, 'my report after consent');
    expectSameOrigin(requests, server.baseUrl);
    await context.close();

    const staff = await staffPage(browser, server, member);
    await staff.goto(`/staff/cases/${caseId}/identity`);
    expect(await staff.locator('main').textContent()).toContain('De melder stemde in.');
    expect(await staff.locator('main').textContent()).toContain('Jan Instemming');
    await expectAccessible(staff, 'identity page after consent');
    // The custodian's decision form, with the legal-duty box.
    const other = await createStaff(server, ['commission_member']);
    const second = await grantedRequest('Kees Later');
    const asker = await logInAs(server, other);
    await declareNoRelation(asker, second.caseId);
    expect((await asker.submit(`/staff/cases/${second.caseId}/identity`, `/staff/cases/${second.caseId}/identity`, { requestReason: 'Ook ik wil de melder spreken.' })).status).toBe(303);
    const custodian = await staffPage(browser, server, chair);
    await custodian.goto(`/staff/cases/${second.caseId}/identity`);
    expect(await custodian.getByLabel('De wet verplicht mij de naam te delen').count()).toBe(1);
    await expectAccessible(custodian, 'identity page with the decision form');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, cases, organisations, PLATFORM_CHAIN } from '../../src/db/schema.js';
import { unsafeCreateInvitation } from '../../src/domain/accounts/create-invitation.js';
import { sendInvitationMail } from '../../src/domain/accounts/send-invitation-mail.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { unsafeSetOrganisationAddress } from '../../src/domain/organisation/set-organisation-address.js';
import { FormClient } from '../support/form-client.js';
import { declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An organisation with its own host name: there its pages are at the plain addresses, nothing of
// any other organisation or of the platform is served, and mail links point there.
const HOST = 'http://meldpunt.gemeente.example';
let t: TestApp;
let gemeente: string;
let secretary: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  gemeente = (await unsafeCreateOrganisation(t.services, { name: 'Gemeente Voorbeeldstad', slug: 'gemeente' })).id;
  secretary = await createStaff(t, ['secretary'], undefined, { organisationId: gemeente });
  await createStaff(t, ['chair'], undefined, { organisationId: gemeente });
  await unsafeSetOrganisationAddress(t.services, gemeente, { hostName: 'Meldpunt.Gemeente.Example' });
});
afterAll(() => t.close());

describe("an organisation's own host name", () => {
  it("serves that organisation's pages at the plain addresses, a report and its receipt included", async () => {
    const home = await new FormClient(t, HOST).get('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('Gemeente Voorbeeldstad');
    expect(home.html).not.toContain('Testorganisatie');
    const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Via de eigen hostnaam.', WANT: ['advice'] }, { client: new FormClient(t, HOST) });
    const [row] = await t.services.db.select().from(cases).where(eq(cases.organisationId, gemeente));
    expect(row).toBeDefined();
    const handler = await logInAs(t, secretary, undefined, '', HOST);
    await declareNoRelation(handler, row!.id);
    expect((await handler.get(`/staff/cases/${row!.id}`)).html).toContain('Via de eigen hostnaam.');
    // At the platform's plain address (the first organisation's) the receipt opens nothing.
    expect((await new FormClient(t).submit('/receipt', '/receipt', { receipt })).status).not.toBe(303);
    const reporter = new FormClient(t, HOST);
    expect((await reporter.submit('/receipt', '/receipt', { receipt })).status).toBe(303);
    expect((await reporter.get('/my-report')).html).toContain('Via de eigen hostnaam.');
  });

  it("serves nothing of another organisation or of the platform there", async () => {
    const there = new FormClient(t, HOST);
    expect((await there.get('/o/testorganisatie/')).status).toBe(404);
    expect((await there.get('/o/testorganisatie/login')).status).toBe(404);
    expect((await there.get('/platform/login')).status).toBe(404);
    expect((await there.get('/o/gemeente/')).status).toBe(200);
    // And the platform's own address still lists it, with a link to its host.
    const list = (await new FormClient(t).get('/')).html;
    expect(list).toContain(`href="${HOST}/"`);
    // A staff member of the organisation signs in there.
    const handler = await logInAs(t, secretary, undefined, '', HOST);
    expect((await handler.get('/staff')).status).toBe(200);
  });

  it('sends mail links to the host name', async () => {
    const invitation = await t.services.db.transaction((tx) => unsafeCreateInvitation({ ...t.services, db: tx }, gemeente, { email: 'nieuw@gemeente.example', displayName: 'Nieuw', roles: ['secretary'] }));
    const link = await sendInvitationMail(t.services, gemeente, 'nieuw@gemeente.example', invitation.token, invitation.expiresAt);
    expect(link.startsWith(`${HOST}/invitation/`)).toBe(true);
    expect(t.mail.received.at(-1)!.text).toContain(`${HOST}/invitation/`);
    // The link works there.
    expect((await new FormClient(t, HOST).get(new URL(link).pathname)).status).toBe(200);
  });

  it('refuses a host name that is not one, is the platform own, or is taken; records changes in both chains', async () => {
    const other = (await unsafeCreateOrganisation(t.services, { name: 'Andere', slug: 'andere' })).id;
    await expect(unsafeSetOrganisationAddress(t.services, other, { hostName: 'meldpunt.gemeente.example' })).rejects.toMatchObject({ fieldErrors: [{ message: 'errors.hostName.taken' }] });
    for (const bad of ['localhost', 'not a host', 'evil.example/path', '-x.example', 'a'.repeat(64) + '.example']) {
      await expect(unsafeSetOrganisationAddress(t.services, other, { hostName: bad })).rejects.toMatchObject({ fieldErrors: [{ message: 'errors.hostName.invalid' }] });
    }
    await unsafeSetOrganisationAddress(t.services, other, { listed: false });
    expect((await new FormClient(t).get('/')).html).not.toContain('Andere');
    expect((await t.services.db.select().from(organisations).where(eq(organisations.id, other)))[0]!.hostName).toBeNull();
    for (const chain of [PLATFORM_CHAIN, gemeente]) {
      const entries = await t.services.db.select().from(auditLog).where(and(eq(auditLog.organisationId, chain), eq(auditLog.action, 'organisation.address')));
      expect(entries.some((e) => e.detail.hostAfter === 'meldpunt.gemeente.example')).toBe(true);
    }
  });
});

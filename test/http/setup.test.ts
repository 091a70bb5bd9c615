import { firstOrganisation } from '../../src/domain/organisation/get-organisation.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { issueSetupToken } from '../../src/domain/setup/issue-setup-token.js';
import { organisations, users } from '../../src/db/schema.js';
import { FormClient } from '../support/form-client.js';
import { unsafeReissueFirstAdminInvitation } from '../../src/domain/setup/reissue-first-invitation.js';
import { acceptInvitation } from '../../src/domain/accounts/accept-invitation.js';
import { unsafeCreateInvitation } from '../../src/domain/accounts/create-invitation.js';
import { startTotpEnrolment } from '../../src/domain/accounts/totp-secrets.js';
import { currentCode } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { organisation: false });
});
afterAll(() => t.close());

const setupFields = {
  name: 'Gemeente Voorbeeld',
  defaultLanguage: 'nl',
  contactText: 'Secretariaat: integriteit@voorbeeld.nl',
  adminName: 'Anna Beheer',
  adminEmail: 'Anna@Voorbeeld.nl',
};

describe('first start: claiming the installation', () => {
  it('refuses the setup page without a valid token', async () => {
    const client = new FormClient(t);
    expect((await client.get('/setup/not-a-token')).status).toBe(410);
    expect((await client.get(`/setup/${'A'.repeat(43)}`)).status).toBe(410);
  });

  it('only the most recently printed link works', async () => {
    const older = await issueSetupToken(t.services);
    const newer = await issueSetupToken(t.services);
    const client = new FormClient(t);
    expect((await client.get(`/setup/${older}`)).status).toBe(410);
    expect((await client.get(`/setup/${newer}`)).status).toBe(200);
  });

  it('keeps what was typed when a field is wrong', async () => {
    const token = (await issueSetupToken(t.services))!;
    const client = new FormClient(t);
    const response = await client.submit(`/setup/${token}`, `/setup/${token}`, { ...setupFields, adminEmail: 'not an address' });
    expect(response.status).toBe(422);
    expect(response.html).toContain('Vul een geldig e-mailadres in');
    expect(response.html).toContain('value="Gemeente Voorbeeld"');
    expect(response.html).toContain('Secretariaat: integriteit@voorbeeld.nl</textarea>');
    expect(await t.services.db.select().from(organisations)).toHaveLength(0);
  });

  it('creates the organisation and invites the administrator, once', async () => {
    const token = (await issueSetupToken(t.services))!;
    const client = new FormClient(t);
    const page = await client.get(`/setup/${token}`);
    const response = await client.submit(`/setup/${token}`, `/setup/${token}`, setupFields);
    expect(response.status).toBe(303);
    expect(response.location).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
    const [organisation] = await t.services.db.select().from(organisations);
    expect(organisation).toMatchObject({ name: 'Gemeente Voorbeeld', contactText: 'Secretariaat: integriteit@voorbeeld.nl' });
    const [admin] = await t.services.db.select().from(users).where(eq(users.email, 'anna@voorbeeld.nl'));
    expect(admin).toMatchObject({ roles: ['administrator'], status: 'invited' });

    // The same token again, even with a valid form from before: refused.
    const again = await client.post(`/setup/${token}`, { ...setupFields, _csrf: /name="_csrf" value="([^"]+)"/.exec(page.html)![1]! });
    expect(again.status).toBe(410);
    expect((await client.get(`/setup/${token}`)).status).toBe(410);
    expect(await issueSetupToken(t.services)).toBeNull();
    expect(await t.services.db.select().from(organisations)).toHaveLength(1);
  });

  it('gives a first administrator who closed the tab before finishing a new link, until an administrator is active', async () => {
    // The setup above left Anna invited: her link went to the closed tab.
    const [before] = await t.services.db.select().from(users).where(eq(users.email, 'anna@voorbeeld.nl'));
    expect(before!.status).toBe('invited');
    const organisationId = (await firstOrganisation(t.services))!.id;
    const first = (await unsafeReissueFirstAdminInvitation(t.services, organisationId))!;
    expect(first.email).toBe('anna@voorbeeld.nl');
    const second = (await unsafeReissueFirstAdminInvitation(t.services, organisationId))!;
    const client = new FormClient(t);
    expect((await client.get(`/invitation/${first.token}`)).status).toBe(410);
    expect((await client.get(`/invitation/${second.token}`)).status).toBe(200);
    const enrolment = startTotpEnrolment(t.services, second.token);
    await acceptInvitation(t.services, organisationId, second.token, { password: 'ochtendmist boven het veld', passwordConfirm: 'ochtendmist boven het veld', totpCode: currentCode(t, enrolment.secret), totpEnrolment: enrolment.formValue });
    // Once an administrator is active, the command line hands out nothing more, not even for another
    // administrator who has not finished yet (the active one can invite them again).
    await t.services.db.transaction((tx) => unsafeCreateInvitation({ ...t.services, db: tx }, organisationId, { email: 'tweede@voorbeeld.nl', displayName: 'Tweede Beheer', roles: ['administrator'] }));
    expect(await unsafeReissueFirstAdminInvitation(t.services, organisationId)).toBeNull();
  });

  it('shows the organisation on the start page', async () => {
    const home = await new FormClient(t).get('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('Gemeente Voorbeeld');
    expect(home.html).toContain('Huis voor Klokkenluiders');
  });
});

describe('expiry', () => {
  it('refuses a setup link after 24 hours', async () => {
    const other = await createTestApp({}, { organisation: false });
    try {
      const token = (await issueSetupToken(other.services))!;
      other.clock.advance(24 * 3600_000 + 1000);
      expect((await new FormClient(other).get(`/setup/${token}`)).status).toBe(410);
    } finally {
      await other.close();
    }
  });
});

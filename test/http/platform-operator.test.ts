import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, organisations, PLATFORM_CHAIN } from '../../src/db/schema.js';
import { unsafeCreateInvitation } from '../../src/domain/accounts/create-invitation.js';
import { startTotpEnrolment } from '../../src/domain/accounts/totp-secrets.js';
import { unsafeVerifyAuditChain } from '../../src/domain/audit/verify-audit.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { reportThroughForm } from '../support/reporting.js';
import { createStaff, currentCode, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 13: the platform operator, the independent host. An account of no organisation that signs
// in only at /platform/, adds organisations and invites their first administrators, and sees names
// and counts: never a report, a person of an organisation, or its settings.
let t: TestApp;
let operator: TestStaff;
let administrator: TestStaff;
const P = '/platform';
const PASSWORD = 'het platform leest nooit mee';

beforeAll(async () => {
  t = await createTestApp();
  administrator = await createStaff(t, ['administrator']);
  await createStaff(t, ['secretary']);
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Inhoud die het platform nooit ziet.', WANT: ['advice'] });
  // The first operator is invited from the command line (tegenspraak operator invite); the link opens at /platform/.
  const invitation = await t.services.db.transaction((tx) => unsafeCreateInvitation({ ...t.services, db: tx }, null, { email: 'beheer@platform.example', displayName: 'Olga Operator', roles: [] }));
  expect((await new FormClient(t).get(`/invitation/${invitation.token}`)).status).toBe(410);
  const client = new FormClient(t, undefined, P);
  const page = await client.get(`/invitation/${invitation.token}`);
  expect(page.status).toBe(200);
  const enrolment = startTotpEnrolment(t.services, invitation.token);
  const accepted = await client.post(`/invitation/${invitation.token}`, {
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    totpCode: currentCode(t, enrolment.secret),
    totpEnrolment: enrolment.formValue,
    _csrf: hiddenValue(page.html, '_csrf'),
  });
  expect(accepted.status, accepted.html.replace(/<[^>]+>/g, ' ').slice(0, 800)).toBe(200);
  operator = { userId: invitation.userId, email: 'beheer@platform.example', password: PASSWORD, totpSecret: enrolment.secret, recoveryKey: '' };
});
afterAll(() => t.close());

describe('the platform operator', () => {
  it('signs in at the platform’s address and sees the organisations with counts only', async () => {
    const client = await logInAs(t, operator, PASSWORD, P);
    const page = await client.get('/organisations');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Testorganisatie');
    expect(page.html).toContain('/o/testorganisatie/');
    // Counts, and nothing of what they count.
    expect(page.html).not.toContain('Inhoud die het platform nooit ziet.');
    expect(page.html).not.toContain(administrator.email);
    expect(page.html).not.toContain('Test secretary');
  });

  it('adds an organisation and invites its first administrator, who signs in at the new address', async () => {
    const client = await logInAs(t, operator, PASSWORD, P);
    const created = await client.submit('/organisations', '/organisations', { name: 'Derde Dienst', slug: '', adminName: 'Dirk Beheer', adminEmail: 'dirk@derde.example' });
    expect(created.status).toBe(200);
    const link = /data-testid="invitation-link">([^<]+)</.exec(created.html)![1]!;
    expect(link).toMatch(/^http:\/\/localhost\/o\/derde-dienst\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(t.mail.received.at(-1)!.text).toContain(link);
    const bad = await client.submit('/organisations', '/organisations', { name: 'Nog een Dienst', slug: 'derde-dienst', adminName: 'Y', adminEmail: 'y@derde.example' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Dit adres is al in gebruik');
    // What was typed stays in the form.
    expect(bad.html).toContain('value="Nog een Dienst"');
    // The new organisation's own pages, its routes and its first administrator's invitation work.
    expect((await new FormClient(t).get('/o/derde-dienst/')).html).toContain('Derde Dienst');
    expect((await new FormClient(t).get(link.replace('http://localhost', ''))).status).toBe(200);
    // The platform's chain records who added it, and verifies.
    const entries = await t.services.db.select().from(auditLog).where(eq(auditLog.organisationId, PLATFORM_CHAIN));
    expect(entries.some((e) => e.action === 'organisation.created' && e.actorUserId === operator.userId)).toBe(true);
    expect(await unsafeVerifyAuditChain(t.services, PLATFORM_CHAIN)).toMatchObject({ ok: true });
  });

  it('answers a double press of "add" with the one organisation and a working link, not an error', async () => {
    const client = await logInAs(t, operator, PASSWORD, P);
    const form = await client.get('/organisations');
    const fields = { name: 'Vierde Dienst', slug: '', adminName: 'Vera Beheer', adminEmail: 'vera@vierde.example', _csrf: hiddenValue(form.html, '_csrf') };
    const first = await client.post('/organisations', fields);
    const second = await client.post('/organisations', fields);
    expect([first.status, second.status]).toEqual([200, 200]);
    const firstLink = /data-testid="invitation-link">([^<]+)</.exec(first.html)![1]!;
    const secondLink = /data-testid="invitation-link">([^<]+)</.exec(second.html)![1]!;
    expect(secondLink).toMatch(/\/o\/vierde-dienst\/invitation\//);
    expect((await t.services.db.select().from(organisations).where(eq(organisations.name, 'Vierde Dienst'))).length).toBe(1);
    // The screen shows the second answer; its link works, the unseen first one no longer does.
    expect((await new FormClient(t).get(secondLink.replace('http://localhost', ''))).status).toBe(200);
    expect((await new FormClient(t).get(firstLink.replace('http://localhost', ''))).status).not.toBe(200);
  });

  it('hides an organisation from the installation’s start page and shows it again; its own pages work either way', async () => {
    const client = await logInAs(t, operator, PASSWORD, P);
    const [organisation] = await t.services.db.select().from(organisations).where(eq(organisations.slug, 'testorganisatie'));
    const page = await client.get('/organisations');
    expect(page.html).toContain('Verbergen: Testorganisatie');
    const hidden = await client.post(`/organisations/${organisation!.id}/listing`, { listed: 'no', _csrf: hiddenValue(page.html, '_csrf') });
    expect(hidden.location).toBe('/platform/organisations?done=listing');
    const after = await client.get('/organisations?done=listing');
    expect(after.html).toContain('De startpagina is aangepast');
    expect(after.html).toContain('Tonen: Testorganisatie');
    expect((await t.services.db.select().from(organisations).where(eq(organisations.id, organisation!.id)))[0]!.listed).toBe(false);
    expect((await new FormClient(t, undefined, '/o/testorganisatie').get('/')).status).toBe(200);
    // Recorded in the platform's chain and the organisation's, with the operator as the actor.
    const entries = await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.address'));
    expect(entries.filter((e) => e.actorUserId === operator.userId).map((e) => e.organisationId).sort()).toEqual([PLATFORM_CHAIN, organisation!.id].sort());
    // A forged form without the page's token changes nothing; an administrator of the organisation cannot do it at all.
    expect((await client.post(`/organisations/${organisation!.id}/listing`, { listed: 'yes' })).status).toBe(403);
    expect((await (await logInAs(t, administrator)).post(`/organisations/${organisation!.id}/listing`, { listed: 'yes', _csrf: 'x' })).status).toBe(403);
    expect((await t.services.db.select().from(organisations).where(eq(organisations.id, organisation!.id)))[0]!.listed).toBe(false);
    const again = await client.get('/organisations');
    await client.post(`/organisations/${organisation!.id}/listing`, { listed: 'yes', _csrf: hiddenValue(again.html, '_csrf') });
    expect((await t.services.db.select().from(organisations).where(eq(organisations.id, organisation!.id)))[0]!.listed).toBe(true);
    // Not an organisation's id: not found, not an error page of the server.
    expect((await client.post('/organisations/not-an-id/listing', { listed: 'no', _csrf: hiddenValue(again.html, '_csrf') })).status).toBe(404);
  });

  it('changes their own password on their account page at the platform’s address, with the same rules as staff', async () => {
    const client = await logInAs(t, operator, PASSWORD, P);
    const page = await client.get('/account');
    expect(page.status).toBe(200);
    expect(page.html).toContain('action="/platform/account/password"');
    // A wrong current password: a field error, nothing changed.
    const wrong = await client.submit('/account', '/account/password', { currentPassword: 'niet mijn wachtwoord', newPassword: 'een heel nieuw wachtwoord', newPasswordConfirm: 'een heel nieuw wachtwoord' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Uw huidige wachtwoord klopt niet.');
    const NEW = 'het platform leest nog steeds nooit mee';
    const changed = await client.submit('/account', '/account/password', { currentPassword: PASSWORD, newPassword: NEW, newPasswordConfirm: NEW });
    expect(changed.status).toBe(303);
    expect(changed.location).toBe('/platform/account?notice=password');
    t.clock.advance(30_000);
    expect((await new FormClient(t, undefined, P).submit('/login', '/login', { email: operator.email, password: PASSWORD, totpCode: currentCode(t, operator.totpSecret) })).status).toBe(422);
    const again = await logInAs(t, operator, NEW, P);
    expect((await again.get('/organisations')).status).toBe(200);
    // Back, so the other tests sign in as before.
    t.clock.advance(30_000);
    expect((await again.submit('/account', '/account/password', { currentPassword: NEW, newPassword: PASSWORD, newPasswordConfirm: PASSWORD })).status).toBe(303);
    // An organisation's administrator has no account page on the platform.
    const admin = await logInAs(t, administrator);
    expect((await admin.get('/account')).status).toBe(403);
  });

  it('has no power in any organisation, and an organisation’s account has none on the platform', async () => {
    const client = await logInAs(t, operator, PASSWORD, P);
    for (const path of ['/staff', '/staff/cases', '/staff/users', '/staff/settings']) {
      expect((await client.get(path)).status, path).toBe(403);
    }
    // At an organisation's address the operator's session does not count.
    const elsewhere = new FormClient(t, undefined, '/o/testorganisatie');
    for (const [name, value] of client.jar) elsewhere.jar.set(name, value);
    expect((await elsewhere.get('/staff')).location).toBe('/o/testorganisatie/login');
    t.clock.advance(30_000);
    expect((await new FormClient(t, undefined, '/o/testorganisatie').submit('/login', '/login', { email: operator.email, password: PASSWORD, totpCode: currentCode(t, operator.totpSecret) })).status).toBe(422);
    // An organisation's administrator: not signed in on the platform, and cannot sign in there.
    const admin = await logInAs(t, administrator);
    const onPlatform = new FormClient(t, undefined, P);
    for (const [name, value] of admin.jar) onPlatform.jar.set(name, value);
    expect((await onPlatform.get('/organisations')).location).toBe('/platform/login');
    t.clock.advance(30_000);
    expect((await new FormClient(t, undefined, P).submit('/login', '/login', { email: administrator.email, password: administrator.password, totpCode: currentCode(t, administrator.totpSecret) })).status).toBe(422);
    // And through the organisation's own address, /organisations is not theirs either.
    expect((await admin.get('/organisations')).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { roles, type Role } from '../../src/domain/access/roles.js';
import { sessions, users } from '../../src/db/schema.js';
import { resolveSession } from '../../src/domain/sessions/resolve-session.js';
import { openForSession } from '../../src/crypto/session-secrets.js';
import { FormClient } from '../support/form-client.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const staff = {} as Record<Role, TestStaff>;
const clients = {} as Record<Role, FormClient>;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) {
    staff[role] = await createStaff(t, [role]);
    clients[role] = await logInAs(t, staff[role]);
  }
});
afterAll(() => t.close());

// Who may open which staff page; everything not listed is refused.
const expectations: Record<string, readonly Role[]> = {
  '/staff': roles,
  '/staff/account': roles,
  '/staff/cases': ['secretary', 'commission_member', 'chair', 'confidential_advisor', 'ethics_panel_member', 'external_investigator'],
  '/staff/bodies': ['secretary', 'commission_member', 'chair', 'confidential_advisor', 'ethics_panel_member', 'external_investigator'],
  '/staff/commission-settings': ['chair'],
  '/staff/letters': ['secretary', 'chair'],
  '/staff/letters/inadmissible/nl': ['secretary', 'chair'],
  '/staff/users': ['administrator'],
  '/staff/settings': ['administrator'],
  '/staff/questionnaires': ['administrator'],
  '/staff/questionnaires/commission': ['administrator'],
};

describe('role-by-page matrix', () => {
  for (const [path, allowed] of Object.entries(expectations)) {
    for (const role of roles) {
      const allow = allowed.includes(role);
      it(`${role} ${allow ? 'may open' : 'is refused'} ${path}`, async () => {
        const response = await clients[role].get(path);
        expect(response.status).toBe(allow ? 200 : 403);
        if (!allow) expect(response.html).toContain('Geen toegang');
      });
    }
    it(`an anonymous visitor is sent to log in from ${path}`, async () => {
      const response = await new FormClient(t).get(path);
      expect(response.status).toBe(303);
      expect(response.location).toBe('/login');
    });
  }
});

describe('the administrator and case content', () => {
  it('is refused on the case route', async () => {
    expect((await clients.administrator.get('/staff/cases')).status).toBe(403);
  });

  it('cannot be combined with a case role, not by the page and not for themselves', async () => {
    const target = staff.secretary;
    const page = `/staff/users/${target.userId}`;
    const response = await clients.administrator.submit(page, `${page}/roles`, { roles: ['secretary', 'administrator'] });
    expect(response.status).toBe(422);
    expect(response.html).toContain('kan niet samen met een rol die meldingen behandelt');
    const [row] = await t.services.db.select({ roles: users.roles }).from(users).where(eq(users.id, target.userId));
    expect(row!.roles).toEqual(['secretary']);
  });

  it('gets no case access even when the database row is edited to mix roles', async () => {
    const mixed = await createStaff(t, ['administrator']);
    await t.services.db.update(users).set({ roles: ['administrator', 'chair'] }).where(eq(users.id, mixed.userId));
    const client = await logInAs(t, mixed);
    expect((await client.get('/staff/cases')).status).toBe(403);
    // Nor can it found, join or steer a body, or set the commission's rules.
    expect((await client.get('/staff/bodies')).status).toBe(403);
    expect((await client.postWithOwnToken('/staff/bodies/commission/found', { statement: 'Ik ben de voorzitter.' })).status).toBe(403);
    expect((await client.get('/staff/commission-settings')).status).toBe(403);
  });

  it('a non-administrator cannot invite or change roles by posting the form directly', async () => {
    const secretary = clients.secretary;
    const staffPage = await secretary.get('/staff');
    const token = /name="_csrf" value="([^"]+)"/.exec(staffPage.html)![1]!;
    expect((await secretary.post('/staff/users', { _csrf: token, email: 'x@example.nl', displayName: 'X', roles: 'chair' })).status).toBe(403);
    expect((await secretary.post(`/staff/users/${staff.chair.userId}/roles`, { _csrf: token, roles: 'administrator' })).status).toBe(403);
    const [row] = await t.services.db.select({ roles: users.roles }).from(users).where(eq(users.id, staff.chair.userId));
    expect(row!.roles).toEqual(['chair']);
  });
});

describe('the private key in a session', () => {
  it('opens only with the cookie, never from the database alone', async () => {
    const chair = staff.chair;
    const token = clients.chair.cookie!.split('=')[1]!;
    const resolved = await resolveSession(t.services, token);
    const [user] = await t.services.db.select({ publicKey: users.publicKey }).from(users).where(eq(users.id, chair.userId));
    expect(Buffer.from(t.services.sodium.crypto_scalarmult_base(resolved!.privateKey!))).toEqual(Buffer.from(user!.publicKey!));

    const [row] = await t.services.db.select().from(sessions).where(eq(sessions.userId, chair.userId));
    // Whatever the database holds (its lookup hash included) does not open the sealed key.
    const dbOnlyGuess = Buffer.from(row!.idHash).toString('base64url');
    expect(openForSession(t.services.sodium, dbOnlyGuess, row!.privateKeySealed!)).toBeNull();
  });
});

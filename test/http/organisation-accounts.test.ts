import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { FormClient } from '../support/form-client.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// One person may work for two organisations on the platform, with an account at each under the
// same address; neither organisation learns of the other account, and neither can lock it out.
const B = '/o/tweede';
let t: TestApp;
let other: string;
let atB: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  other = (await unsafeCreateOrganisation(t.services, { name: 'Tweede Dienst', slug: 'tweede' })).id;
  atB = await createStaff(t, ['analyst'], undefined, { organisationId: other });
});
afterAll(() => t.close());

describe('the same address at two organisations', () => {
  it("lets A's administrator invite an address that has an account at B, without a word about B; refuses it twice within A", async () => {
    const admin = await logInAs(t, await createStaff(t, ['administrator']));
    const invite = () => admin.submit('/staff/users', '/staff/users', { displayName: 'Dubbel Werkend', email: atB.email, roles: ['analyst'] });
    const first = await invite();
    expect(first.status, first.html.slice(0, 500)).toBeLessThan(400);
    expect(first.html).not.toContain('Er bestaat al een account met dit e-mailadres.');
    const again = await invite();
    expect(again.status).toBe(422);
    expect(again.html).toContain('Er bestaat al een account met dit e-mailadres.');
    expect((await t.services.db.select().from(users).where(eq(users.email, atB.email))).map((u) => u.organisationId).sort()).toEqual([t.organisationId, other].sort());
  });

  it("does not lock the account at B when someone fails to sign in at A with B's address", async () => {
    const atA = new FormClient(t);
    for (let i = 0; i < 8; i++) await atA.submit('/login', '/login', { email: atB.email, password: `wrong guess ${i}`, totpCode: '123456' });
    expect((await atA.submit('/login', '/login', { email: atB.email, password: atB.password, totpCode: '123456' })).status).toBe(429);
    // At B, the same address signs in at once.
    expect((await logInAs(t, atB, undefined, B)).cookie).not.toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fromBase32 } from '../../src/crypto/encoding.js';
import { loginAttempts, sessions, users } from '../../src/db/schema.js';
import { inviteUser } from '../../src/domain/accounts/invite-user.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { createStaff, currentCode, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

async function inviteThroughThePage(email: string, roles: string[]) {
  const client = await logInAs(t, admin);
  const response = await client.submit('/staff/users', '/staff/users', { displayName: 'Sam Secretaris', email, roles });
  expect(response.status).toBe(200);
  const link = /data-testid="invitation-link">([^<]+)</.exec(response.html)![1]!;
  return new URL(link).pathname;
}

function totpSecretOnPage(html: string): Uint8Array {
  const text = /class="utrecht-code app-secret">([A-Z2-7 ]+)</.exec(html)![1]!;
  return fromBase32(text)!;
}

describe('invitation and enrolment', () => {
  it('mails a single-use link without anything but the organisation name', async () => {
    const before = t.mail.received.length;
    const invitationPath = await inviteThroughThePage('sam@example.nl', ['secretary']);
    const mail = t.mail.received.at(before)!;
    expect(mail.to).toEqual(['sam@example.nl']);
    expect(mail.text).toContain(`http://localhost${invitationPath}`);
  });

  it('enrols password and TOTP in one page, keeps the QR secret on errors, shows the recovery key once', async () => {
    const path = await inviteThroughThePage('kim@example.nl', ['chair']);
    const client = new FormClient(t);
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<svg');
    const secret = totpSecretOnPage(page.html);
    const enrolment = hiddenValue(page.html, 'totpEnrolment');

    const weak = await client.submit(path, path, { password: 'wachtwoord123', passwordConfirm: 'wachtwoord123', totpCode: currentCode(t, secret), totpEnrolment: enrolment });
    expect(weak.status).toBe(422);
    expect(weak.html).toContain('Dit wachtwoord wordt veel gebruikt');
    expect(hiddenValue(weak.html, 'totpEnrolment')).toBe(enrolment);
    expect(weak.html).not.toContain('wachtwoord123');

    const wrongCode = await client.submit(path, path, { password: 'paars konijn leest kranten', passwordConfirm: 'paars konijn leest kranten', totpCode: '000000', totpEnrolment: enrolment });
    expect(wrongCode.status).toBe(422);
    expect(wrongCode.html).toContain('Deze code klopt niet');

    const done = await client.submit(path, path, { password: 'paars konijn leest kranten', passwordConfirm: 'paars konijn leest kranten', totpCode: currentCode(t, secret), totpEnrolment: enrolment });
    expect(done.status).toBe(200);
    expect(done.headers.get('cache-control')).toBe('no-store');
    const recoveryKey = /data-testid="recovery-key">([A-Z2-7-]+)</.exec(done.html)![1]!;
    expect(recoveryKey.replace(/-/g, '')).toHaveLength(32);

    const [user] = await t.services.db.select().from(users).where(eq(users.email, 'kim@example.nl'));
    expect(user!.status).toBe('active');
    expect(user!.publicKey).toHaveLength(32);
    expect(user!.kdfMemLimit).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    // Neither the password nor the recovery key is stored in any readable form.
    const row = JSON.stringify(user, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    expect(row).not.toContain('paars konijn');
    expect(row).not.toContain(recoveryKey.replace(/-/g, ''));

    // Used once: the link is dead now.
    expect((await client.get(path)).status).toBe(410);
  });

  it('refuses a forged enrolment secret', async () => {
    const path = await inviteThroughThePage('forged@example.nl', ['analyst']);
    const client = new FormClient(t);
    const page = await client.get(path);
    const secret = totpSecretOnPage(page.html);
    const forged = hiddenValue(page.html, 'totpEnrolment').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const response = await client.submit(path, path, { password: 'paars konijn leest kranten', passwordConfirm: 'paars konijn leest kranten', totpCode: currentCode(t, secret), totpEnrolment: forged });
    expect(response.status).toBe(410);
  });

  it('refuses an expired invitation', async () => {
    const { link } = await inviteUser(t.services, { userId: admin.userId, organisationId: t.organisationId, roles: ['administrator'] }, { email: 'late@example.nl', displayName: 'Late', roles: ['analyst'] });
    t.clock.advance(7 * 24 * 3600_000 + 1000);
    expect((await new FormClient(t).get(new URL(link).pathname)).status).toBe(410);
  });
});

describe('log-in', () => {
  it('needs password and a fresh TOTP code, and answers the same for every failure', async () => {
    const staff = await createStaff(t, ['secretary']);
    t.clock.advance(30_000);
    const client = new FormClient(t);
    const code = currentCode(t, staff.totpSecret);
    const wrongTotp = await client.submit('/login', '/login', { email: staff.email, password: staff.password, totpCode: code === '123456' ? '654321' : '123456' });
    const wrongPassword = await client.submit('/login', '/login', { email: staff.email, password: 'not the password', totpCode: code });
    const unknown = await client.submit('/login', '/login', { email: 'nobody@example.nl', password: staff.password, totpCode: code });
    for (const response of [wrongTotp, wrongPassword, unknown]) {
      expect(response.status).toBe(422);
      expect(response.html).toContain('Inloggen is niet gelukt');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const ok = await client.submit('/login', '/login', { email: staff.email, password: staff.password, totpCode: code });
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await client.get('/staff')).status).toBe(200);

    // The same code cannot be used a second time.
    const replay = await new FormClient(t).submit('/login', '/login', { email: staff.email, password: staff.password, totpCode: code });
    expect(replay.status).toBe(422);
  });

  it('throttles an account after five failures, without recording where they came from', async () => {
    const staff = await createStaff(t, ['analyst']);
    const client = new FormClient(t);
    const counters = async () => (await t.services.db.select().from(loginAttempts)).length;
    const before = await counters();
    for (let i = 0; i < 5; i++) {
      const response = await client.submit('/login', '/login', { email: staff.email, password: `wrong guess ${i}`, totpCode: '123456' });
      expect(response.status).toBe(422);
    }
    t.clock.advance(30_000);
    const locked = await client.submit('/login', '/login', { email: staff.email, password: staff.password, totpCode: currentCode(t, staff.totpSecret) });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(61_000);
    // The failures are counted under the address's keyed hash, like an unknown address's
    // (login-equality.test.ts); the success removes that count.
    expect(await counters()).toBe(before + 1);
    expect((await logInAs(t, staff)).cookie).not.toBeNull();
    expect(await counters()).toBe(before);
  });

  it('answers an unknown address exactly like a known one, also beyond the first failures, and stores no address', async () => {
    const staff = await createStaff(t, ['analyst']);
    const attempt = async (email: string) => {
      t.clock.advance(1_000);
      const response = await new FormClient(t).submit('/login', '/login', { email, password: 'not the password at all', totpCode: '123456' });
      const text = response.html.replace(/name="_csrf" value="[^"]*"/g, '').replace(/value="[^"]*@[^"]*"/g, '').replace(/nonce="[^"]*"/g, '');
      return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
    };
    for (let i = 0; i < 8; i++) {
      const known = await attempt(staff.email);
      const unknown = await attempt(`nobody-${staff.userId.slice(0, 8)}@example.nl`);
      expect(unknown.status, `attempt ${i + 1}`).toBe(known.status);
      expect(unknown.retryAfter === null, `attempt ${i + 1}`).toBe(known.retryAfter === null);
      expect(unknown.text).toBe(known.text);
    }
    // Both are locked by now; and neither address is stored anywhere.
    expect((await attempt(staff.email)).status).toBe(429);
    expect((await attempt(`nobody-${staff.userId.slice(0, 8)}@example.nl`)).status).toBe(429);
    const stored = JSON.stringify(await t.services.db.select().from(loginAttempts));
    expect(stored).not.toContain('nobody-');
  });

  it('ends the session on log-out and after the idle timeout', async () => {
    const staff = await createStaff(t, ['chair']);
    const client = await logInAs(t, staff);
    const cookie = client.cookie;
    const logout = await client.submit('/staff', '/logout', {});
    expect(logout.status).toBe(303);
    client.cookie = cookie;
    expect((await client.get('/staff')).status).toBe(303);

    const idle = await logInAs(t, staff);
    t.clock.advance(31 * 60_000);
    expect((await idle.get('/staff')).location).toMatch(/^\/login/);
  });
});

describe('own account', () => {
  it('changes the password, re-seals the key and signs out other sessions', async () => {
    const staff = await createStaff(t, ['commission_member']);
    const first = await logInAs(t, staff);
    const second = await logInAs(t, staff);
    const listed = await first.get('/staff/account');
    expect(listed.html.match(/Deze sessie/g)).toHaveLength(1);
    expect(listed.html.match(/account\/sessions\/[0-9a-f-]{36}\/end/g)).toHaveLength(1);

    const wrong = await first.submit('/staff/account', '/staff/account/password', { currentPassword: 'nope nope nope', newPassword: 'groene fiets op de dijk', newPasswordConfirm: 'groene fiets op de dijk' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Uw huidige wachtwoord klopt niet');

    const changed = await first.submit('/staff/account', '/staff/account/password', { currentPassword: staff.password, newPassword: 'groene fiets op de dijk', newPasswordConfirm: 'groene fiets op de dijk' });
    expect(changed.status).toBe(303);
    expect((await first.get('/staff')).status).toBe(200);
    expect((await second.get('/staff')).status).toBe(303);
    await expect(logInAs(t, staff)).rejects.toThrow();
    expect((await logInAs(t, staff, 'groene fiets op de dijk')).cookie).not.toBeNull();
  });

  it('ends another session from the list', async () => {
    const staff = await createStaff(t, ['ethics_panel_member']);
    const first = await logInAs(t, staff);
    const second = await logInAs(t, staff);
    const page = await first.get('/staff/account');
    const action = /action="(\/staff\/account\/sessions\/[0-9a-f-]{36}\/end)"/.exec(page.html)![1]!;
    expect((await first.submit('/staff/account', action, {})).status).toBe(303);
    expect((await second.get('/staff')).status).toBe(303);
    expect((await first.get('/staff')).status).toBe(200);
  });

  it('recovers access with the recovery key and TOTP, and nothing less', async () => {
    const staff = await createStaff(t, ['confidential_advisor']);
    const session = await logInAs(t, staff);
    t.clock.advance(30_000);
    const client = new FormClient(t);
    const fields = { email: staff.email, recoveryKey: staff.recoveryKey, totpCode: currentCode(t, staff.totpSecret), newPassword: 'blauwe boot in de haven', newPasswordConfirm: 'blauwe boot in de haven' };
    const wrongKey = await client.submit('/recover', '/recover', { ...fields, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' });
    expect(wrongKey.status).toBe(422);
    expect(wrongKey.html).toContain('Herstellen is niet gelukt');
    const done = await client.submit('/recover', '/recover', fields);
    expect(done.status).toBe(200);
    expect(done.html).toContain('Uw wachtwoord is hersteld');
    expect((await session.get('/staff')).status).toBe(303);
    expect((await logInAs(t, staff, 'blauwe boot in de haven')).cookie).not.toBeNull();
    const remaining = await t.services.db.select().from(sessions).where(eq(sessions.userId, staff.userId));
    expect(remaining).toHaveLength(1);
  });
});

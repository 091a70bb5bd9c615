import { acceptInvitation } from '../../src/domain/accounts/accept-invitation.js';
import { unsafeCreateInvitation } from '../../src/domain/accounts/create-invitation.js';
import { startTotpEnrolment } from '../../src/domain/accounts/totp-secrets.js';
import type { Role } from '../../src/domain/access/roles.js';
import { totpCode, totpStep } from '../../src/crypto/totp.js';
import { FormClient } from './form-client.js';
import type { TestApp } from './test-app.js';

export interface TestStaff {
  userId: string;
  email: string;
  password: string;
  totpSecret: Uint8Array;
  recoveryKey: string;
}

let counter = 0;

/** An active staff account made through the real invitation commands. */
export async function createStaff(t: TestApp, roles: Role[], password = 'correct horse battery staple'): Promise<TestStaff> {
  const email = `${roles.join('-').replace(/_/g, '-')}-${++counter}@example.nl`;
  const invitation = await t.services.db.transaction((tx) =>
    unsafeCreateInvitation({ ...t.services, db: tx }, { email, displayName: `Test ${roles.join(' ')}`, roles }),
  );
  const enrolment = startTotpEnrolment(t.services, invitation.token);
  const { recoveryKey } = await acceptInvitation(t.services, invitation.token, {
    password,
    passwordConfirm: password,
    totpCode: currentCode(t, enrolment.secret),
    totpEnrolment: enrolment.formValue,
  });
  return { userId: invitation.userId, email, password, totpSecret: enrolment.secret, recoveryKey };
}

export function currentCode(t: TestApp, secret: Uint8Array): string {
  return totpCode(secret, totpStep(t.clock.ms));
}

/** Logs in through the real form; moves the clock one TOTP step on so each code is fresh. */
export async function logInAs(t: TestApp, staff: TestStaff, password = staff.password): Promise<FormClient> {
  t.clock.advance(30_000);
  const client = new FormClient(t);
  const response = await client.submit('/login', '/login', { email: staff.email, password, totpCode: currentCode(t, staff.totpSecret) });
  if (response.status !== 303) throw new Error(`log-in failed with ${response.status}`);
  return client;
}

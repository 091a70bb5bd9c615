import { acceptInvitation } from '../../src/domain/accounts/accept-invitation.js';
import { unsafeCreateInvitation } from '../../src/domain/accounts/create-invitation.js';
import { startTotpEnrolment } from '../../src/domain/accounts/totp-secrets.js';
import type { Role } from '../../src/domain/access/roles.js';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { totpCode, totpStep } from '../../src/crypto/totp.js';
import { unlockWithPassword } from '../../src/crypto/account-keys.js';
import { signAdmission, signingKeyPairFrom } from '../../src/crypto/signing.js';
import { bodyAdmissions, users } from '../../src/db/schema.js';
import { findActiveUserById } from '../../src/domain/accounts/find-active-user.js';
import { admitterRole, bodies, rolesOfBody, type Body } from '../../src/domain/admission/bodies.js';
import { foundBody } from '../../src/domain/admission/found-body.js';
import { localDate } from '../../src/domain/reports/deadlines.js';
import { firstOrganisation } from '../../src/domain/organisation/get-organisation.js';
import type { StaffActor } from '../../src/domain/cases/open-case.js';
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

/**
 * An active staff account made through the real invitation commands. An account with a case role
 * is admitted by its body (as the body's chair, advisor or panel member would), unless
 * `admit: false`: then it holds the role and reads nothing, as after the administrator's invitation.
 */
export async function createStaff(
  t: TestApp,
  roles: Role[],
  password = 'correct horse battery staple',
  /** organisationId: of another organisation than the installation's first. */
  options: { admit?: boolean; organisationId?: string } = {},
): Promise<TestStaff> {
  const organisationId = options.organisationId ?? (t.organisationId || (await firstOrganisation(t.services))!.id);
  const staff = await createAccount(t, roles, password, organisationId);
  if (options.admit !== false) await admitInAllBodies(t, staff, roles, organisationId);
  return staff;
}

async function createAccount(t: TestApp, roles: Role[], password: string, organisationId: string): Promise<TestStaff> {
  const email = `${roles.join('-').replace(/_/g, '-')}-${++counter}@example.nl`;
  const invitation = await t.services.db.transaction((tx) =>
    unsafeCreateInvitation({ ...t.services, db: tx }, organisationId, { email, displayName: `Test ${roles.join(' ')}`, roles }),
  );
  const enrolment = startTotpEnrolment(t.services, invitation.token);
  const { recoveryKey } = await acceptInvitation(t.services, organisationId, invitation.token, {
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
export async function logInAs(t: TestApp, staff: TestStaff, password = staff.password, at = '', origin?: string): Promise<FormClient> {
  t.clock.advance(30_000);
  const client = new FormClient(t, origin, at);
  const response = await client.submit('/login', '/login', { email: staff.email, password, totpCode: currentCode(t, staff.totpSecret) });
  if (response.status !== 303) {
    const reason = /utrecht-alert[^>]*>([\s\S]*?)<\/div>/.exec(response.html)?.[1]?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') ?? '';
    throw new Error(`log-in failed with ${response.status}: ${reason}`);
  }
  return client;
}

/** The private key of a test account, unlocked with its password as the log-in does. */
export async function unlockStaff(t: TestApp, staff: TestStaff): Promise<StaffActor> {
  const user = await findActiveUserById(t.services, staff.userId);
  if (!user) throw new Error('not an active account');
  const privateKey = await unlockWithPassword(t.services.kdf, t.services.sodium, user, staff.password);
  return { userId: staff.userId, organisationId: user.organisationId!, roles: user.roles as Role[], privateKey };
}

// One founder per body per test app: an account with the body's admitting role that founds the
// body through the real founding command and is then disabled, so that it reads no case and
// shows up nowhere; its signature keeps vouching for the members it admitted.
const founders = new WeakMap<TestApp, Map<string, StaffActor>>();

export async function bodyFounder(t: TestApp, body: Body, organisationId?: string): Promise<StaffActor> {
  const orgId = organisationId ?? (t.organisationId || (await firstOrganisation(t.services))!.id);
  let perApp = founders.get(t);
  if (!perApp) founders.set(t, (perApp = new Map()));
  const known = perApp.get(`${orgId}:${body}`);
  if (known) return known;
  const founder = await createAccount(t, [admitterRole[body]], 'founder passphrase for tests', orgId);
  const actor = await unlockStaff(t, founder);
  await foundBody(t.services, actor, { body, statement: `Test founding of ${body}` });
  await t.services.db.update(users).set({ status: 'disabled' }).where(eq(users.id, founder.userId));
  perApp.set(`${orgId}:${body}`, actor);
  return actor;
}

/**
 * Writes an admission signed by the body's test founder. The founder is disabled, so the real
 * admit command (which needs a signed-in, current admitter) is exercised in admission.test.ts;
 * here the same signature is made directly, as that command would.
 */
export async function admitInAllBodies(t: TestApp, staff: TestStaff, roles: readonly Role[], organisationId?: string): Promise<void> {
  const s = t.services;
  const orgId = organisationId ?? (t.organisationId || (await firstOrganisation(s))!.id);
  for (const body of bodies) {
    const bodyRoles = rolesOfBody(body, roles);
    if (bodyRoles.length === 0) continue;
    const founder = await bodyFounder(t, body, orgId);
    const [account] = await s.db.select().from(users).where(eq(users.id, staff.userId));
    const signer = signingKeyPairFrom(s.sodium, founder.privateKey!);
    const fields = {
      id: randomUUID(),
      body,
      userId: staff.userId,
      roles: [...bodyRoles].sort(),
      boxPublicKey: account!.publicKey!,
      signingPublicKey: account!.signingPublicKey!,
      admittedOn: localDate(s.now(), 'Europe/Amsterdam'),
      admittedBy: founder.userId,
      statement: null,
    };
    await s.db.insert(bodyAdmissions).values({ ...fields, organisationId: orgId, admitterSigningKey: signer.publicKey, signature: signAdmission(s.sodium, signer.privateKey, fields), createdAt: s.now() });
  }
}

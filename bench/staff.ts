import { firstOrganisation } from '../src/domain/organisation/get-organisation.js';
import { acceptInvitation } from '../src/domain/accounts/accept-invitation.js';
import { unsafeCreateInvitation } from '../src/domain/accounts/create-invitation.js';
import { findActiveUserById } from '../src/domain/accounts/find-active-user.js';
import { startTotpEnrolment } from '../src/domain/accounts/totp-secrets.js';
import type { Role } from '../src/domain/access/roles.js';
import { admitMember } from '../src/domain/admission/admit-member.js';
import { admitterRole, bodies, rolesOfBody } from '../src/domain/admission/bodies.js';
import { foundBody } from '../src/domain/admission/found-body.js';
import { ownFingerprint } from '../src/domain/admission/own-fingerprint.js';
import { unlockWithPassword } from '../src/crypto/account-keys.js';
import { totpCode, totpStep } from '../src/crypto/totp.js';
import type { Services } from '../src/services.js';

export const BENCH_PASSWORD = 'benchmark password long enough';

/**
 * Active handlers with key pairs, made through the real invitation commands, and admitted by their
 * bodies through the real founding and admission commands (the first holder of a body's admitting
 * role founds it); returns their log-in details.
 */
export async function createBenchStaff(s: Services, roles: Role[], prefix = ''): Promise<{ role: Role; userId: string; organisationId: string; email: string; totpSecret: Uint8Array }[]> {
  const organisationId = (await firstOrganisation(s))!.id;
  const made = [];
  for (const role of roles) {
    const email = `${prefix}${role.replace(/_/g, '-')}@bench.example`;
    const invitation = await s.db.transaction((tx) => unsafeCreateInvitation({ ...s, db: tx }, organisationId, { email, displayName: role, roles: [role] }));
    const enrolment = startTotpEnrolment(s, invitation.token);
    await acceptInvitation(s, organisationId, invitation.token, {
      password: BENCH_PASSWORD,
      passwordConfirm: BENCH_PASSWORD,
      totpCode: totpCode(enrolment.secret, totpStep(s.now().getTime())),
      totpEnrolment: enrolment.formValue,
    });
    made.push({ role, userId: invitation.userId, organisationId, email, totpSecret: enrolment.secret });
  }
  const actorOf = async (userId: string, role: Role) => {
    const user = await findActiveUserById(s, userId);
    return { userId, organisationId, roles: [role], privateKey: await unlockWithPassword(s.kdf, s.sodium, user!, BENCH_PASSWORD) };
  };
  for (const body of bodies) {
    const founder = made.find((m) => m.role === admitterRole[body]);
    if (!founder) continue;
    const admitter = await actorOf(founder.userId, founder.role);
    await foundBody(s, admitter, { body, statement: 'Benchmark' });
    for (const other of made.filter((m) => m !== founder && rolesOfBody(body, [m.role]).length > 0)) {
      const own = await ownFingerprint(s, await actorOf(other.userId, other.role));
      await admitMember(s, admitter, { body, userId: other.userId, fingerprint: own!.fingerprint, roles: [other.role] });
    }
  }
  return made;
}

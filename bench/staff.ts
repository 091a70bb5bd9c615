import { acceptInvitation } from '../src/domain/accounts/accept-invitation.js';
import { unsafeCreateInvitation } from '../src/domain/accounts/create-invitation.js';
import { startTotpEnrolment } from '../src/domain/accounts/totp-secrets.js';
import type { Role } from '../src/domain/access/roles.js';
import { totpCode, totpStep } from '../src/crypto/totp.js';
import type { Services } from '../src/services.js';

export const BENCH_PASSWORD = 'benchmark password long enough';

/** Active handlers with key pairs, made through the real invitation commands; returns their log-in details. */
export async function createBenchStaff(s: Services, roles: Role[]): Promise<{ role: Role; userId: string; email: string; totpSecret: Uint8Array }[]> {
  const made = [];
  for (const role of roles) {
    const email = `${role.replace(/_/g, '-')}@bench.example`;
    const invitation = await s.db.transaction((tx) => unsafeCreateInvitation({ ...s, db: tx }, { email, displayName: role, roles: [role] }));
    const enrolment = startTotpEnrolment(s, invitation.token);
    await acceptInvitation(s, invitation.token, {
      password: BENCH_PASSWORD,
      passwordConfirm: BENCH_PASSWORD,
      totpCode: totpCode(enrolment.secret, totpStep(s.now().getTime())),
      totpEnrolment: enrolment.formValue,
    });
    made.push({ role, userId: invitation.userId, email, totpSecret: enrolment.secret });
  }
  return made;
}

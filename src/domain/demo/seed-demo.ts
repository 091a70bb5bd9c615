import { eq } from 'drizzle-orm';
import { createAccountKeys } from '../../crypto/account-keys.js';
import { toBase32 } from '../../crypto/encoding.js';
import { keyFingerprint, signingKeyPairFrom } from '../../crypto/signing.js';
import { admitMember } from '../admission/admit-member.js';
import { foundBody } from '../admission/found-body.js';
import { TOTP_SECRET_BYTES } from '../../crypto/totp.js';
import { organisations, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { AppError } from '../errors.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { openTotpSecret, sealTotpSecret } from '../accounts/totp-secrets.js';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  totpSecret: string;
}

// One account per role, so anyone can click through every part in minutes. Demo passwords are
// predictable on purpose and the organisation is marked as a demo.
const demoRoles: readonly Role[] = ['administrator', 'secretary', 'chair', 'commission_member', 'confidential_advisor', 'ethics_panel_member', 'analyst', 'external_investigator'];

const demoEmail = (role: Role) => `${role.replace(/_/g, '-')}@demo.tegenspraak.test`;
const demoPassword = (role: Role) => `demo-${role.replace(/_/g, '-')}-veilig-2026`;

/** Seeds the demo on an empty installation; on an existing demo it returns the same log-in details. */
export async function seedDemo(s: Services): Promise<DemoAccount[]> {
  const organisation = await getOrganisation(s);
  if (organisation && !organisation.isDemo) throw new AppError('conflict');
  if (organisation) return existingDemoAccounts(s);

  const prepared = await Promise.all(
    demoRoles.map(async (role) => ({ role, keys: await createAccountKeys(s.kdf, s.sodium, demoPassword(role)), totp: s.sodium.randombytes_buf(TOTP_SECRET_BYTES) })),
  );
  const ids = new Map<Role, string>();
  await s.db.transaction(async (tx) => {
    await tx.insert(organisations).values({
      name: 'Demo-gemeente Tegenspraak',
      slug: 'demo',
      defaultLanguage: 'nl',
      contactText: 'Dit is een demonstratie. Gebruik geen echte gegevens.',
      isDemo: true,
    });
    for (const { role, keys, totp } of prepared) {
      const [user] = await tx
        .insert(users)
        .values({
          email: demoEmail(role),
          displayName: `Demo ${role.replace(/_/g, ' ')}`,
          roles: [role],
          status: 'active',
          // The demo's commission: an independent chair and a member nominated by the staff.
          nominatedBy: role === 'chair' ? 'independent' : role === 'commission_member' ? 'staff_representatives' : null,
          kdfSalt: keys.kdfSalt,
          kdfOpsLimit: keys.kdfOpsLimit,
          kdfMemLimit: keys.kdfMemLimit,
          passwordVerifier: keys.passwordVerifier,
          publicKey: keys.publicKey,
          signingPublicKey: signingKeyPairFrom(s.sodium, keys.privateKey).publicKey,
          privateKeyByPassword: keys.privateKeyByPassword,
          privateKeyByRecovery: keys.privateKeyByRecovery,
        })
        .returning({ id: users.id });
      await tx.update(users).set({ totpSecretSealed: sealTotpSecret(s, user!.id, totp) }).where(eq(users.id, user!.id));
      ids.set(role, user!.id);
    }
  });
  // The bodies found themselves and admit their members through the same commands as in real use.
  const actor = (role: Role) => ({ userId: ids.get(role)!, roles: [role], privateKey: prepared.find((p) => p.role === role)!.keys.privateKey });
  const statement = 'Demonstratie: benoemd bij besluit van de demo-gemeente.';
  await foundBody(s, actor('chair'), { body: 'commission', statement });
  // In real use the person reads their fingerprint out to the chair; here the seed knows their keys.
  const fingerprintOf = (role: Role) => {
    const keys = prepared.find((p) => p.role === role)!.keys;
    return keyFingerprint(s.sodium, keys.publicKey, signingKeyPairFrom(s.sodium, keys.privateKey).publicKey);
  };
  for (const role of ['secretary', 'commission_member', 'external_investigator'] as const) {
    await admitMember(s, actor('chair'), { body: 'commission', userId: ids.get(role), fingerprint: fingerprintOf(role), roles: [role] });
  }
  await foundBody(s, actor('confidential_advisor'), { body: 'advisors', statement });
  await foundBody(s, actor('ethics_panel_member'), { body: 'ethics_panel', statement });
  return existingDemoAccounts(s);
}

async function existingDemoAccounts(s: Services): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const role of demoRoles) {
    const [user] = await s.db.select({ id: users.id, totp: users.totpSecretSealed }).from(users).where(eq(users.email, demoEmail(role)));
    const secret = user?.totp ? openTotpSecret(s, user.id, user.totp) : null;
    if (secret) accounts.push({ role, email: demoEmail(role), password: demoPassword(role), totpSecret: toBase32(secret) });
  }
  return accounts;
}

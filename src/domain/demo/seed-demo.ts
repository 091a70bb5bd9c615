import { eq } from 'drizzle-orm';
import { createAccountKeys } from '../../crypto/account-keys.js';
import { toBase32 } from '../../crypto/encoding.js';
import { keyFingerprint, signingKeyPairFrom } from '../../crypto/signing.js';
import { admitMember } from '../admission/admit-member.js';
import { foundBody } from '../admission/found-body.js';
import { TOTP_SECRET_BYTES } from '../../crypto/totp.js';
import { organisations, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import { themeTokens } from '../organisation/organisation-look.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { AppError } from '../errors.js';
import { firstOrganisation } from '../organisation/get-organisation.js';
import { findOrganisationBySlug } from '../organisation/find-organisation.js';
import { unsafeCreateOrganisation } from '../organisation/create-organisation.js';
import { unsafeShareCommission } from '../organisation/share-commission.js';
import { seedDemoMonitor } from './seed-demo-monitor.js';
import { seedDemoStatistics } from './seed-demo-statistics.js';
import { openTotpSecret, sealTotpSecret } from '../accounts/totp-secrets.js';

export interface DemoAccount {
  /** The organisation's address (/o/<slug>/), where the account signs in. */
  organisation: string;
  role: Role;
  email: string;
  password: string;
  totpSecret: string;
}

// Three organisations, so that anyone can click through every part in minutes: a municipality and
// a water authority with a commission each, and a small agency whose commission reports go to the
// municipality's commission (a shared commission); it keeps its own advisor and ethics panel. One
// account per role; demo passwords are predictable on purpose and the organisations are marked as
// demos.
const allRoles: readonly Role[] = ['administrator', 'secretary', 'chair', 'commission_member', 'confidential_advisor', 'ethics_panel_member', 'analyst', 'external_investigator', 'management', 'facilitator'];
const demoOrganisations = [
  { slug: 'demo', name: 'Demo-gemeente Tegenspraak', roles: allRoles, sharesCommissionOf: null, look: null, sector: 'municipality' },
  // Each of the other two in its own colours (both pass WCAG AA against white), to show that every organisation has its own look.
  { slug: 'demo-waterschap', name: 'Demo-waterschap Tegenspraak', roles: ['administrator', 'secretary', 'chair', 'commission_member', 'confidential_advisor', 'ethics_panel_member'] as const, sharesCommissionOf: null, look: { buttonColour: '#00594f', linkColour: '#00594f' }, sector: 'water_authority' },
  { slug: 'demo-agentschap', name: 'Demo-agentschap Tegenspraak', roles: ['administrator', 'confidential_advisor', 'ethics_panel_member'] as const, sharesCommissionOf: 'demo', look: { buttonColour: '#6b2c6f', linkColour: '#6b2c6f' }, sector: 'central_government' },
] as const;

const demoEmail = (slug: string, role: Role) => `${role.replace(/_/g, '-')}@${slug === 'demo' ? '' : `${slug.replace(/^demo-/, '')}.`}demo.tegenspraak.test`;
const demoPassword = (role: Role) => `demo-${role.replace(/_/g, '-')}-veilig-2026`;

/** Seeds the demo on an empty installation; on an existing demo it returns the same log-in details. */
export async function seedDemo(s: Services): Promise<DemoAccount[]> {
  const organisation = await firstOrganisation(s);
  if (organisation && !organisation.isDemo) throw new AppError('conflict');
  if (organisation) return existingDemoAccounts(s);
  const ids = new Map<string, string>();
  for (const demo of demoOrganisations) {
    const id = await seedDemoOrganisation(s, demo.slug, demo.name, demo.roles);
    ids.set(demo.slug, id);
    if (demo.look) await s.db.update(organisations).set({ theme: themeTokens(demo.look) }).where(inOrg(id, organisations));
  }
  for (const demo of demoOrganisations) {
    if (demo.sharesCommissionOf) await unsafeShareCommission(s, ids.get(demo.slug)!, ids.get(demo.sharesCommissionOf)!);
    await s.db.update(organisations).set({ sector: demo.sector }).where(inOrg(ids.get(demo.slug)!, organisations));
  }
  await seedDemoMonitor(s, ids.get('demo')!);
  await seedDemoStatistics(s, ids.get('demo')!);
  return existingDemoAccounts(s);
}

async function seedDemoOrganisation(s: Services, slug: string, name: string, demoRoles: readonly Role[]): Promise<string> {
  const prepared = await Promise.all(
    demoRoles.map(async (role) => ({ role, keys: await createAccountKeys(s.kdf, s.sodium, demoPassword(role)), totp: s.sodium.randombytes_buf(TOTP_SECRET_BYTES) })),
  );
  const ids = new Map<Role, string>();
  let organisationId = '';
  await s.db.transaction(async (tx) => {
    organisationId = (
      await unsafeCreateOrganisation({ ...s, db: tx }, { name, slug, defaultLanguage: 'nl', contactText: 'Dit is een demonstratie. Gebruik geen echte gegevens.', isDemo: true })
    ).id;
    for (const { role, keys, totp } of prepared) {
      const [user] = await tx
        .insert(users)
        .values({
          organisationId,
          email: demoEmail(slug, role),
          displayName: `Demo ${role.replace(/_/g, ' ')}${slug === 'demo' ? '' : ` (${name.split(' ')[0]})`}`,
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
      await tx.update(users).set({ totpSecretSealed: sealTotpSecret(s, user!.id, totp) }).where(inOrg(organisationId, users, eq(users.id, user!.id)));
      ids.set(role, user!.id);
    }
  });
  // The bodies found themselves and admit their members through the same commands as in real use.
  const actor = (role: Role) => ({ userId: ids.get(role)!, organisationId, roles: [role], privateKey: prepared.find((p) => p.role === role)!.keys.privateKey });
  const statement = `Demonstratie: benoemd bij besluit van ${name}.`;
  // In real use the person reads their fingerprint out to the chair; here the seed knows their keys.
  const fingerprintOf = (role: Role) => {
    const keys = prepared.find((p) => p.role === role)!.keys;
    return keyFingerprint(s.sodium, keys.publicKey, signingKeyPairFrom(s.sodium, keys.privateKey).publicKey);
  };
  if (ids.has('chair')) {
    await foundBody(s, actor('chair'), { body: 'commission', statement });
    for (const role of (['secretary', 'commission_member', 'external_investigator'] as const).filter((r) => ids.has(r))) {
      await admitMember(s, actor('chair'), { body: 'commission', userId: ids.get(role), fingerprint: fingerprintOf(role), roles: [role] });
    }
  }
  if (ids.has('confidential_advisor')) await foundBody(s, actor('confidential_advisor'), { body: 'advisors', statement });
  if (ids.has('ethics_panel_member')) await foundBody(s, actor('ethics_panel_member'), { body: 'ethics_panel', statement });
  return organisationId;
}

async function existingDemoAccounts(s: Services): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const demo of demoOrganisations) {
    // Each account is looked up in its own demo organisation, found by its address.
    const organisation = await findOrganisationBySlug(s, demo.slug);
    if (!organisation) continue;
    for (const role of demo.roles) {
      const [user] = await s.db
        .select({ id: users.id, totp: users.totpSecretSealed })
        .from(users)
        .where(inOrg(organisation.id, users, eq(users.email, demoEmail(demo.slug, role))));
      const secret = user?.totp ? openTotpSecret(s, user.id, user.totp) : null;
      if (secret) accounts.push({ organisation: demo.slug, role, email: demoEmail(demo.slug, role), password: demoPassword(role), totpSecret: toBase32(secret) });
    }
  }
  return accounts;
}

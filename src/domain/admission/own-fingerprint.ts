import { eq } from 'drizzle-orm';
import { publicKeyOf } from '../../crypto/case-keys.js';
import { keyFingerprint, signingKeyPairFrom } from '../../crypto/signing.js';
import { users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';

export interface OwnFingerprint {
  /** Computed from the private key of this session, never from the database: what the person reads out to the admitter. */
  fingerprint: string;
  /** The public keys on the account row differ from the person's own: someone edited the database. */
  rowDiffers: boolean;
}

/**
 * The signed-in person's own key fingerprint. Before admitting someone, the admitter asks them to
 * read it out (in person or by phone) and types it in: a key swapped in the database would not
 * match it, so the body never signs an attacker's key.
 */
export async function ownFingerprint(s: Pick<Services, 'db' | 'sodium'>, actor: StaffActor | null): Promise<OwnFingerprint | null> {
  authorize(actor, 'account.manage-own');
  if (!actor.privateKey) return null;
  const boxPublicKey = publicKeyOf(s.sodium, actor.privateKey);
  const signing = signingKeyPairFrom(s.sodium, actor.privateKey);
  signing.privateKey.fill(0);
  const [row] = await s.db.select({ publicKey: users.publicKey, signingPublicKey: users.signingPublicKey }).from(users).where(inOrg(actor.organisationId, users, eq(users.id, actor.userId)));
  const rowDiffers = !row?.publicKey || !row.signingPublicKey || !s.sodium.memcmp(row.publicKey, boxPublicKey) || !s.sodium.memcmp(row.signingPublicKey, signing.publicKey);
  return { fingerprint: keyFingerprint(s.sodium, boxPublicKey, signing.publicKey), rowDiffers };
}

/** Fingerprints compare without spaces, dashes or case, as people read and type them. */
export function sameFingerprint(a: string, b: string): boolean {
  const clean = (v: string) => v.toUpperCase().replace(/[^0-9A-F]/g, '');
  return clean(a).length === 16 && clean(a) === clean(b);
}

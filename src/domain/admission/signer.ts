import { publicKeyOf } from '../../crypto/case-keys.js';
import { signingKeyPairFrom, type SigningKeyPair } from '../../crypto/signing.js';
import type { Sodium } from '../../crypto/sodium.js';
import { AppError } from '../errors.js';
import type { StaffActor } from '../cases/open-case.js';

/**
 * The signing key of the signed-in person, from their session's private key. It must match the
 * keys on their account row; otherwise the row was edited and nothing is signed.
 */
export function unsafeSessionSigner(sodium: Sodium, actor: StaffActor, account: { publicKey: Uint8Array | null; signingPublicKey: Uint8Array | null }): SigningKeyPair {
  if (!actor.privateKey) throw new AppError('unauthenticated');
  const pair = signingKeyPairFrom(sodium, actor.privateKey);
  if (!account.publicKey || !account.signingPublicKey) throw new AppError('conflict');
  if (!sodium.memcmp(publicKeyOf(sodium, actor.privateKey), account.publicKey) || !sodium.memcmp(pair.publicKey, account.signingPublicKey)) {
    throw new AppError('tampered');
  }
  return pair;
}

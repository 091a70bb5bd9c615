import { toBase64Url } from './encoding.js';
import type { Sodium } from './sodium.js';

// A staff member's Ed25519 signing key is derived from their X25519 private key under its own
// context. So it is protected exactly as that key is (sealed under the password and under the
// recovery key), a password change or recovery needs no extra step, and the server never holds
// it outside a signed-in session.
const SIGNING_SEED_CONTEXT = 'tegenspraak:signing-seed:v1';

export interface SigningKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export function signingKeyPairFrom(sodium: Sodium, boxPrivateKey: Uint8Array): SigningKeyPair {
  const seed = sodium.crypto_generichash(32, boxPrivateKey, sodium.from_string(SIGNING_SEED_CONTEXT));
  const pair = sodium.crypto_sign_seed_keypair(seed);
  seed.fill(0);
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

/** Everything an admission vouches for; the signature covers exactly these fields. */
export interface AdmissionFields {
  id: string;
  body: string;
  userId: string;
  roles: readonly string[];
  boxPublicKey: Uint8Array;
  signingPublicKey: Uint8Array;
  admittedOn: string;
  admittedBy: string | null;
  statement: string | null;
}

function admissionMessage(sodium: Sodium, fields: AdmissionFields): Uint8Array {
  return sodium.from_string(
    JSON.stringify([
      'tegenspraak:admission:v1',
      fields.id,
      fields.body,
      fields.userId,
      [...fields.roles].sort(),
      toBase64Url(fields.boxPublicKey),
      toBase64Url(fields.signingPublicKey),
      fields.admittedOn,
      fields.admittedBy,
      fields.statement,
    ]),
  );
}

export function signAdmission(sodium: Sodium, admitterPrivateKey: Uint8Array, fields: AdmissionFields): Uint8Array {
  return sodium.crypto_sign_detached(admissionMessage(sodium, fields), admitterPrivateKey);
}

export function verifyAdmission(sodium: Sodium, admitterPublicKey: Uint8Array, fields: AdmissionFields, signature: Uint8Array): boolean {
  if (admitterPublicKey.length !== sodium.crypto_sign_PUBLICKEYBYTES || signature.length !== sodium.crypto_sign_BYTES) return false;
  try {
    return sodium.crypto_sign_verify_detached(signature, admissionMessage(sodium, fields), admitterPublicKey);
  } catch {
    return false;
  }
}

/**
 * A short fingerprint of a reader's keys for people to compare (on the start page, against the
 * commission's appointment decision): 16 hex digits in groups of four.
 */
export function keyFingerprint(sodium: Sodium, boxPublicKey: Uint8Array, signingPublicKey: Uint8Array): string {
  const both = new Uint8Array(boxPublicKey.length + signingPublicKey.length);
  both.set(boxPublicKey);
  both.set(signingPublicKey, boxPublicKey.length);
  const hex = sodium.to_hex(sodium.crypto_generichash(8, both, sodium.from_string('tegenspraak:fingerprint:v1'))).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

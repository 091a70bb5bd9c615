import { openWithKey, sealWithKey } from './aead.js';
import type { Sodium } from './sodium.js';

// Each case has its own X25519 key pair. Its private key is sealed to every authorised handler's
// public key (and, elsewhere, to the reporter's receipt key); nobody else holds it, the
// administrator and the server included.
//
// Content is written as entries: a random entry key encrypts the content (XChaCha20-Poly1305,
// bound to the case and the entry by associated data) and is itself sealed to the case public
// key. So anyone with the case's public key can add to it, and only key holders can read.

export interface CaseKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export function createCaseKeyPair(sodium: Sodium): CaseKeyPair {
  const pair = sodium.crypto_box_keypair();
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

/** Seals data so that only the holder of the recipient's private key can open it. */
export function sealToPublicKey(sodium: Sodium, recipientPublicKey: Uint8Array, data: Uint8Array): Uint8Array {
  return sodium.crypto_box_seal(data, recipientPublicKey);
}

export function openSealed(sodium: Sodium, publicKey: Uint8Array, privateKey: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  try {
    return sodium.crypto_box_seal_open(sealed, publicKey, privateKey);
  } catch {
    return null;
  }
}

export function publicKeyOf(sodium: Sodium, privateKey: Uint8Array): Uint8Array {
  return sodium.crypto_scalarmult_base(privateKey);
}

export interface SealedEntry {
  sealedKey: Uint8Array;
  ciphertext: Uint8Array;
}

function entryContext(caseId: string, entryId: string, kind: string): string {
  return `tegenspraak:case-entry:v1:${caseId}:${entryId}:${kind}`;
}

export function sealEntry(sodium: Sodium, casePublicKey: Uint8Array, ids: { caseId: string; entryId: string; kind: string }, plaintext: Uint8Array): SealedEntry {
  const entryKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  return {
    sealedKey: sealToPublicKey(sodium, casePublicKey, entryKey),
    ciphertext: sealWithKey(sodium, entryKey, plaintext, entryContext(ids.caseId, ids.entryId, ids.kind)),
  };
}

/** Null when the key is wrong, or the entry was altered or moved to another case or kind. */
export function openEntry(
  sodium: Sodium,
  caseKeys: CaseKeyPair,
  ids: { caseId: string; entryId: string; kind: string },
  entry: SealedEntry,
): Uint8Array | null {
  const entryKey = openSealed(sodium, caseKeys.publicKey, caseKeys.privateKey, entry.sealedKey);
  if (!entryKey) return null;
  return openWithKey(sodium, entryKey, entry.ciphertext, entryContext(ids.caseId, ids.entryId, ids.kind));
}

const RECEIPT_SEAL_CONTEXT = 'tegenspraak:case-key-by-receipt:v1';

export function sealCaseKeyForReceipt(sodium: Sodium, receiptKey: Uint8Array, casePrivateKey: Uint8Array): Uint8Array {
  return sealWithKey(sodium, receiptKey, casePrivateKey, RECEIPT_SEAL_CONTEXT);
}

export function openCaseKeyWithReceipt(sodium: Sodium, receiptKey: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  return openWithKey(sodium, receiptKey, sealed, RECEIPT_SEAL_CONTEXT);
}

// The reporter's identity is sealed per reader with the case id inside the sealed box, so a
// sealed identity copied to another case's row (a swap by someone who edits the database) is
// detected on opening, as moved entries are.
const IDENTITY_PREFIX = 'tegenspraak:identity:v2:';

export function sealIdentity(sodium: Sodium, recipientPublicKey: Uint8Array, caseId: string, identityJson: string): Uint8Array {
  return sealToPublicKey(sodium, recipientPublicKey, sodium.from_string(`${IDENTITY_PREFIX}${caseId}\n${identityJson}`));
}

/**
 * The identity's JSON text, or null when the key is wrong, the box was altered, or it belongs to
 * another case. Copies written before the binding (plain JSON) still open: they cannot be bound
 * after the fact without the custodian's key.
 */
export function openIdentity(sodium: Sodium, privateKey: Uint8Array, caseId: string, sealed: Uint8Array): string | null {
  const plain = openSealed(sodium, publicKeyOf(sodium, privateKey), privateKey, sealed);
  if (!plain) return null;
  const text = sodium.to_string(plain);
  if (text.startsWith('{')) return text;
  const expected = `${IDENTITY_PREFIX}${caseId}\n`;
  return text.startsWith(expected) ? text.slice(expected.length) : null;
}

import { openSealed, publicKeyOf, sealToPublicKey } from './case-keys.js';
import type { Sodium } from './sodium.js';

// Texts sealed to one account's public key by a writer who has no key of their own (a dilemma an
// employee submits, sealed to each reader of the ethics panel): the server needs the signed-in
// reader's private key to open them, so a database dump shows nothing. What it is and which row it
// belongs to are inside the box: a copy moved to another row, or altered, does not open. Such a box
// says nothing of who wrote it; texts an account writes for itself use sealForSelf below.
const PREFIX = 'tegenspraak:bound:v1:';

export function sealBound(sodium: Sodium, publicKey: Uint8Array, binding: string, text: string): Uint8Array {
  return sealToPublicKey(sodium, publicKey, sodium.from_string(`${PREFIX}${binding}\n${text}`));
}

/** The text, or null when the key is not the reader's, the box was altered or it belongs elsewhere. */
export function openBound(sodium: Sodium, privateKey: Uint8Array, binding: string, sealed: Uint8Array): string | null {
  const plain = openSealed(sodium, publicKeyOf(sodium, privateKey), privateKey, sealed);
  if (!plain) return null;
  const text = sodium.to_string(plain);
  const expected = `${PREFIX}${binding}\n`;
  return text.startsWith(expected) ? text.slice(expected.length) : null;
}

const SELF_PREFIX = 'tegenspraak:self:v1:';

/**
 * A text the account writes for itself alone (a deliberation's notes, a team's conclusions, the
 * join code to show again): a box from its own key pair to itself, so that only the holder of the
 * private key can have written it as well as read it; one made with the public key alone, or moved
 * from another row, does not open.
 */
export function sealForSelf(sodium: Sodium, keys: { publicKey: Uint8Array; privateKey: Uint8Array }, binding: string, text: string): Uint8Array {
  const nonce = sodium.randombytes_buf(sodium.crypto_box_NONCEBYTES);
  const box = sodium.crypto_box_easy(sodium.from_string(`${SELF_PREFIX}${binding}\n${text}`), nonce, keys.publicKey, keys.privateKey);
  const out = new Uint8Array(nonce.length + box.length);
  out.set(nonce);
  out.set(box, nonce.length);
  return out;
}

/** The text, or null when the key is not the writer's, the box was altered or made elsewhere. */
export function openFromSelf(sodium: Sodium, privateKey: Uint8Array, binding: string, sealed: Uint8Array): string | null {
  const n = sodium.crypto_box_NONCEBYTES;
  if (sealed.length <= n + sodium.crypto_box_MACBYTES) return null;
  let plain: Uint8Array;
  try {
    plain = sodium.crypto_box_open_easy(sealed.subarray(n), sealed.subarray(0, n), publicKeyOf(sodium, privateKey), privateKey);
  } catch {
    return null;
  }
  const text = sodium.to_string(plain);
  const expected = `${SELF_PREFIX}${binding}\n`;
  return text.startsWith(expected) ? text.slice(expected.length) : null;
}

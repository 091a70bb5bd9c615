import type { Sodium } from './sodium.js';

// Symmetric authenticated encryption (XChaCha20-Poly1305) with a random nonce stored in front.
// The associated data binds a ciphertext to its purpose, so one sealed value cannot be
// swapped in for another.
export function sealWithKey(sodium: Sodium, key: Uint8Array, plaintext: Uint8Array, context: string): Uint8Array {
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, context, null, nonce, key);
  const out = new Uint8Array(nonce.length + ciphertext.length);
  out.set(nonce);
  out.set(ciphertext, nonce.length);
  return out;
}

/** Returns null when the ciphertext was tampered with, the key is wrong or the context differs. */
export function openWithKey(sodium: Sodium, key: Uint8Array, sealed: Uint8Array, context: string): Uint8Array | null {
  const nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (sealed.length < nonceBytes + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES) return null;
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(nonceBytes),
      context,
      sealed.subarray(0, nonceBytes),
      key,
    );
  } catch {
    return null;
  }
}

import type { Sodium } from './sodium.js';

// Files are encrypted as a stream of 64 KiB chunks (libsodium secretstream): each chunk is
// authenticated, their order is fixed and the last one is marked, so a truncated, reordered or
// altered file fails to decrypt instead of coming back damaged.
const CHUNK = 64 * 1024;

export interface EncryptedFile {
  key: Uint8Array;
  header: Uint8Array;
  ciphertext: Uint8Array;
}

export function encryptFile(sodium: Sodium, plaintext: Uint8Array): EncryptedFile {
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const parts: Uint8Array[] = [];
  let offset = 0;
  do {
    const end = Math.min(offset + CHUNK, plaintext.length);
    const tag = end >= plaintext.length ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    parts.push(sodium.crypto_secretstream_xchacha20poly1305_push(state, plaintext.subarray(offset, end), null, tag));
    offset = end;
  } while (offset < plaintext.length);
  return { key, header, ciphertext: concat(parts) };
}

/** Null when the key is wrong or any chunk was altered, dropped, reordered or cut off. */
export function decryptFile(sodium: Sodium, key: Uint8Array, header: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  try {
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    const parts: Uint8Array[] = [];
    const sealedChunk = CHUNK + sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
    let offset = 0;
    let finished = false;
    while (offset < ciphertext.length && !finished) {
      const end = Math.min(offset + sealedChunk, ciphertext.length);
      const result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, ciphertext.subarray(offset, end), null);
      if (!result) return null;
      parts.push(result.message);
      finished = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      offset = end;
    }
    return finished && offset === ciphertext.length ? concat(parts) : null;
  } catch {
    return null;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

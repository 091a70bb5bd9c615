import { toBase64Url } from './encoding.js';
import type { Sodium } from './sodium.js';

// 12 characters from 31 that cannot be mistaken for one another (no 0/O, 1/I/L): about 59 bits, so a
// code cannot be guessed and its hash cannot be reversed by trying them all.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

export function normaliseCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '');
  return clean.length === CODE_LENGTH && [...clean].every((ch) => ALPHABET.includes(ch)) ? clean : null;
}

export const HASH_BYTES = 16;

export function hashCode(sodium: Sodium, normalised: string): Uint8Array {
  return sodium.crypto_generichash(HASH_BYTES, sodium.from_string(`survey-code:${normalised}`), null);
}

export function newCodes(sodium: Sodium, count: number): string[] {
  // A ChaCha20 stream under a fresh random seed: the same quality as randombytes_buf, at stream
  // cipher speed (asking for 1.5 MB byte by byte from the system takes seconds in WebAssembly).
  const fresh = () => sodium.randombytes_buf_deterministic(Math.ceil(count * CODE_LENGTH * 1.1) + 64, sodium.randombytes_buf(32));
  let stream = fresh();
  let at = 0;
  const next = (): number => {
    // 256 is not a multiple of 31: only bytes below 248 (8 x 31) keep every character equally likely.
    for (;;) {
      if (at >= stream.length) {
        stream = fresh();
        at = 0;
      }
      const byte = stream[at++]!;
      if (byte < 248) return byte % ALPHABET.length;
    }
  };
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    let code = '';
    for (let j = 0; j < CODE_LENGTH; j++) code += ALPHABET[next()];
    codes.push(code);
  }
  return codes;
}

/** A public panel link's secret: shown once, only its hash is kept. */
export function newOpenLinkToken(sodium: Sodium): string {
  return toBase64Url(sodium.randombytes_buf(24));
}

export function openLinkHash(sodium: Sodium, token: string): Uint8Array {
  return sodium.crypto_generichash(32, sodium.from_string(`survey-link:${token}`), null);
}

import type { Sodium } from './sodium.js';

// A team session's join code: 8 characters from 31 that cannot be mistaken for one another (no
// 0/O, 1/I/L), about 40 bits, read aloud or from a projected screen. Only its hash is kept; what
// makes guessing hopeless is that bits against a throttle per first two characters, and that a code
// lives only while its session runs.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function normaliseJoinCode(input: string): string | null {
  const clean = input.slice(0, 40).toUpperCase().replace(/[\s-]/g, '');
  return clean.length === JOIN_CODE_LENGTH && [...clean].every((ch) => ALPHABET.includes(ch)) ? clean : null;
}

export function newJoinCode(sodium: Sodium): string {
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    const byte = sodium.randombytes_uniform(ALPHABET.length);
    code += ALPHABET[byte];
  }
  return code;
}

/** Shown as two groups of four, which people read and type more easily. */
export function displayJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function hashJoinCode(sodium: Sodium, normalised: string): Uint8Array {
  return sodium.crypto_generichash(32, sodium.from_string(`tegenspraak:team-code:${normalised}`), null);
}

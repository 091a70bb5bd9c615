import type { Sodium } from './sodium.js';

// A team session's join code: 10 characters from 31 that cannot be mistaken for one another (no
// 0/O, 1/I/L), about 50 bits, read from a projected screen. Only a keyed hash is kept (the server
// key), so a database copy gives no code to try offline. Guessing is bounded by the code's bits
// against a throttle per first two characters, and a code lives only while its session runs.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 10;

export function normaliseJoinCode(input: string): string | null {
  const clean = input.slice(0, 40).toUpperCase().replace(/[\s-]/g, '');
  return clean.length === JOIN_CODE_LENGTH && [...clean].every((ch) => ALPHABET.includes(ch)) ? clean : null;
}

export function newJoinCode(sodium: Sodium): string {
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) code += ALPHABET[sodium.randombytes_uniform(ALPHABET.length)];
  return code;
}

/** Shown as two groups of five, which people read and type more easily. */
export function displayJoinCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function hashJoinCode(sodium: Sodium, key: Uint8Array, normalised: string): Uint8Array {
  return sodium.crypto_generichash(32, sodium.from_string(`tegenspraak:team-code:${normalised}`), key);
}

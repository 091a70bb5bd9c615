import { fromBase64Url, toBase64Url } from './encoding.js';
import type { Sodium } from './sodium.js';

// One-time tokens (setup, invitation, session) are random and stored only as a keyed hash, with
// the purpose in the hash so that a token of one kind can never be used as another.
export const TOKEN_BYTES = 32;

export type TokenPurpose = 'setup' | 'invitation' | 'session-id' | 'session-key' | 'team-participant';

export function newToken(sodium: Sodium): string {
  return toBase64Url(sodium.randombytes_buf(TOKEN_BYTES));
}

export function hashToken(sodium: Sodium, purpose: TokenPurpose, token: string): Uint8Array {
  return sodium.crypto_generichash(32, sodium.from_string(`tegenspraak:${purpose}:${token}`), null);
}

/** True when the text has the shape of a token we issue; checked before any hashing or lookup. */
export function isWellFormedToken(token: string): boolean {
  const bytes = token.length === 43 ? fromBase64Url(token) : null;
  return bytes !== null && bytes.length === TOKEN_BYTES;
}

import { openSealed, publicKeyOf, sealToPublicKey } from './case-keys.js';
import type { Sodium } from './sodium.js';

// Texts sealed to one account's public key: a deliberation's notes and a team's conclusions (to the
// facilitator's own key), a submitted dilemma (to each reader of the ethics panel). The server
// needs the signed-in reader's private key to open them, so a database dump shows nothing. What it
// is and which row it belongs to are inside the box: a copy moved to another row does not open.
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

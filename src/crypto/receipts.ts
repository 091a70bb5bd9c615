import type { KdfPool } from './kdf-pool.js';
import type { Sodium } from './sodium.js';

// A reporter's receipt: 20 random digits shown as five groups of four (10^20, about 66 bits).
// It is the reporter's only key. The server keeps no copy: one Argon2id derivation gives a
// lookup value (stored only as a hash) and a key that opens the case; a database dump holder
// would need one slow derivation per guess.
export const RECEIPT_DIGITS = 20;

export function newReceipt(sodium: Sodium): string {
  let digits = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) digits += String(sodium.randombytes_uniform(10));
  return formatReceipt(digits);
}

export function formatReceipt(digits: string): string {
  return digits.match(/.{1,4}/g)!.join('-');
}

/** The 20 digits of a receipt as typed (spaces, dashes and dots allowed), or null. */
export function normaliseReceipt(input: string): string | null {
  const digits = input.replace(/[\s.\-–]/g, '');
  return /^\d{20}$/.test(digits) ? digits : null;
}

/** The first group: used only to spread the guessing budget, never to find a case. */
export function receiptBucket(digits: string): string {
  return digits.slice(0, 4);
}

export async function deriveReceiptSecrets(
  kdf: KdfPool,
  sodium: Sodium,
  digits: string,
  installationSalt: Uint8Array,
): Promise<{ lookup: Uint8Array; key: Uint8Array }> {
  const salt = sodium.crypto_generichash(16, sodium.from_string('tegenspraak:receipt:v1'), installationSalt);
  const output = await kdf.derive({ secret: digits, salt, outputLength: 64 });
  return { lookup: sodium.crypto_generichash(32, output.subarray(0, 32), null), key: output.slice(32, 64) };
}

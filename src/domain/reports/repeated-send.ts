import { and, eq, gt } from 'drizzle-orm';
import { openWithKey, sealWithKey } from '../../crypto/aead.js';
import { fromBase64Url } from '../../crypto/encoding.js';
import type { Sodium } from '../../crypto/sodium.js';
import { reportSubmissions } from '../../db/schema.js';
import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';

// A report form's draft carries a random nonce. Sending stores a hash of it together with the
// receipt, sealed under a key derived from the nonce; the same draft sent again finds that row
// and gets the same receipt back instead of a second report.

const HASH_CONTEXT = 'tegenspraak:submission-nonce:v1';
const KEY_CONTEXT = 'tegenspraak:submission-key:v1';

function nonceBytes(nonce: string): Uint8Array | null {
  const bytes = nonce.length <= 64 ? fromBase64Url(nonce) : null;
  return bytes && bytes.length === 32 ? bytes : null;
}

export function submissionRow(sodium: Sodium, nonce: string, receipt: string, expiresAt: Date): typeof reportSubmissions.$inferInsert | null {
  const bytes = nonceBytes(nonce);
  if (!bytes) return null;
  const key = sodium.crypto_generichash(32, bytes, sodium.from_string(KEY_CONTEXT));
  return {
    nonceHash: sodium.crypto_generichash(32, bytes, sodium.from_string(HASH_CONTEXT)),
    sealedReceipt: sealWithKey(sodium, key, sodium.from_string(receipt), 'submission-receipt'),
    expiresAt,
  };
}

/** The receipt of an earlier send of the same draft, or null. */
export async function receiptOfEarlierSend(s: Pick<Services, 'sodium' | 'now'> & { db: Db | Tx }, nonce: string): Promise<string | null> {
  const bytes = nonceBytes(nonce);
  if (!bytes) return null;
  const [row] = await s.db
    .select()
    .from(reportSubmissions)
    .where(and(eq(reportSubmissions.nonceHash, s.sodium.crypto_generichash(32, bytes, s.sodium.from_string(HASH_CONTEXT))), gt(reportSubmissions.expiresAt, s.now())));
  if (!row) return null;
  const plain = openWithKey(s.sodium, s.sodium.crypto_generichash(32, bytes, s.sodium.from_string(KEY_CONTEXT)), row.sealedReceipt, 'submission-receipt');
  return plain ? s.sodium.to_string(plain) : null;
}

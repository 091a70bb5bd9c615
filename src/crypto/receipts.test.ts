import { afterAll, describe, expect, it } from 'vitest';
import { createCaseKeyPair, openCaseKeyWithReceipt, sealCaseKeyForReceipt } from './case-keys.js';
import { createKdfPool } from './kdf-pool.js';
import { deriveReceiptSecrets, newReceipt, normaliseReceipt } from './receipts.js';
import { loadSodium } from './sodium.js';

const sodium = await loadSodium();
const kdf = createKdfPool({ threads: 1 });
afterAll(() => kdf.close());

describe('receipts', () => {
  it('are 20 random digits in five groups, read back however they are typed', () => {
    const receipt = newReceipt(sodium);
    expect(receipt).toMatch(/^\d{4}(-\d{4}){4}$/);
    expect(new Set(Array.from({ length: 50 }, () => newReceipt(sodium))).size).toBe(50);
    expect(normaliseReceipt(receipt.replace(/-/g, ' '))).toBe(receipt.replace(/-/g, ''));
    expect(normaliseReceipt('1234-5678')).toBeNull();
    expect(normaliseReceipt('abcd-efgh-ijkl-mnop-qrst')).toBeNull();
  });

  it('open the case key only with the right receipt on the same installation', async () => {
    const salt = sodium.randombytes_buf(16);
    const digits = normaliseReceipt(newReceipt(sodium))!;
    const right = await deriveReceiptSecrets(kdf, sodium, digits, salt);
    const keys = createCaseKeyPair(sodium);
    const sealed = sealCaseKeyForReceipt(sodium, right.key, keys.privateKey);
    expect(openCaseKeyWithReceipt(sodium, right.key, sealed)).toEqual(keys.privateKey);

    // One digit off: another lookup value and a key that opens nothing.
    const other = `${digits.slice(0, 19)}${(Number(digits[19]) + 1) % 10}`;
    const wrong = await deriveReceiptSecrets(kdf, sodium, other, salt);
    expect(sodium.to_hex(wrong.lookup)).not.toBe(sodium.to_hex(right.lookup));
    expect(openCaseKeyWithReceipt(sodium, wrong.key, sealed)).toBeNull();

    // The same receipt on another installation (another salt) derives something else: no precomputed tables.
    const elsewhere = await deriveReceiptSecrets(kdf, sodium, digits, sodium.randombytes_buf(16));
    expect(sodium.to_hex(elsewhere.lookup)).not.toBe(sodium.to_hex(right.lookup));
  });
});

import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile } from './file-stream.js';
import { loadSodium } from './sodium.js';

describe('file stream encryption', async () => {
  const sodium = await loadSodium();
  const sizes = [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300_000];

  it.each(sizes)('round-trips %i bytes', (size) => {
    const data = sodium.randombytes_buf(size);
    const encrypted = encryptFile(sodium, data);
    expect(Buffer.from(decryptFile(sodium, encrypted.key, encrypted.header, encrypted.ciphertext)!)).toEqual(Buffer.from(data));
  });

  it('refuses an altered, truncated or extended file, or the wrong key', () => {
    const data = sodium.randombytes_buf(200_000);
    const { key, header, ciphertext } = encryptFile(sodium, data);
    const altered = ciphertext.slice();
    altered[100_000]! ^= 1;
    expect(decryptFile(sodium, key, header, altered)).toBeNull();
    expect(decryptFile(sodium, key, header, ciphertext.subarray(0, 64 * 1024 + 17))).toBeNull();
    expect(decryptFile(sodium, key, header, new Uint8Array([...ciphertext, 1, 2, 3]))).toBeNull();
    expect(decryptFile(sodium, sodium.crypto_secretstream_xchacha20poly1305_keygen(), header, ciphertext)).toBeNull();
  });
});

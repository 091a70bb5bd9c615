import { afterAll, describe, expect, it } from 'vitest';
import { createAccountKeys, sealPrivateKeyUnderPassword, unlockWithPassword, unlockWithRecoveryKey } from './account-keys.js';
import { createKdfPool, KDF_MEM_LIMIT } from './kdf-pool.js';
import { loadSodium } from './sodium.js';

const kdf = createKdfPool({ threads: 2 });
afterAll(() => kdf.close());

describe('account key pair', async () => {
  const sodium = await loadSodium();
  const keys = await createAccountKeys(kdf, sodium, 'the right password');

  it('uses Argon2id with at least 64 MiB', () => {
    expect(keys.kdfMemLimit).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    expect(KDF_MEM_LIMIT).toBe(64 * 1024 * 1024);
  });

  it('unseals the private key with the password, and only with it', async () => {
    const privateKey = await unlockWithPassword(kdf, sodium, keys, 'the right password');
    expect(privateKey && sodium.to_hex(privateKey)).toBe(sodium.to_hex(keys.privateKey));
    expect(sodium.to_hex(sodium.crypto_scalarmult_base(privateKey!))).toBe(sodium.to_hex(keys.publicKey));
    expect(await unlockWithPassword(kdf, sodium, keys, 'the wrong password')).toBeNull();
  });

  it('refuses a tampered sealed key', async () => {
    const tampered = keys.privateKeyByPassword.slice();
    tampered[tampered.length - 1]! ^= 1;
    expect(await unlockWithPassword(kdf, sodium, { ...keys, privateKeyByPassword: tampered }, 'the right password')).toBeNull();
  });

  it('recovers with the recovery key (any case, spaces or dashes) and refuses another', () => {
    const relaxed = keys.recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(sodium.to_hex(unlockWithRecoveryKey(sodium, keys.privateKeyByRecovery, relaxed)!)).toBe(sodium.to_hex(keys.privateKey));
    const other = keys.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(unlockWithRecoveryKey(sodium, keys.privateKeyByRecovery, other)).toBeNull();
    expect(unlockWithRecoveryKey(sodium, keys.privateKeyByRecovery, 'not a key')).toBeNull();
  });

  it('re-seals the same private key under a new password', async () => {
    const resealed = await sealPrivateKeyUnderPassword(kdf, sodium, keys.privateKey, 'a new password here');
    expect(sodium.to_hex((await unlockWithPassword(kdf, sodium, resealed, 'a new password here'))!)).toBe(sodium.to_hex(keys.privateKey));
    expect(await unlockWithPassword(kdf, sodium, resealed, 'the right password')).toBeNull();
  });
});

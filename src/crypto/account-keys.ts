import { openWithKey, sealWithKey } from './aead.js';
import { fromBase32, groupCode, toBase32 } from './encoding.js';
import { KDF_MEM_LIMIT, KDF_OPS_LIMIT, KDF_SALT_BYTES, type KdfPool } from './kdf-pool.js';
import type { Sodium } from './sodium.js';

// A staff member's X25519 key pair. The private key is stored twice, sealed under a key derived
// from the password (Argon2id) and under a random recovery key that is shown once. The server
// keeps neither the password nor the recovery key.
const PRIVATE_KEY_CONTEXT = 'tegenspraak:account-private-key:v1';
const RECOVERY_KEY_BYTES = 20;

export interface PasswordSecrets {
  kdfSalt: Uint8Array;
  kdfOpsLimit: number;
  kdfMemLimit: number;
  passwordVerifier: Uint8Array;
  privateKeyByPassword: Uint8Array;
}

export interface NewAccountKeys extends PasswordSecrets {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  privateKeyByRecovery: Uint8Array;
  /** Shown to the person once, in groups; never stored. */
  recoveryKey: string;
}

export interface StoredPasswordSecrets {
  kdfSalt: Uint8Array;
  kdfOpsLimit: number;
  kdfMemLimit: number;
  passwordVerifier: Uint8Array;
  privateKeyByPassword: Uint8Array;
}

/** One Argon2id run, split in two: a verifier half and a key-encryption half. */
async function derivePasswordKeys(kdf: KdfPool, sodium: Sodium, password: string, salt: Uint8Array, ops: number, mem: number) {
  const output = await kdf.derive({ secret: password, salt, outputLength: 64, opsLimit: ops, memLimit: mem });
  return {
    verifier: sodium.crypto_generichash(32, output.subarray(0, 32), null),
    keyEncryptionKey: output.slice(32, 64),
  };
}

export async function sealPrivateKeyUnderPassword(
  kdf: KdfPool,
  sodium: Sodium,
  privateKey: Uint8Array,
  password: string,
): Promise<PasswordSecrets> {
  const kdfSalt = sodium.randombytes_buf(KDF_SALT_BYTES);
  const { verifier, keyEncryptionKey } = await derivePasswordKeys(kdf, sodium, password, kdfSalt, KDF_OPS_LIMIT, KDF_MEM_LIMIT);
  return {
    kdfSalt,
    kdfOpsLimit: KDF_OPS_LIMIT,
    kdfMemLimit: KDF_MEM_LIMIT,
    passwordVerifier: verifier,
    privateKeyByPassword: sealWithKey(sodium, keyEncryptionKey, privateKey, PRIVATE_KEY_CONTEXT),
  };
}

export async function createAccountKeys(kdf: KdfPool, sodium: Sodium, password: string): Promise<NewAccountKeys> {
  const pair = sodium.crypto_box_keypair();
  const recoveryBytes = sodium.randombytes_buf(RECOVERY_KEY_BYTES);
  const passwordSecrets = await sealPrivateKeyUnderPassword(kdf, sodium, pair.privateKey, password);
  return {
    ...passwordSecrets,
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    privateKeyByRecovery: sealWithKey(sodium, recoveryKeyToKey(sodium, recoveryBytes), pair.privateKey, PRIVATE_KEY_CONTEXT),
    recoveryKey: groupCode(toBase32(recoveryBytes), 4),
  };
}

/** Checks the password; on success returns the unsealed private key, otherwise null. */
export async function unlockWithPassword(
  kdf: KdfPool,
  sodium: Sodium,
  stored: StoredPasswordSecrets,
  password: string,
): Promise<Uint8Array | null> {
  const { verifier, keyEncryptionKey } = await derivePasswordKeys(
    kdf,
    sodium,
    password,
    stored.kdfSalt,
    stored.kdfOpsLimit,
    stored.kdfMemLimit,
  );
  if (!sodium.memcmp(verifier, stored.passwordVerifier)) return null;
  return openWithKey(sodium, keyEncryptionKey, stored.privateKeyByPassword, PRIVATE_KEY_CONTEXT);
}

/** Opens the private key with the recovery key; null when the key is wrong or malformed. */
export function unlockWithRecoveryKey(sodium: Sodium, privateKeyByRecovery: Uint8Array, recoveryKey: string): Uint8Array | null {
  const bytes = fromBase32(recoveryKey);
  if (!bytes || bytes.length !== RECOVERY_KEY_BYTES) return null;
  return openWithKey(sodium, recoveryKeyToKey(sodium, bytes), privateKeyByRecovery, PRIVATE_KEY_CONTEXT);
}

// The recovery key carries 160 random bits, so a fast hash suffices to turn it into a key.
function recoveryKeyToKey(sodium: Sodium, recoveryBytes: Uint8Array): Uint8Array {
  return sodium.crypto_generichash(32, recoveryBytes, sodium.from_string('tegenspraak:recovery:v1'));
}

/** A dummy derivation of the same cost, so an unknown account takes as long as a wrong password. */
export async function spendEquivalentKdfTime(kdf: KdfPool, sodium: Sodium, password: string): Promise<void> {
  await derivePasswordKeys(kdf, sodium, password, new Uint8Array(KDF_SALT_BYTES), KDF_OPS_LIMIT, KDF_MEM_LIMIT);
}

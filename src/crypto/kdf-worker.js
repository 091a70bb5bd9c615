// Runs Argon2id off the event loop (see kdf-pool.ts). Plain JavaScript so that the same file
// loads in the built app and under the test runner.
import sodium from 'libsodium-wrappers-sumo';

const ready = sodium.ready;

export default async function derive({ secret, salt, outputLength, opsLimit, memLimit }) {
  await ready;
  return sodium.crypto_pwhash(
    outputLength,
    secret,
    salt,
    opsLimit,
    memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

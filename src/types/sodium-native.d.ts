// The part of sodium-native (libsodium's native binding; it ships no types) that the app uses.
declare module 'sodium-native' {
  const sodium: {
    crypto_pwhash_ALG_ARGON2ID13: number;
    crypto_pwhash_async(out: Uint8Array, password: Uint8Array, salt: Uint8Array, opsLimit: number, memLimit: number, algorithm: number): Promise<void>;
  };
  export default sodium;
}

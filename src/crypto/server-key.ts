import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Sodium } from './sodium.js';

// The server key protects server-side secrets (TOTP secrets, CSRF tokens, sealed form state).
// It never protects case content: that is sealed to the handlers' own keys.
export interface ServerKeys {
  totp: Uint8Array;
  csrf: Uint8Array;
  forms: Uint8Array;
  notify: Uint8Array;
  audit: Uint8Array;
  throttle: Uint8Array;
}

const SUBKEY_IDS = { totp: 1, csrf: 2, forms: 3, notify: 4, audit: 5, throttle: 6 } as const;

export async function loadServerKeys(
  sodium: Sodium,
  source: { sessionSecret?: string | undefined; keyFile?: string | undefined; dataDir: string },
): Promise<ServerKeys> {
  const master = source.sessionSecret
    ? sodium.crypto_generichash(32, sodium.from_string(source.sessionSecret), null)
    : await readOrCreateKeyFile(sodium, source.keyFile ?? join(source.dataDir, 'server-secret.key'));
  const derive = (id: number) => sodium.crypto_kdf_derive_from_key(32, id, 'tgnsprak', master);
  return Object.freeze({ totp: derive(SUBKEY_IDS.totp), csrf: derive(SUBKEY_IDS.csrf), forms: derive(SUBKEY_IDS.forms), notify: derive(SUBKEY_IDS.notify), audit: derive(SUBKEY_IDS.audit), throttle: derive(SUBKEY_IDS.throttle) });
}

async function readOrCreateKeyFile(sodium: Sodium, path: string): Promise<Uint8Array> {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    const key = sodium.from_hex(text);
    if (key.length !== 32) throw new Error(`The key file ${path} must hold 64 hexadecimal characters`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = sodium.crypto_kdf_keygen();
  await mkdir(dirname(path), { recursive: true });
  // 'wx' fails if another process created the file in the meantime; then read theirs.
  try {
    await writeFile(path, sodium.to_hex(key) + '\n', { flag: 'wx', mode: 0o600 });
    await chmod(path, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateKeyFile(sodium, path);
    throw error;
  }
}

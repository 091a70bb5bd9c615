import { openWithKey, sealWithKey } from './aead.js';
import { hashToken } from './tokens.js';
import type { Sodium } from './sodium.js';

// A staff session cookie carries one random token. From it come the database lookup hash and a
// key under which the user's private key is kept for the session. The token is never stored, so
// neither a database dump nor any server-side store can unseal a session's private key.
const CONTEXT = 'tegenspraak:session-private-key:v1';

export function sessionLookupHash(sodium: Sodium, token: string): Uint8Array {
  return hashToken(sodium, 'session-id', token);
}

function sessionKey(sodium: Sodium, token: string): Uint8Array {
  return hashToken(sodium, 'session-key', token);
}

export function sealForSession(sodium: Sodium, token: string, privateKey: Uint8Array): Uint8Array {
  return sealWithKey(sodium, sessionKey(sodium, token), privateKey, CONTEXT);
}

export function openForSession(sodium: Sodium, token: string, sealed: Uint8Array): Uint8Array | null {
  return openWithKey(sodium, sessionKey(sodium, token), sealed, CONTEXT);
}

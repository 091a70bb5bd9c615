import { openWithKey, sealWithKey } from '../../crypto/aead.js';
import { fromBase64Url, toBase64Url } from '../../crypto/encoding.js';
import { TOTP_SECRET_BYTES } from '../../crypto/totp.js';
import type { Services } from '../../services.js';

type Crypto = Pick<Services, 'sodium' | 'serverKeys'>;

// During enrolment the new secret travels in the form (sealed, bound to the invitation) so that
// nothing about an unfinished account is stored and a failed attempt keeps the same QR code.
export function startTotpEnrolment(s: Crypto, bindTo: string): { secret: Uint8Array; formValue: string } {
  const secret = s.sodium.randombytes_buf(TOTP_SECRET_BYTES);
  return { secret, formValue: toBase64Url(sealWithKey(s.sodium, s.serverKeys.forms, secret, `totp-enrolment:${bindTo}`)) };
}

export function readTotpEnrolment(s: Crypto, formValue: string, bindTo: string): Uint8Array | null {
  const sealed = fromBase64Url(formValue);
  if (!sealed) return null;
  const secret = openWithKey(s.sodium, s.serverKeys.forms, sealed, `totp-enrolment:${bindTo}`);
  return secret && secret.length === TOTP_SECRET_BYTES ? secret : null;
}

export function sealTotpSecret(s: Crypto, userId: string, secret: Uint8Array): Uint8Array {
  return sealWithKey(s.sodium, s.serverKeys.totp, secret, `totp:${userId}`);
}

export function openTotpSecret(s: Crypto, userId: string, sealed: Uint8Array): Uint8Array | null {
  return openWithKey(s.sodium, s.serverKeys.totp, sealed, `totp:${userId}`);
}

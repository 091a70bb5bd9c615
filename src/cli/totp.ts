import { fromBase32 } from '../crypto/encoding.js';
import { totpCode, totpStep } from '../crypto/totp.js';

/** `tegenspraak totp <secret>`: needs no database, configuration or server key. */
export function printTotp(secretText: string | undefined): number {
  const secret = fromBase32(secretText ?? '');
  if (!secret || secret.length < 10) {
    console.error('Give the base32 TOTP secret, e.g. tegenspraak totp JBSWY3DPEHPK3PXP');
    return 2;
  }
  console.log(totpCode(secret, totpStep(Date.now())));
  return 0;
}

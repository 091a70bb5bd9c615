import { describe, expect, it } from 'vitest';
import { totpCode, totpStep, verifyTotp } from './totp.js';

const rfcSecret = new TextEncoder().encode('12345678901234567890');

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors (last six digits)', () => {
    expect(totpCode(rfcSecret, totpStep(59_000))).toBe('287082');
    expect(totpCode(rfcSecret, totpStep(1111111109_000))).toBe('081804');
    expect(totpCode(rfcSecret, totpStep(2000000000_000))).toBe('279037');
  });

  it('accepts one step of drift and refuses two', () => {
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step - 1), now, 0)).toBe(step - 1);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step + 1), now, 0)).toBe(step + 1);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step - 2), now, 0)).toBeNull();
  });

  it('refuses a replayed or older step, and malformed codes', () => {
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    const code = totpCode(rfcSecret, step);
    expect(verifyTotp(rfcSecret, code, now, step)).toBeNull();
    expect(verifyTotp(rfcSecret, '12345', now, 0)).toBeNull();
    expect(verifyTotp(rfcSecret, 'abcdef', now, 0)).toBeNull();
  });
});

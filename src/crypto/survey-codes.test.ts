import { describe, expect, it } from 'vitest';
import { hashCode, newCodes, normaliseCode } from './survey-codes.js';
import { loadSodium } from './sodium.js';

const sodium = await loadSodium();

describe('survey invitation codes', () => {
  it('are twelve unambiguous characters, all different, with every character about equally likely', () => {
    const codes = newCodes(sodium, 20_000);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes.slice(0, 100)) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}$/);
    const counts = new Map<string, number>();
    for (const code of codes) for (const ch of code) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(31);
    const expected = (codes.length * 12) / 31;
    for (const [ch, n] of counts) expect(Math.abs(n - expected) / expected, ch).toBeLessThan(0.05);
  });

  it('read back however they are typed, and hash the same way each time', () => {
    const [code] = newCodes(sodium, 1);
    const typed = `${code!.slice(0, 4).toLowerCase()}-${code!.slice(4, 8)} ${code!.slice(8)}`;
    expect(normaliseCode(typed)).toBe(code);
    expect(normaliseCode('ABCD-EFGH-IJK0')).toBeNull();
    expect(sodium.to_hex(hashCode(sodium, code!))).toBe(sodium.to_hex(hashCode(sodium, normaliseCode(typed)!)));
  });
});

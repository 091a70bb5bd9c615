import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent } from './format.js';

describe('numbers on pages', () => {
  it('write a percentage the Dutch way in Dutch ("11,5 %", a space that does not break) and the English way in English', () => {
    expect(formatPercent(11.5, 'nl')).toBe('11,5\u00a0%');
    expect(formatPercent(11.5, 'en')).toBe('11.5%');
    expect(formatPercent(100, 'nl')).toBe('100\u00a0%');
    expect(formatPercent(0, 'en')).toBe('0%');
  });

  it('group thousands in counts: "1.234" in Dutch, "1,234" in English', () => {
    expect(formatCount(1234, 'nl')).toBe('1.234');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatCount(999, 'nl')).toBe('999');
    expect(formatCount(121000, 'nl')).toBe('121.000');
  });
});

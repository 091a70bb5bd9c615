import { describe, expect, it } from 'vitest';
import { randomPool } from './random-pool.js';

describe('randomPool', () => {
  it('hands out every value once, across batches, each of the size asked', () => {
    const take = randomPool(16, 4);
    const seen = new Set<string>();
    for (let i = 0; i < 4 * 50; i++) {
      const value = take();
      expect(value.length).toBe(16);
      seen.add(value.toString('hex'));
    }
    expect(seen.size).toBe(200);
  });

  it('keeps a value it handed out unchanged after its batch is used up', () => {
    const take = randomPool(8, 2);
    const first = take();
    const copy = Buffer.from(first);
    for (let i = 0; i < 10; i++) take();
    expect(first.equals(copy)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { PublicCache } from './public-cache.js';

// The rules that keep the public cache from serving what the database no longer says (threat model:
// "Cannot make the start page show other readers…"); the change feed that drives it is tested on
// both databases in test/http/public-cache.test.ts and test/db/change-feed.test.ts.

const counting = () => {
  let loads = 0;
  return { load: async () => `value ${++loads}`, loads: () => loads };
};

describe('the public cache', () => {
  it('serves nothing from memory and keeps nothing while the change feed is not live', async () => {
    let live = false;
    const cache = new PublicCache();
    cache.follow(() => live);
    const source = counting();
    expect(await cache.get('k', source.load)).toBe('value 1');
    expect(await cache.get('k', source.load)).toBe('value 2');
    cache.put('page', 'kept?', cache.current());
    expect(cache.peek('page')).toBeUndefined();
    expect(cache.size).toBe(0);
    live = true;
    expect(await cache.get('k', source.load)).toBe('value 3');
    expect(await cache.get('k', source.load)).toBe('value 3');
    // Going down again: what was kept is not served, though it is still there.
    live = false;
    expect(await cache.get('k', source.load)).toBe('value 4');
    expect(cache.peek('k')).toBeUndefined();
  });

  it('serves a value no longer than its maximum age', async () => {
    const cache = new PublicCache(500, 40);
    cache.follow(() => true);
    const source = counting();
    expect(await cache.get('k', source.load)).toBe('value 1');
    expect(await cache.get('k', source.load)).toBe('value 1');
    cache.put('page', 'kept', cache.current());
    expect(cache.peek('page')).toBe('kept');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.peek('page')).toBeUndefined();
    expect(await cache.get('k', source.load)).toBe('value 2');
  });

  it('does not keep a value read while a change was on its way', async () => {
    const cache = new PublicCache();
    cache.follow(() => true);
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = () => resolve('read before the change'))));
    const before = cache.current();
    cache.forget();
    release();
    expect(await slow).toBe('read before the change');
    expect(cache.peek('k')).toBeUndefined();
    cache.put('page', 'rendered before the change', before);
    expect(cache.peek('page')).toBeUndefined();
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });

  it('keeps at most its bound, the oldest going first', async () => {
    const cache = new PublicCache(3);
    cache.follow(() => true);
    for (const key of ['a', 'b', 'c', 'd']) cache.put(key, key, cache.current());
    expect(cache.size).toBe(3);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('d')).toBe('d');
  });
});

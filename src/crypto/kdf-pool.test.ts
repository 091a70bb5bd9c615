import { describe, expect, it, vi } from 'vitest';
import { createKdfPool, KDF_MEM_LIMIT } from './kdf-pool.js';

// Issue 17: a thread that has run Argon2id holds its 64 MiB WebAssembly memory for as long as it
// lives, so the pool keeps no thread and lets an idle one exit. What is checked here is that
// behaviour (and that it costs no correctness); what it costs in time is measured in the benchmark.

const request = { secret: 'the same secret', salt: new Uint8Array(16).fill(7), outputLength: 32 };

describe('the Argon2id pool', () => {
  it('starts no thread before the first derivation', async () => {
    const pool = createKdfPool({ threads: 2 });
    try {
      expect(pool.threadCount()).toBe(0);
      expect(pool.threadMemory()).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('reports what a thread holds, lets the thread go once idle, and derives the same afterwards', async () => {
    const pool = createKdfPool({ threads: 1, idleTimeoutMs: 10 });
    try {
      const first = await pool.derive(request);
      expect(first).toHaveLength(32);
      // The thread that derived is still there (its idle time has not run out within this turn)...
      expect(pool.threadCount()).toBe(1);
      const [thread, ...others] = pool.threadMemory();
      expect(others).toEqual([]);
      // ...holding libsodium's memory, grown to the Argon2id limit and counted outside its V8 heap.
      expect(thread!.wasmBytes).toBeGreaterThanOrEqual(KDF_MEM_LIMIT);
      expect(thread!.externalBytes).toBeGreaterThanOrEqual(thread!.wasmBytes);
      expect(thread!.heapBytes).toBeGreaterThan(0);

      // Idle past its time, it exits and is no longer reported.
      await vi.waitFor(() => expect(pool.threadCount()).toBe(0), { timeout: 30_000, interval: 20 });
      expect(pool.threadMemory()).toEqual([]);

      // The next derivation starts a new thread and gives the same key.
      expect(await pool.derive(request)).toEqual(first);
      expect(pool.threadMemory().map((m) => m.threadId)).not.toContain(thread!.threadId);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('starts threads for a burst on an idle pool, and runs every derivation of it', async () => {
    const pool = createKdfPool({ threads: 2, maxQueue: 2, idleTimeoutMs: 10 });
    try {
      // Two running (one per thread, both starting) and two waiting: none refused as busy.
      const keys = await Promise.all(Array.from({ length: 4 }, () => pool.derive(request)));
      for (const key of keys) expect(key).toEqual(keys[0]);
      await vi.waitFor(() => expect(pool.threadCount()).toBe(0), { timeout: 30_000, interval: 20 });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

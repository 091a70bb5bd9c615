import { randomBytes } from 'node:crypto';

/**
 * Random bytes for values made on every public page view (script nonces, pre-session cookies),
 * read from the system's random source `batch` values at a time: one call to the kernel per batch
 * instead of one per request. Every value is handed out once; a used batch is dropped, never reused.
 */
export function randomPool(size: number, batch = 256): () => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + size > pool.length) {
      pool = randomBytes(size * batch);
      offset = 0;
    }
    const value = pool.subarray(offset, offset + size);
    offset += size;
    return value;
  };
}

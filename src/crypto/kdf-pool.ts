import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

// Argon2id is slow on purpose and libsodium runs it synchronously, so it runs in a worker pool
// (one thread per core): one person's log-in never stalls everybody else's pages.
export const KDF_OPS_LIMIT = 3;
export const KDF_MEM_LIMIT = 64 * 1024 * 1024;
export const KDF_SALT_BYTES = 16;

export interface KdfRequest {
  secret: string | Uint8Array;
  salt: Uint8Array;
  outputLength: number;
  opsLimit?: number;
  memLimit?: number;
}

export interface KdfPool {
  derive(request: KdfRequest): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Thrown when the queue of waiting derivations is full: the caller answers "busy, try again". */
export class KdfBusyError extends Error {
  constructor() {
    super('key derivation queue is full');
    this.name = 'KdfBusyError';
  }
}

// Derivations waiting beyond the running ones. Each costs 64 MiB only once it runs; waiting costs
// little, but a flood of unauthenticated requests (receipt guesses, submissions) must not grow a
// queue without end: past this, a request is answered "busy" at once.
export const KDF_MAX_QUEUE = 64;

export function createKdfPool(options: { threads?: number; maxQueue?: number } = {}): KdfPool {
  const threads = options.threads ?? Math.max(1, availableParallelism());
  const maxQueue = options.maxQueue ?? KDF_MAX_QUEUE;
  const pool = new Piscina({
    filename: new URL('./kdf-worker.js', import.meta.url).href,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return {
    async derive({ secret, salt, outputLength, opsLimit = KDF_OPS_LIMIT, memLimit = KDF_MEM_LIMIT }) {
      if (pool.queueSize >= maxQueue) throw new KdfBusyError();
      const result: Uint8Array = await pool.run({ secret, salt, outputLength, opsLimit, memLimit });
      return new Uint8Array(result);
    },
    close: () => pool.destroy(),
  };
}

import { availableParallelism } from 'node:os';
import sodium from 'sodium-native';

// Argon2id is slow on purpose, so it never runs on the event loop: libsodium's own C code runs it
// on one of libuv's threads (sodium-native, the same libsodium as everywhere else, compiled
// natively), so one person's log-in never stalls everybody else's pages. Native rather than the
// WebAssembly build in worker threads (issue 17): a WebAssembly memory only grows, so each thread
// that had derived held its 64 MiB (some 80 MiB with its own V8) until it exited, while the native
// code allocates the 64 MiB for one derivation and returns them to the system when it ends; and it
// derives the same keys in less than half the time.
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
  /** Derivations running now (each holding its memory limit, given back when it ends). */
  running(): number;
  /** The memory those hold now, in bytes. */
  runningBytes(): number;
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

// libuv has four threads by default, shared with file access: at most three derive at once, so a
// file is never stuck behind Argon2id; never more than one per core.
const LIBUV_THREADS_FOR_KDF = 3;

/** `threads`: derivations at once (the configuration's KDF_CONCURRENCY; 1 when not given). */
export function createKdfPool(options: { threads?: number; maxQueue?: number } = {}): KdfPool {
  const threads = Math.max(1, Math.min(options.threads ?? 1, availableParallelism(), LIBUV_THREADS_FOR_KDF));
  const maxQueue = options.maxQueue ?? KDF_MAX_QUEUE;
  const waiting: Array<{ go: () => void; stop: (error: Error) => void }> = [];
  let active = 0;
  let activeBytes = 0;
  let closed = false;

  const turn = async (): Promise<void> => {
    if (active < threads) {
      active += 1;
      return;
    }
    if (waiting.length >= maxQueue) throw new KdfBusyError();
    // The one finishing hands its place over (active stays as it is).
    await new Promise<void>((go, stop) => waiting.push({ go, stop }));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next.go();
    else active -= 1;
  };

  return {
    async derive({ secret, salt, outputLength, opsLimit = KDF_OPS_LIMIT, memLimit = KDF_MEM_LIMIT }) {
      if (closed) throw new Error('the key derivation pool is closed');
      await turn();
      activeBytes += memLimit;
      try {
        const key = Buffer.alloc(outputLength);
        const password = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
        await sodium.crypto_pwhash_async(key, password, salt, opsLimit, memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
        return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
      } finally {
        activeBytes -= memLimit;
        release();
      }
    },
    running: () => active,
    runningBytes: () => activeBytes,
    async close() {
      // Nothing waiting starts any more; what runs finishes on its own thread.
      closed = true;
      for (const waiter of waiting.splice(0)) waiter.stop(new Error('the key derivation pool is closed'));
    },
  };
}

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

// Argon2id is slow on purpose and libsodium runs it synchronously, so it runs in a worker pool
// (up to one thread per core): one person's log-in never stalls everybody else's pages.
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

/** One live thread's own memory, as the thread measured it after its latest derivation. */
export interface KdfThreadMemory {
  threadId: number;
  /** Its V8 heap (v8.getHeapStatistics().total_heap_size in the thread). */
  heapBytes: number;
  /** Memory its JavaScript holds outside that heap, the WebAssembly memory included (external_memory). */
  externalBytes: number;
  /** Of which libsodium's WebAssembly memory: it grows to the Argon2id memory limit and never shrinks. */
  wasmBytes: number;
}

export interface KdfPool {
  derive(request: KdfRequest): Promise<Uint8Array>;
  /** Threads alive now: none before the first derivation and none again once the pool has been idle. */
  threadCount(): number;
  /**
   * What each live thread holds (heap and WebAssembly memory; not its stack and compiled code, some
   * 7 MiB a thread more). A thread's memory hardly changes between derivations, so its latest report
   * stands; a thread that has exited is left out.
   */
  threadMemory(): KdfThreadMemory[];
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

// A thread that has derived holds some 90 MiB until it exits: libsodium's WebAssembly memory grows to
// the 64 MiB Argon2id needs and WebAssembly memory never shrinks, so the only way to give it back is
// to end the thread. So no thread is kept (minThreads 0) and one idle this long exits. Derivations
// that belong together (a password change's two, a burst of log-ins or submissions) come well within
// it and find their thread warm; a log-in after a quiet spell starts one (starting the thread and
// libsodium, and Argon2id's first run in fresh memory: about 0.2 s more, some 0.4 s instead of 0.2)
// rather than 90 MiB a thread being kept for minutes in case.
export const KDF_IDLE_TIMEOUT_MS = 5_000;

interface WorkerResult {
  key: Uint8Array;
  memory: KdfThreadMemory;
}

export function createKdfPool(options: { threads?: number; maxQueue?: number; idleTimeoutMs?: number } = {}): KdfPool {
  const threads = options.threads ?? Math.max(1, availableParallelism());
  const maxQueue = options.maxQueue ?? KDF_MAX_QUEUE;
  const pool = new Piscina({
    filename: new URL('./kdf-worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? KDF_IDLE_TIMEOUT_MS,
  });
  const memory = new Map<number, KdfThreadMemory>();
  return {
    async derive({ secret, salt, outputLength, opsLimit = KDF_OPS_LIMIT, memLimit = KDF_MEM_LIMIT }) {
      // Waiting for a thread that is starting counts as running, not as queued (piscina's queueSize).
      if (pool.queueSize >= maxQueue) throw new KdfBusyError();
      const result: WorkerResult = await pool.run({ secret, salt, outputLength, opsLimit, memLimit });
      memory.set(result.memory.threadId, result.memory);
      return new Uint8Array(result.key);
    },
    threadCount: () => pool.threads.length,
    threadMemory() {
      const live = new Set(pool.threads.map((thread) => thread.threadId));
      for (const threadId of memory.keys()) if (!live.has(threadId)) memory.delete(threadId);
      return [...memory.values()];
    },
    close: () => pool.destroy(),
  };
}

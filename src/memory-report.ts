import type { Services } from './services.js';

export interface MemoryReport {
  rssMb: number;
  /** V8's heap of the main thread. */
  heapMb: number;
  /** Memory outside V8's heap held by JavaScript objects (buffers, the WebAssembly memories). */
  externalMb: number;
  /** The embedded database's WebAssembly memory (0 on a PostgreSQL server). */
  pgliteMb: number;
  /** Argon2id derivations running now (on libuv's threads). */
  kdfRunning: number;
  /** The memory they hold (64 MiB each, given back as each ends). */
  kdfRunningMb: number;
}

/** Where this process's memory is, for the benchmark (asked over the IPC channel when there is one). */
export function memoryReport(s: Pick<Services, 'database' | 'kdf'>): MemoryReport {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    rssMb: mb(usage.rss),
    heapMb: mb(usage.heapUsed),
    externalMb: mb(usage.external),
    pgliteMb: mb(s.database.raw.pglite?.Module.wasmMemory.buffer.byteLength ?? 0),
    kdfRunning: s.kdf.running(),
    kdfRunningMb: mb(s.kdf.runningBytes()),
  };
}

import type { Services } from './services.js';

export interface MemoryReport {
  rssMb: number;
  /** V8's heap of the main thread. */
  heapMb: number;
  /** Memory outside V8's heap held by JavaScript objects (buffers, the WebAssembly memories). */
  externalMb: number;
  /** The embedded database's WebAssembly memory (0 on a PostgreSQL server). */
  pgliteMb: number;
  /** Argon2id worker threads alive now (each holds its own heap and 64 MiB WebAssembly memory while it lives). */
  kdfThreads: number;
  /** What those threads hold: their heaps and WebAssembly memory (about 7 MiB a thread of stack and code not counted). */
  kdfThreadsMb: number;
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
    kdfThreads: s.kdf.threadCount(),
    kdfThreadsMb: mb(s.kdf.threadMemory().reduce((sum, t) => sum + t.heapBytes + t.externalBytes, 0)),
  };
}

// Runs Argon2id off the event loop (see kdf-pool.ts). Plain JavaScript so that the same file
// loads in the built app and under the test runner.
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import sodium from 'libsodium-wrappers-sumo';

const ready = sodium.ready;

export default async function derive({ secret, salt, outputLength, opsLimit, memLimit }) {
  await ready;
  const key = sodium.crypto_pwhash(outputLength, secret, salt, opsLimit, memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  // This thread's own memory (in a worker, process.memoryUsage().rss would be the whole process's):
  // its isolate's heap and external memory, which counts libsodium's WebAssembly memory.
  const heap = getHeapStatistics();
  const memory = {
    threadId,
    heapBytes: heap.total_heap_size,
    externalBytes: heap.external_memory,
    wasmBytes: sodium.libsodium?.HEAPU8?.byteLength ?? 0,
  };
  return { key, memory };
}

import sodiumModule from 'libsodium-wrappers-sumo';

// libsodium is WebAssembly and must finish loading once before first use.
const ready = sodiumModule.ready.then(() => sodiumModule);

export type Sodium = typeof sodiumModule;

export function loadSodium(): Promise<Sodium> {
  return ready;
}

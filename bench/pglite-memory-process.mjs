// Run by bench/pglite-memory.ts in a process of its own: Node's resident memory before the embedded
// database is loaded, and after it is opened (as the app opens it, dist/db/client.js) on the data
// folder given and has answered the start page's kinds of queries a few hundred times.
import { readFileSync } from 'node:fs';

const residentMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
const before = residentMb();
const { openDatabase } = await import(new URL('../dist/db/client.js', import.meta.url).href);
const handle = await openDatabase({ kind: 'pglite', dataDir: process.argv[2] });
for (let i = 0; i < 200; i++) {
  await handle.raw.pglite.query('select * from organisations');
  await handle.raw.pglite.query('select * from routes');
}
const after = residentMb();
await handle.close();
process.stdout.write(JSON.stringify({ before, after }));

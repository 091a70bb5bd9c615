// The load generator used when the machine has no wrk: its own process, 16 keep-alive connections
// for the given seconds; prints "Requests/sec: N" like wrk does.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const [url, seconds] = [process.argv[2], Number(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const end = performance.now() + seconds * 1000;
let done = 0;
let failed = 0;
const one = () =>
  new Promise((resolve) => {
    http
      .get(url, { agent }, (response) => {
        if (response.statusCode !== 200) failed += 1;
        response.on('data', () => {});
        response.on('end', resolve);
      })
      .on('error', () => {
        failed += 1;
        resolve();
      });
  });
const start = performance.now();
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (performance.now() < end) {
      await one();
      done += 1;
    }
  }),
);
console.log(`Requests/sec: ${(done / ((performance.now() - start) / 1000)).toFixed(2)}`);
if (failed) console.log(`Non-2xx or 3xx responses: ${failed}`);
agent.destroy();

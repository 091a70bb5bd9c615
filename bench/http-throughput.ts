// Requests per second of the public start page through a real HTTP server, next to a bare Hono
// "hello world" on the same machine in the same run: the ratio is what the application costs
// beyond the framework itself. The resident memory is read while the start page is under load.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

type Fetcher = (request: Request) => Response | Promise<Response>;

async function throughput(fetch: Fetcher, requests: number, concurrency: number, onSample?: () => void): Promise<number> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const response = await globalThis.fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        if (next % 100 === 0) onSample?.();
      }
    }),
  );
  const perSecond = requests / ((performance.now() - start) / 1000);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return perSecond;
}

export async function benchThroughput(app: { fetch: Fetcher }, requests: number): Promise<{ helloPerSecond: number; startPagePerSecond: number; peakRssMb: number }> {
  const hello = new Hono();
  hello.get('/', (c) => c.text('Hello world'));
  const helloPerSecond = await throughput(hello.fetch, requests, 16);
  let peak = 0;
  const startPagePerSecond = await throughput(app.fetch, requests, 16, () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  });
  return { helloPerSecond, startPagePerSecond, peakRssMb: peak / 2 ** 20 };
}

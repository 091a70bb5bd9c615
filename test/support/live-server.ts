import { createServer, type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestApp, type TestApp } from './test-app.js';

/** The real app on a real port, for the browser. */
export async function startLiveServer(options: { organisation?: boolean } = {}): Promise<TestApp & { baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ BASE_URL: baseUrl, LOG_LEVEL: 'warn' }, options);
  const server = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
  return {
    ...t,
    baseUrl,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

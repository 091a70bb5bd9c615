import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';

// Styles are served from this server only (no third-party origins). Read once at start.
const require = createRequire(import.meta.url);
const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

const files: Record<string, { path: string; type: string }> = {
  'utrecht.css': { path: require.resolve('@utrecht/component-library-css/dist/index.css'), type: 'text/css; charset=utf-8' },
  'tokens.css': { path: require.resolve('@utrecht/design-tokens/dist/index.css'), type: 'text/css; charset=utf-8' },
  'app.css': { path: `${publicDir}app.css`, type: 'text/css; charset=utf-8' },
};

export function assetRoutes(app: Hono<AppEnv>) {
  const loaded = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, { body: readFileSync(file.path), type: file.type }]));
  app.get('/assets/:name', (c) => {
    const file = loaded[c.req.param('name')];
    if (!file) return c.notFound();
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=3600' });
  });
}

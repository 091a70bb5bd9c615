// The baseline for the public pages: a bare Hono "hello world" on the same Node and node_modules,
// in its own process like the app, on the port given.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello world'));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' }, () => process.send?.('listening'));

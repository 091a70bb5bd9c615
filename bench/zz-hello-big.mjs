import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
const page = readFileSync('/tmp/page.html', 'utf8');
const app = new Hono();
app.get('/', (c) => c.text('Hello world'));
app.get('/big', (c) => c.html(page));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' });

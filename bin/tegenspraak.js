#!/usr/bin/env node
// The command-line tool runs from the built code (npm ci builds it; so do npm start and npm run build).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('tegenspraak: the code is not built yet. Run: npm run build');
  process.exit(1);
}
await import(main.href);

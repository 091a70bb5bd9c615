#!/usr/bin/env node
// The command-line tool runs from the built code (npm ci builds it).
await import('../dist/cli/main.js');

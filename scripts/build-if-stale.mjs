#!/usr/bin/env node
// Builds dist/ with `tsc -p tsconfig.build.json`, but only when it is missing or older than its
// sources, so `npm start` on a built checkout starts at once (a build takes 15-60 s).
//
//   node scripts/build-if-stale.mjs            build when stale (prestart, demo)
//   node scripts/build-if-stale.mjs --always   build in any case (npm run build, prepare)
//   --root <folder>                            the project folder (default: the one above scripts/)
//
// "Older" is decided by modification times, no contents are read: a successful build leaves
// dist/.build-stamp dated at the moment the build started, so a file saved during a build counts as
// newer and the next start builds again. The build is stale when the stamp is missing or any source
// is newer: a file under src/ (except *.test.ts(x), which are never built, and src/db/migrations/,
// which the built code reads from src itself, see src/db/migrate.ts), tsconfig*.json or
// package.json. A failed build leaves no stamp, so it is tried again. Dependency-free on purpose.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const STAMP = '.build-stamp';
const TEST_FILE = /\.test\.tsx?$/;

const args = process.argv.slice(2);
const always = args.includes('--always');
const rootIndex = args.indexOf('--root');
const root = rootIndex >= 0 && args[rootIndex + 1] ? resolve(args[rootIndex + 1]) : fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stampFile = join(dist, STAMP);
const skippedFolder = join(root, 'src', 'db', 'migrations');

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** The first source newer than `since` (a path relative to the root), or null when there is none. */
function newerSource(since) {
  for (const name of readdirSync(root)) {
    if ((name === 'package.json' || /^tsconfig.*\.json$/.test(name)) && (mtimeMs(join(root, name)) ?? 0) > since) return name;
  }
  const folders = [join(root, 'src')];
  while (folders.length > 0) {
    const folder = folders.pop();
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (path !== skippedFolder) folders.push(path);
      } else if (!TEST_FILE.test(entry.name) && (mtimeMs(path) ?? 0) > since) {
        return relative(root, path).split(sep).join('/');
      }
    }
  }
  return null;
}

/** Why dist/ must be built, or null when it is current. */
function staleBecause() {
  const stamp = mtimeMs(stampFile);
  if (stamp === null) return 'no finished build found';
  const newer = newerSource(stamp);
  return newer ? `${newer} changed since the last build` : null;
}

const reason = always ? 'build requested' : staleBecause();
if (reason === null) process.exit(0);

const startedAt = new Date();
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error(`dist/ must be built (${reason}), but TypeScript is not installed: run npm ci.`);
  process.exit(1);
}
console.error(`Building dist/ (${reason}): tsc -p tsconfig.build.json`);
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  if (result.error) console.error(result.error.message);
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, `${startedAt.toISOString()}\n`);
utimesSync(stampFile, startedAt, startedAt);

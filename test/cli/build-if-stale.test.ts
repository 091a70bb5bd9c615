import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// scripts/build-if-stale.mjs on a small project of its own: `npm start` builds only when dist/ is
// missing or older than its sources. Whether tsc ran is seen in dist/: a build rewrites value.js,
// so a marker written there survives only a run that built nothing.
const run = promisify(execFile);
const script = resolve('scripts/build-if-stale.mjs');
let root: string;

async function build(...args: string[]): Promise<{ code: number; err: string }> {
  try {
    const { stderr } = await run(process.execPath, [script, '--root', root, ...args], { timeout: 60_000 });
    return { code: 0, err: stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, err: e.stderr };
  }
}

const built = () => readFile(join(root, 'dist', 'value.js'), 'utf8');
const stampTime = async () => (await stat(join(root, 'dist', '.build-stamp'))).mtimeMs;
/** Marks the output, so that a build shows (it rewrites the file). */
const mark = () => writeFile(join(root, 'dist', 'value.js'), '// not rebuilt\n');
/** Writes a file dated later than the last build (no waiting for the clock to move on). */
async function writeNewer(path: string, text: string): Promise<void> {
  const file = join(root, path);
  await writeFile(file, text);
  const later = new Date((await stampTime()) + 10_000);
  await utimes(file, later, later);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tegenspraak-build-'));
  await mkdir(join(root, 'src', 'db', 'migrations'), { recursive: true });
  await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'fixture', private: true, type: 'module' }));
  await writeFile(
    join(root, 'tsconfig.build.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [], rootDir: 'src', outDir: 'dist' },
      include: ['src'],
      exclude: ['src/**/*.test.ts'],
    }),
  );
  await writeFile(join(root, 'src', 'value.ts'), 'export const value: number = 1;\n');
  await writeFile(join(root, 'src', 'value.test.ts'), 'export {};\n');
  await writeFile(join(root, 'src', 'db', 'migrations', '0001_first.sql'), 'select 1;\n');
});

describe('build-if-stale', () => {
  it('builds when dist/ is missing, then not again while it is current', async () => {
    const first = await build();
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('Building dist/');
    expect(await built()).toContain('value = 1');
    const stamp = await stampTime();

    await mark();
    const again = await build();
    expect(again.code).toBe(0);
    expect(again.err).toBe('');
    expect(await built()).toBe('// not rebuilt\n');
    expect(await stampTime()).toBe(stamp);
  });

  it('does not build for a newer test file or migration (never built; migrations are read from src)', async () => {
    await writeNewer('src/value.test.ts', 'export const changed = true;\n');
    await writeNewer('src/db/migrations/0001_first.sql', 'select 2;\n');
    await mark();
    expect((await build()).err).toBe('');
    expect(await built()).toBe('// not rebuilt\n');
  });

  it('builds again when a source, tsconfig or package.json is newer than the last build', async () => {
    await writeNewer('src/value.ts', 'export const value: number = 2;\n');
    const changed = await build();
    expect(changed.code, changed.err).toBe(0);
    expect(changed.err).toContain('src/value.ts changed since the last build');
    expect(await built()).toContain('value = 2');

    for (const file of ['tsconfig.build.json', 'package.json']) {
      await mark();
      await writeNewer(file, await readFile(join(root, file), 'utf8'));
      const rebuilt = await build();
      expect(rebuilt.err).toContain(`${file} changed since the last build`);
      expect(await built()).toContain('value = 2');
    }
  });

  it('builds with --always, and tries again after a failed build', async () => {
    await mark();
    expect((await build('--always')).err).toContain('Building dist/');
    expect(await built()).toContain('value = 2');

    await writeNewer('src/value.ts', 'export const value: number = "three";\n');
    const failed = await build();
    expect(failed.code).not.toBe(0);
    expect(failed.err).toContain('Building dist/');
    // No stamp for a failed build: still stale.
    const retried = await build();
    expect(retried.code).not.toBe(0);
    expect(retried.err).toContain('changed since the last build');
  });

  it('is what npm start, npm run demo and npm run build go through', async () => {
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prestart).toBe('node scripts/build-if-stale.mjs');
    expect(scripts.demo).toMatch(/^node scripts\/build-if-stale\.mjs && /);
    expect(scripts.build).toBe('node scripts/build-if-stale.mjs --always');
    expect(existsSync(script)).toBe(true);
  });
});

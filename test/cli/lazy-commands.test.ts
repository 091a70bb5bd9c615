import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// Help and `totp` must answer without loading the database, the server or the configuration. The CLI
// runs here under a module hook that refuses to load anything but the command line's own entry
// modules and the two TOTP helpers: no package at all, nothing else of src/. A static import of a
// command module, of open-installation.ts or of config.ts in main.ts makes these commands fail.
const run = promisify(execFile);
const ALLOWED = ['src/cli/main.ts', 'src/cli/usage.ts', 'src/cli/context.ts', 'src/cli/totp.ts', 'src/crypto/totp.ts', 'src/crypto/encoding.ts'];

let hook: string;
let env: Record<string, string>;
let dataDir: string;

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'tegenspraak-lazy-'));
  const project = pathToFileURL(`${process.cwd()}/`).href;
  await writeFile(
    join(folder, 'deny.mjs'),
    `const project = ${JSON.stringify(project)};
const allowed = new Set(${JSON.stringify(ALLOWED)}.map((path) => project + path));
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (context.parentURL?.startsWith(project) && !context.parentURL.includes('/node_modules/') && !resolved.url.startsWith('node:') && !allowed.has(resolved.url)) {
    throw new Error('LOADED ' + resolved.url);
  }
  return resolved;
}
`,
  );
  hook = join(folder, 'register.mjs');
  await writeFile(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(folder, 'deny.mjs')).href)});\n`);
  // A data folder that must never be made: nothing may open the installation.
  dataDir = join(folder, 'data');
  env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--import', hook, 'src/cli/main.ts', ...args], { env, timeout: 60_000 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

describe('commands that need no installation', () => {
  it('print a TOTP code loading only the TOTP helpers', async () => {
    const result = await cli('totp', 'JBSWY3DPEHPK3PXP');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.trim()).toMatch(/^\d{6}$/);
    const wrong = await cli('totp', 'not base32!');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Give the base32 TOTP secret');
  });

  it('explain themselves and every command without loading one', async () => {
    const main = await cli('--help');
    expect(main.err).toBe('');
    expect(main.code).toBe(0);
    expect(main.out).toContain('Usage: tegenspraak <command>');
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.out).toContain('Usage: tegenspraak <command>');
    for (const command of [['user', 'list'], ['org', 'create'], ['backup'], ['totp']]) {
      const help = await cli(...command, '--help');
      expect(help.err, command.join(' ')).toBe('');
      expect(help.out, command.join(' ')).toContain(`Usage: tegenspraak ${command.join(' ')}`);
    }
    expect((await cli('launch-rockets')).code).toBe(2);
    expect((await cli('--no-such-option')).err).toContain("Unknown option '--no-such-option'");
  });

  it('leave no data folder behind, while a command on the installation is stopped by the hook', async () => {
    // The hook works: a command that opens the installation loads what it refuses.
    const listed = await cli('org', 'list');
    expect(listed.code).not.toBe(0);
    expect(listed.err).toContain('LOADED');
    expect(existsSync(dataDir)).toBe(false);
  });
});

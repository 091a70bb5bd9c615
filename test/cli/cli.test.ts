import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../src/mail/smtp-sink.js';
import { createTestDatabase } from '../support/database.js';

const run = promisify(execFile);
let env: Record<string, string>;
let sink: SmtpSink;
let drop: () => Promise<void>;

beforeAll(async () => {
  sink = await startSmtpSink();
  const database = await createTestDatabase();
  // The CLI opens the database itself: a PostgreSQL test database, or a fresh PGlite folder.
  await database.handle.close();
  drop = database.url ? database.drop : async () => {};
  env = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: await mkdtemp(join(tmpdir(), 'tegenspraak-cli-')),
    SMTP_URL: sink.url,
    LOG_LEVEL: 'silent',
    BASE_URL: 'https://meldpunt.example.nl',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  };
});
afterAll(async () => {
  await sink.close();
  await drop();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, timeout: 60_000 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

describe('tegenspraak command', () => {
  it('explains itself and every command with --help', async () => {
    const main = await cli('--help');
    expect(main.code).toBe(0);
    expect(main.out).toContain('user invite');
    for (const command of [['init'], ['user', 'invite'], ['user', 'list'], ['demo'], ['totp'], ['audit', 'verify'], ['jobs', 'run'], ['backup'], ['restore']]) {
      const help = await cli(...command, '--help');
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.out, command.join(' ')).toContain(`Usage: tegenspraak ${command.join(' ')}`);
    }
    expect((await cli('launch-rockets')).code).toBe(2);
  });

  it('init prints a one-time setup link on an empty installation', async () => {
    const result = await cli('init');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/https:\/\/meldpunt\.example\.nl\/setup\/[A-Za-z0-9_-]{43}/);
  });

  it('invites a user, mails the link, lists them, and refuses bad input with a reason', async () => {
    const invited = await cli('user', 'invite', '--email', 'Chair@Example.nl', '--name', 'Carla Voorzitter', '--role', 'chair', '--role', 'commission_member');
    expect(invited.code).toBe(0);
    const link = /https:\/\/meldpunt\.example\.nl\/invitation\/[A-Za-z0-9_-]{43}/.exec(invited.out)![0];
    expect(sink.received.at(-1)!.text).toContain(link);
    const listed = await cli('user', 'list');
    expect(listed.out).toMatch(/Carla Voorzitter\s+chair@example\.nl\s+invited\s+chair,commission_member/);

    const conflict = await cli('user', 'invite', '--email', 'x@example.nl', '--name', 'X', '--role', 'administrator', '--role', 'chair');
    expect(conflict.code).toBe(2);
    expect(conflict.err).toContain('cannot be combined');
    const duplicate = await cli('user', 'invite', '--email', 'chair@example.nl', '--name', 'Again', '--role', 'chair');
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toContain('already exists');
  });

  it('verifies the audit chain', async () => {
    const result = await cli('audit', 'verify');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Audit log intact: \d+ entries verified/);
  });

  it('runs the scheduled jobs once', async () => {
    const result = await cli('jobs', 'run');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Reminders sent to 0 people, digests to 0, 0 cases purged\./);
  });

  it('refuses to open an embedded data folder that a running process holds, and takes over a stale lock', async () => {
    if (env.DATABASE_URL) return; // PostgreSQL: several processes share one database by design.
    const lock = join(env.DATA_DIR!, 'tegenspraak.pid');
    // This test's own process is alive: as if a server held the folder.
    await writeFile(lock, String(process.pid));
    const refused = await cli('user', 'list');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(`in use by a running Tegenspraak (process ${process.pid})`);
    // A process id that no longer runs: the lock is stale and taken over, then released.
    await writeFile(lock, '2147483646');
    expect((await cli('user', 'list')).code).toBe(0);
    await expect(readFile(lock, 'utf8')).rejects.toThrow();
  });

  it('prints a TOTP code for a secret', async () => {
    const result = await cli('totp', 'JBSWY3DPEHPK3PXP');
    expect(result.out.trim()).toMatch(/^\d{6}$/);
  });
});

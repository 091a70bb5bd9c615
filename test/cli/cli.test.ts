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
    for (const command of [['init'], ['org', 'create'], ['org', 'list'], ['org', 'set'], ['user', 'invite'], ['user', 'list'], ['demo'], ['totp'], ['audit', 'verify'], ['jobs', 'run'], ['backup'], ['restore']]) {
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

  it('creates an organisation at its own address and invites its first administrator', async () => {
    const created = await cli('org', 'create', '--name', 'Gemeente Voorbeeld', '--email', 'anna@example.nl', '--admin', 'Anna Beheer');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toContain('https://meldpunt.example.nl/o/gemeente-voorbeeld/');
    const link = /https:\/\/meldpunt\.example\.nl\/o\/gemeente-voorbeeld\/invitation\/[A-Za-z0-9_-]{43}/.exec(created.out)![0];
    expect(sink.received.at(-1)!.text).toContain(link);
    const taken = await cli('org', 'create', '--name', 'Iets Anders', '--slug', 'gemeente-voorbeeld', '--email', 'b@example.nl', '--admin', 'B');
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('already used by another organisation');
  });

  it('invites a user, mails the link, lists them, and refuses bad input with a reason', async () => {
    // With one organisation, --org may be left out.
    const invited = await cli('user', 'invite', '--email', 'Chair@Example.nl', '--name', 'Carla Voorzitter', '--role', 'chair', '--role', 'commission_member');
    expect(invited.code).toBe(0);
    const link = /https:\/\/meldpunt\.example\.nl\/o\/gemeente-voorbeeld\/invitation\/[A-Za-z0-9_-]{43}/.exec(invited.out)![0];
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

  it('acts on the organisation named with --org once there are several, and lists them with counts only', async () => {
    expect((await cli('org', 'create', '--name', 'Waterschap Oost', '--slug', 'waterschap-oost', '--email', 'wim@example.nl', '--admin', 'Wim Beheer')).code).toBe(0);
    const unnamed = await cli('user', 'list');
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toContain('--org');
    expect((await cli('user', 'list', '--org', 'nergens')).err).toContain('No organisation with the address "nergens"');
    const voorbeeld = await cli('user', 'list', '--org', 'gemeente-voorbeeld');
    expect(voorbeeld.out).toContain('Carla Voorzitter');
    expect(voorbeeld.out).not.toContain('Wim Beheer');
    const oost = await cli('user', 'list', '--org', 'waterschap-oost');
    expect(oost.out).toContain('Wim Beheer');
    expect(oost.out).not.toContain('Carla Voorzitter');
    const listed = await cli('org', 'list');
    expect(listed.out).toMatch(/gemeente-voorbeeld\s+Gemeente Voorbeeld\s+2 accounts\s+0 cases/);
    expect(listed.out).toMatch(/waterschap-oost\s+Waterschap Oost\s+1 accounts\s+0 cases/);
  });

  it('verifies every audit chain, or one organisation\'s', async () => {
    const result = await cli('audit', 'verify');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Audit log intact: \d+ entries verified/);
    const one = await cli('audit', 'verify', '--org', 'waterschap-oost');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/Audit log intact: 1 entries verified/);
  });

  it('gives an organisation its own host name and hides it from the start page, refusing a bad name', async () => {
    const set = await cli('org', 'set', '--org', 'waterschap-oost', '--host', 'meldpunt.waterschap-oost.example', '--listed', 'no');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('Waterschap Oost: https://meldpunt.waterschap-oost.example/ (not listed on the start page)');
    const bad = await cli('org', 'set', '--org', 'waterschap-oost', '--host', 'niet geldig');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('This is not a usable host name');
    const back = await cli('org', 'set', '--org', 'waterschap-oost', '--host', 'none', '--listed', 'yes');
    expect(back.out).toContain('Waterschap Oost: https://meldpunt.example.nl/o/waterschap-oost/ (listed on the start page)');
  });

  it('backs up one organisation with --org', async () => {
    const file = join(env.DATA_DIR!, 'oost.jsonl.gz');
    const result = await cli('backup', file, '--org', 'waterschap-oost');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/Backup of Waterschap Oost written to .*oost\.jsonl\.gz: \d+ rows/);
    // Restoring it where it already is: refused with the reason, nothing changed.
    const again = await cli('restore', file);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already holds an organisation at the address "waterschap-oost"');
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
    const refused = await cli('org', 'list');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(`in use by a running Tegenspraak (process ${process.pid})`);
    // A process id that no longer runs: the lock is stale and taken over, then released.
    await writeFile(lock, '2147483646');
    expect((await cli('org', 'list')).code).toBe(0);
    await expect(readFile(lock, 'utf8')).rejects.toThrow();
  });

  it('prints a TOTP code for a secret', async () => {
    const result = await cli('totp', 'JBSWY3DPEHPK3PXP');
    expect(result.out.trim()).toMatch(/^\d{6}$/);
  });
});

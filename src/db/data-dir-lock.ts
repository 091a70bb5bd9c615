import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../config.js';

// The embedded database is one process's files: a second process opening the same folder (the
// command line beside a running server, or two servers) would corrupt it. Whoever opens the
// folder writes its process id here; another process finds it and stops with an explanation. A
// lock left by a process that no longer runs (a crash, a kill) is taken over.
const LOCK_FILE = 'tegenspraak.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  try {
    await writeFile(file, mine, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt((await readFile(file, 'utf8').catch(() => '')).trim(), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new ConfigError([
        `The data folder ${dataDir} is in use by a running Tegenspraak (process ${holder}). Stop that process first; the embedded database cannot be opened twice. With DATABASE_URL (PostgreSQL) several processes can share one database.`,
      ]);
    }
    await writeFile(file, mine, { mode: 0o600 });
  }
  return async () => {
    if ((await readFile(file, 'utf8').catch(() => '')).trim() === mine) await unlink(file).catch(() => undefined);
  };
}

import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReceivedMail } from './smtp-sink.js';

/**
 * Where the development sink keeps mail: one file per mail under the data folder, readable by the
 * server's own user only. The log never sees a recipient, a subject or a link (invitation links
 * and the reporter's optional address are secrets).
 */
export function mailFolderWriter(dataDir: string): { folder: string; write(mail: ReceivedMail): Promise<string> } {
  const folder = join(dataDir, 'mail');
  let count = 0;
  return {
    folder,
    async write(mail) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await chmod(folder, 0o700);
      const file = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++count}.eml`);
      await writeFile(file, mail.raw, { mode: 0o600, flag: 'wx' });
      return file;
    },
  };
}

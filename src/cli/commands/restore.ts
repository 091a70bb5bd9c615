import { restoreBackup, RestoreRefused } from '../../backup/restore-backup.js';
import type { Command } from '../context.js';

export const run: Command = async ({ services, argument: file }) => {
  if (!file) {
    console.error('Give the file, e.g. tegenspraak restore tegenspraak-backup.jsonl.gz');
    return 2;
  }
  try {
    const restored = await restoreBackup(services, file);
    console.log(`Restored ${restored.rows} rows from ${file}${restored.organisation ? `: the organisation at /o/${restored.organisation}/` : ''}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof RestoreRefused)) throw error;
    console.error(error.message);
    return 1;
  }
};

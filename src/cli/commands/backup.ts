import { BackupRefused, createBackup } from '../../backup/create-backup.js';
import type { Command } from '../context.js';

/** Changes nothing in the database. */
export const readOnly = true;

export const run: Command = async ({ services, options, argument: file, organisation }) => {
  if (!file) {
    console.error('Give the file, e.g. tegenspraak backup tegenspraak-backup.jsonl.gz');
    return 2;
  }
  try {
    const only = options.org ? await organisation() : null;
    const { rows } = await createBackup(services, file, only ? { organisationId: only.id } : {});
    console.log(`Backup${only ? ` of ${only.name}` : ''} written to ${file}: ${rows} rows. Keep the server key apart from it.`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error;
    console.error(error.message);
    return 1;
  }
};

import { unsafeOrganisationOverview } from '../../domain/organisation/organisation-overview.js';
import type { Command } from '../context.js';

/** Changes nothing in the database. */
export const readOnly = true;

export const run: Command = async ({ services }) => {
  for (const row of await unsafeOrganisationOverview(services)) {
    console.log(`${row.slug.padEnd(24)} ${row.name.padEnd(40)} ${String(row.accounts).padStart(5)} accounts ${String(row.cases).padStart(7)} cases`);
  }
};

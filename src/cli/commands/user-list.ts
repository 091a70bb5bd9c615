import { unsafeListUsers } from '../../domain/accounts/list-users.js';
import type { Command } from '../context.js';

/** Changes nothing in the database. */
export const readOnly = true;

export const run: Command = async ({ services, organisation }) => {
  for (const user of await unsafeListUsers(services, (await organisation()).id)) {
    console.log(`${user.displayName.padEnd(28)} ${user.email.padEnd(40)} ${user.status.padEnd(9)} ${user.roles.join(',')}`);
  }
};

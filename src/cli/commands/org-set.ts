import { listOrganisations } from '../../domain/organisation/get-organisation.js';
import { organisationAddress } from '../../domain/organisation/organisation-address.js';
import { unsafeSetOrganisationAddress } from '../../domain/organisation/set-organisation-address.js';
import { CliRefusal, type Command } from '../context.js';

export const run: Command = async ({ services, config, options, organisation }) => {
  const target = await organisation();
  if (options.listed !== undefined && options.listed !== 'yes' && options.listed !== 'no') throw new CliRefusal('Give --listed yes or --listed no.');
  if (options.host === undefined && options.listed === undefined) throw new CliRefusal('Give --host <host name>, --host none, or --listed yes|no.');
  await unsafeSetOrganisationAddress(services, target.id, {
    ...(options.host !== undefined ? { hostName: options.host === 'none' ? null : options.host } : {}),
    ...(options.listed !== undefined ? { listed: options.listed === 'yes' } : {}),
  });
  const now = (await listOrganisations(services)).find((o) => o.id === target.id)!;
  console.log(`${now.name}: ${organisationAddress(config.baseUrl, now)}/ (${now.listed ? 'listed' : 'not listed'} on the start page)`);
};

import { listOrganisations } from '../../domain/organisation/get-organisation.js';
import { unsafeShareCommission } from '../../domain/organisation/share-commission.js';
import { CliRefusal, type Command } from '../context.js';

export const run: Command = async ({ services, options, organisation }) => {
  const target = await organisation();
  const all = await listOrganisations(services);
  const serving = options.with === 'own' ? target : all.find((o) => o.slug === options.with);
  if (!serving) throw new CliRefusal('Give the organisation whose commission will handle the reports: --with <slug>, or --with own.');
  await unsafeShareCommission(services, target.id, serving.id === target.id ? null : serving.id);
  console.log(serving.id === target.id ? `${target.name} has its own commission again.` : `Reports to the commission of ${target.name} now go to the commission of ${serving.name}.`);
};

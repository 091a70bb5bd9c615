import type { Services } from '../../services.js';
import { organisationAddress } from './organisation-address.js';
import { organisationDirectory } from './organisation-directory.js';

export interface PublicOrganisation {
  name: string;
  /** Its start page: a path on this address, or its own host name's. */
  address: string;
}

/**
 * The organisations the installation's start page lists, when there are several and the list is
 * not hidden: names and addresses only. Null means: show the first organisation's start page.
 */
export async function listPublicOrganisations(s: Pick<Services, 'db' | 'config' | 'publicCache'>): Promise<PublicOrganisation[] | null> {
  if (s.config.organisationList === 'hidden') return null;
  const { all } = await organisationDirectory(s);
  if (all.length < 2) return null;
  return all.filter((o) => o.listed).map((o) => ({ name: o.name, address: o.hostName ? `${organisationAddress(s.config.baseUrl, o)}/` : `/o/${o.slug}/` }));
}


import type { Services } from '../../services.js';
import { requirePlatformOperator } from '../access/platform-operator.js';
import { requireId } from '../ids.js';
import { unsafeSetOrganisationAddress } from './set-organisation-address.js';

/**
 * The platform operator shows or hides an organisation on the installation's start page. Its own
 * pages work either way; a hidden organisation is found only by its own address.
 */
export async function setOrganisationListing(
  s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'now' | 'config'>,
  actor: { userId: string; organisationId: string | null } | null,
  organisationId: string,
  listed: boolean,
): Promise<void> {
  requirePlatformOperator(actor);
  await unsafeSetOrganisationAddress(s, requireId(organisationId), { listed }, actor.userId);
}

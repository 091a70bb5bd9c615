import type { Services } from '../../services.js';
import { requirePlatformOperator } from '../access/platform-operator.js';
import { unsafeOrganisationOverview, type OrganisationOverview } from './organisation-overview.js';

/** The platform operator's overview: names, addresses and content-free counts, nothing more. */
export async function listPlatformOrganisations(s: Pick<Services, 'db'>, actor: { userId: string; organisationId: string | null } | null): Promise<OrganisationOverview[]> {
  requirePlatformOperator(actor);
  return unsafeOrganisationOverview(s);
}

import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { getOrganisation } from './get-organisation.js';
import { themeColours } from './organisation-look.js';

/** For the administrator's look page: the colours as set, and where the current logo is. */
export async function getOrganisationLook(s: Pick<Services, 'db'>, actor: Actor | null): Promise<{ buttonColour: string; linkColour: string; logoPath: string | null; organisationName: string }> {
  authorize(actor, 'settings.manage');
  const organisation = await getOrganisation(s, actor.organisationId);
  return { ...themeColours(organisation.theme), logoPath: logoPathOf(organisation), organisationName: organisation.name };
}

/** The address of an organisation's current logo, or null when it has none. */
export function logoPathOf(organisation: { logoVersion: number }): string | null {
  return organisation.logoVersion > 0 ? `/logo/${organisation.logoVersion}` : null;
}

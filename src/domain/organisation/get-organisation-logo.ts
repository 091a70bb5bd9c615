import { organisationLogos } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import type { Organisation } from './get-organisation.js';
import { inOrg } from '../../db/scoped.js';

/** The organisation's current logo, public like its start page; not_found for any other number. */
export async function getOrganisationLogo(s: Pick<Services, 'db'>, organisation: Organisation, version: string): Promise<{ type: string; bytes: Uint8Array }> {
  if (organisation.logoVersion <= 0 || version !== String(organisation.logoVersion)) throw new AppError('not_found');
  const [logo] = await s.db.select({ type: organisationLogos.type, bytes: organisationLogos.bytes }).from(organisationLogos).where(inOrg(organisation.id, organisationLogos));
  if (!logo) throw new AppError('not_found');
  return logo;
}

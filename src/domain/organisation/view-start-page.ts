import type { Services } from '../../services.js';
import type { RouteReaders } from '../admission/route-readers.js';
import type { RouteRow } from '../routes/get-route.js';
import { listPublicRoutes } from '../routes/list-public-routes.js';
import type { Organisation } from './get-organisation.js';
import { listPublicOrganisations, type PublicOrganisation } from './list-public-organisations.js';

export type StartPageView =
  | { kind: 'platform'; organisations: PublicOrganisation[] }
  | { kind: 'organisation'; organisation: Organisation | null; routes: readonly RouteRow[]; readers: readonly RouteReaders[] };

/**
 * What the public start page shows: on the installation's own address with several organisations,
 * the list of them; otherwise the organisation's routes and exactly who reads each.
 */
export async function viewStartPage(
  s: Pick<Services, 'db' | 'config' | 'sodium' | 'serverKeys' | 'publicCache'>,
  request: { organisation: Organisation | null; atInstallationAddress: boolean },
): Promise<StartPageView> {
  const listed = request.atInstallationAddress ? await listPublicOrganisations(s) : null;
  if (listed) return { kind: 'platform', organisations: listed };
  const { organisation } = request;
  const { routes, readers } = organisation ? await listPublicRoutes(s, organisation.id) : { routes: [], readers: [] };
  return { kind: 'organisation', organisation, routes, readers };
}

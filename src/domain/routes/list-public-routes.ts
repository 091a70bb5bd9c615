import type { Services } from '../../services.js';
import { routeReaders, type RouteReaders } from '../admission/route-readers.js';
import { getRoute, listActiveRoutes, type RouteRow, type RouteWithQuestionnaire } from './get-route.js';

/**
 * The start page's routes and, per route, exactly who reads a report on it (verified from the signed
 * admissions), kept in the public cache until any of it changes. Sealing a report does not use this:
 * it verifies its readers afresh.
 */
export async function listPublicRoutes(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'publicCache'>, organisationId: string): Promise<{ routes: readonly RouteRow[]; readers: readonly RouteReaders[] }> {
  return s.publicCache.get(`routes:${organisationId}`, async () => {
    const [routes, readers] = await Promise.all([listActiveRoutes(s, organisationId), routeReaders(s, organisationId)]);
    return { routes: Object.freeze(routes.map((route) => Object.freeze(route))), readers: Object.freeze(readers) };
  });
}

/** Every active route with its current questionnaire (the reporting API's list), kept likewise. */
export async function listRouteQuestionnaires(s: Pick<Services, 'db' | 'publicCache'>, organisationId: string): Promise<readonly RouteWithQuestionnaire[]> {
  return s.publicCache.get(`questionnaires:${organisationId}`, async () => {
    const routes = await listActiveRoutes(s, organisationId);
    return Object.freeze(await Promise.all(routes.map((route) => getRoute(s, organisationId, route.code))));
  });
}

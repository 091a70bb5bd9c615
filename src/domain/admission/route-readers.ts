import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { listActiveRoutes } from '../routes/get-route.js';
import { bodies, bodyOfRoute, type Body } from './bodies.js';
import { verifiedBodyState, type AdmittedMember } from './verify-admissions.js';

export interface RouteReader {
  displayName: string;
  roles: Role[];
  fingerprint: string;
}

export interface RouteReaders {
  routeCode: string;
  /** Who receives a new report on this route: name, role and key fingerprint, from the signed admissions. */
  readers: RouteReader[];
  /** Who holds the name of a confidential reporter. */
  custodians: RouteReader[];
}

/** For the public start page and the first step of each route: exactly the people a report is sealed to. */
export async function routeReaders(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>): Promise<RouteReaders[]> {
  const members = new Map<Body, AdmittedMember[]>();
  for (const body of bodies) members.set(body, (await verifiedBodyState(s, body)).members);
  return (await listActiveRoutes(s)).map((route) => {
    const body = bodyOfRoute(route);
    const view = (roles: readonly string[]): RouteReader[] =>
      (body ? members.get(body)! : [])
        .filter((m) => m.roles.some((r) => roles.includes(r)))
        .map((m) => ({ displayName: m.displayName, roles: m.roles.filter((r) => roles.includes(r)), fingerprint: m.fingerprint }));
    return { routeCode: route.code, readers: view(route.handlerRoles), custodians: view(route.custodianRoles) };
  });
}

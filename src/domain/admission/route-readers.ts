import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { listActiveRoutes } from '../routes/get-route.js';
import { readersOfRoute } from './admitted-readers.js';
import { bodyOfRoute } from './bodies.js';
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
  /** The body's founding statement every reader is checked against: who signed it, when, and its fingerprint. */
  root: { founderName: string; admittedOn: string; fingerprint: string } | null;
}

/**
 * For the organisation's public start page and the first step of each route: exactly the people a
 * report is sealed to (a shared commission's members for a route it serves).
 */
export async function routeReaders(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, organisationId: string): Promise<RouteReaders[]> {
  const members = new Map<string, AdmittedMember[]>();
  const roots = new Map<string, RouteReaders['root']>();
  const routes = await listActiveRoutes(s, organisationId);
  for (const route of routes) {
    const body = bodyOfRoute(route);
    const key = `${route.bodyOrganisationId}:${body}`;
    if (!body || members.has(key)) continue;
    const state = await verifiedBodyState(s, route.bodyOrganisationId, body);
    members.set(key, state.members);
    const [founder] = state.root ? await s.db.select({ name: users.displayName }).from(users).where(inOrg(route.bodyOrganisationId, users, eq(users.id, state.root.userId))) : [];
    roots.set(key, state.root ? { founderName: founder?.name ?? '', admittedOn: state.root.admittedOn, fingerprint: state.root.fingerprint } : null);
  }
  return routes.map((route) => {
    const body = bodyOfRoute(route);
    const key = `${route.bodyOrganisationId}:${body}`;
    // The same rule as sealing, so the page names exactly who will read.
    const sets = readersOfRoute(route, body ? (members.get(key) ?? []) : []);
    const view = (list: readonly AdmittedMember[], roleList: readonly string[]): RouteReader[] =>
      list.map((m) => ({ displayName: m.displayName, roles: m.roles.filter((r) => roleList.includes(r)), fingerprint: m.fingerprint }));
    return {
      routeCode: route.code,
      readers: view(sets.readers, route.handlerRoles),
      custodians: view(sets.custodians, route.custodianRoles),
      root: body ? (roots.get(key) ?? null) : null,
    };
  });
}

import type { Services } from '../../services.js';
import { isAllowed, type Actor } from '../access/authorize.js';
import { listActiveRoutes, type RouteRow } from '../routes/get-route.js';
import { bodyOfRoute, type Body } from './bodies.js';
import { routeReaders } from './route-readers.js';

export interface ChecklistItem {
  route: RouteRow;
  body: Body | null;
  /** 'noReaders': nobody can read the route yet; 'noCustodian': confidential reports cannot be made. */
  missing: 'noReaders' | 'noCustodian';
}

/**
 * For the administrator's home, until every route can be read: which route lacks readers or a
 * custodian, and which body must act (the administrator can invite, never admit).
 */
export async function setupChecklist(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, actor: Actor | null): Promise<ChecklistItem[] | null> {
  if (!isAllowed(actor, 'users.manage')) return null;
  const readers = await routeReaders(s, actor!.organisationId);
  const items: ChecklistItem[] = [];
  for (const route of await listActiveRoutes(s, actor!.organisationId)) {
    const r = readers.find((x) => x.routeCode === route.code);
    if (!r || r.readers.length === 0) items.push({ route, body: bodyOfRoute(route), missing: 'noReaders' });
    else if (r.custodians.length === 0) items.push({ route, body: bodyOfRoute(route), missing: 'noCustodian' });
  }
  return items;
}

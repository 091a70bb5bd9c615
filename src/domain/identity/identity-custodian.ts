import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { caseIdentities, cases, routes } from '../../db/schema.js';
import type { Actor } from '../access/authorize.js';

/** Whether the user holds a sealed copy of the reporter's identity for this case (nothing is opened). */
export async function holdsIdentityCopy(db: Db | Tx, caseId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: caseIdentities.custodianUserId })
    .from(caseIdentities)
    .where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, userId)));
  return rows.length === 1;
}

/**
 * The identity custodian of a case: holds a custodian role of the case's route (a per-route
 * setting) and a copy of the identity. Someone the name was released to holds a copy but not the
 * role, and so cannot pass the name on by deciding other requests.
 */
export async function isCustodianOf(s: { db: Db | Tx }, actor: Actor, caseId: string): Promise<boolean> {
  const [row] = await s.db.select({ custodianRoles: routes.custodianRoles }).from(cases).innerJoin(routes, eq(routes.code, cases.routeCode)).where(eq(cases.id, caseId));
  if (!row || !actor.roles.some((role) => row.custodianRoles.includes(role))) return false;
  return holdsIdentityCopy(s.db, caseId, actor.userId);
}

/**
 * Who can read the reporter's name on a route, by role, as the report form states it: for a
 * confidential report the route's identity custodians only, for an open one everyone who handles
 * the route's reports (the roles a new case is sealed to).
 */
export function nameReadersOf(route: { handlerRoles: readonly string[]; custodianRoles: readonly string[] }): { confidential: string[]; open: string[] } {
  return { confidential: [...route.custodianRoles], open: [...route.handlerRoles] };
}

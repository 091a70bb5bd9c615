import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { caseIdentities, cases, identityRequests } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
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
 * The identity custodian of a case: holds a copy of a confidential reporter's identity that was
 * sealed to them when the report came in, not one released to them by a request. So someone the
 * name was released to cannot pass it on, whatever roles their account row is given later, and
 * the custodian of an older case stays its custodian when the commission names another custodian
 * role for new reports.
 */
export async function isCustodianOf(s: { db: Db | Tx }, actor: Actor, caseId: string): Promise<boolean> {
  const [row] = await s.db.select({ anonymity: cases.anonymity }).from(cases).where(inCommission(actor.organisationId, cases, eq(cases.id, caseId)));
  if (!row || row.anonymity !== 'confidential') return false;
  if (!(await holdsIdentityCopy(s.db, caseId, actor.userId))) return false;
  const released = await s.db
    .select({ id: identityRequests.id })
    .from(identityRequests)
    .where(and(eq(identityRequests.caseId, caseId), eq(identityRequests.requestedBy, actor.userId), inArray(identityRequests.status, ['released', 'granted'])));
  return released.length === 0;
}

/** The custodians of a case: who hold a copy sealed at submission, not one released to them by a request. */
export async function custodiansOf(db: Db | Tx, caseId: string): Promise<string[]> {
  const holders = await db.select({ userId: caseIdentities.custodianUserId }).from(caseIdentities).where(eq(caseIdentities.caseId, caseId));
  const released = new Set(
    (await db.select({ userId: identityRequests.requestedBy }).from(identityRequests).where(and(eq(identityRequests.caseId, caseId), inArray(identityRequests.status, ['released', 'granted'])))).map((r) => r.userId),
  );
  return holders.map((h) => h.userId).filter((id) => !released.has(id));
}

/**
 * Who can read the reporter's name on a route, by role, as the report form states it: for a
 * confidential report the route's identity custodians only, for an open one everyone who handles
 * the route's reports (the roles a new case is sealed to).
 */
export function nameReadersOf(route: { handlerRoles: readonly string[]; custodianRoles: readonly string[] }): { confidential: string[]; open: string[] } {
  return { confidential: [...route.custodianRoles], open: [...route.handlerRoles] };
}

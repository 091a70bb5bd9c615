import { and, eq, inArray } from 'drizzle-orm';
import { identityRequests } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import { runningRequestStatuses } from './request-identity.js';

/**
 * Someone who loses access to a case (steps aside, is removed from the body, has their access
 * revoked or their cases reassigned) must not receive the name later through a request that is
 * still running: the pending sealed copy is destroyed and the request lapses.
 */
export async function withdrawIdentityRequests(tx: Tx, userId: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await tx
    .update(identityRequests)
    .set({ status: 'withdrawn', pendingSealedIdentity: null })
    .where(and(eq(identityRequests.requestedBy, userId), inArray(identityRequests.caseId, [...caseIds]), inArray(identityRequests.status, [...runningRequestStatuses])));
}

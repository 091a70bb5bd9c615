import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { genuineEntries } from '../audit/genuine-entries.js';
import { handlingOrganisationOf } from '../cases/handling-organisation.js';

export interface GrantedTerms {
  legalDuty: boolean;
  /** When the name may be released without an answer; null under a legal duty. */
  releaseAfter: Date | null;
}

/**
 * The terms of a grant as the custodian made it, read from the keyed audit chain rather than
 * from the request row: editing identity_requests (a "legal duty" ticked afterwards, a waiting
 * period moved into the past) cannot release a name early or take away the reporter's say.
 * Null when no genuine grant entry exists: then nothing is released.
 */
export async function grantedTerms(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, caseId: string, requestId: string): Promise<GrantedTerms | null> {
  const entries = await genuineEntries(s, await handlingOrganisationOf(s.db, caseId), and(eq(auditLog.action, 'identity.granted'), eq(auditLog.caseId, caseId))!);
  const genuine = entries.find((entry) => entry.detail.request === requestId);
  if (!genuine) return null;
  if (genuine.detail.legalDuty === true) return { legalDuty: true, releaseAfter: null };
  const at = typeof genuine.detail.releaseAfter === 'string' ? new Date(genuine.detail.releaseAfter) : null;
  return at && !Number.isNaN(at.getTime()) ? { legalDuty: false, releaseAfter: at } : null;
}

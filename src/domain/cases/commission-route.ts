import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import { bodyOfRoute } from '../admission/bodies.js';
import { AppError } from '../errors.js';

/**
 * A route whose cases the commission handles (its members and chair read them): 'commission' and
 * 'risk_signal' by default. Such a case follows the law's frame (acknowledgement and feedback
 * deadlines, admissibility) and is concluded only by a joint decision that the chair closes. The
 * ethics panel and the confidential advisors keep their own, simpler way of working.
 */
export function isCommissionRoute(route: { code: string }): boolean {
  // By the route's code, fixed in code: editing a route's roles in the database cannot lift the joint decision.
  return bodyOfRoute(route) === 'commission';
}

/** What a case page needs to know about its route's way of working (computed here, shown by the views). */
export interface CaseFrame {
  /** The whistleblowing law's words apply: admissibility, "the law requires". */
  legalFrame: boolean;
  /** Concluded only through a joint decision closed by the chair. */
  jointDecision: boolean;
}

export function caseFrameOf(route: { code: string }): CaseFrame {
  const commission = isCommissionRoute(route);
  return { legalFrame: commission, jointDecision: commission };
}

/** The frame of a stored case its commission (`organisationId`) handles, read in the caller's transaction (metadata only). */
export async function caseFrameOfCase(db: Db | Tx, organisationId: string, caseId: string): Promise<CaseFrame> {
  const [row] = await db.select({ code: cases.routeCode }).from(cases).where(inCommission(organisationId, cases, eq(cases.id, caseId)));
  if (!row) throw new AppError('not_found');
  return caseFrameOf(row);
}

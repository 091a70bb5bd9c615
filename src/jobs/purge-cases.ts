import { reporterWroteLastSql } from '../domain/cases/reporter-waits.js';
import { eq, lt, not, sql } from 'drizzle-orm';
import { caseInterventions, caseRecommendations, cases, caseStatistics } from '../db/schema.js';
import { inOrg } from '../db/scoped.js';
import { appendAudit } from '../domain/audit/append-audit.js';
import { handlingOrganisationOf } from '../domain/cases/handling-organisation.js';
import type { Organisation } from '../domain/organisation/get-organisation.js';
import { localDate } from '../domain/reports/deadlines.js';
import type { Services } from '../services.js';

function monthsBefore(instant: Date, months: number): Date {
  const d = new Date(instant);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Destroys closed cases whose retention period has passed: the case row and, by cascade, every
 * entry, attachment, sealed key, identity, declaration and reporter session. What stays is an
 * anonymous statistical record (route, kind, outcome, dates to the day) and the audit entry.
 * The delete decides who purges: with several instances only one gets the row back.
 */
export async function purgeExpiredCases(s: Services, organisation: Organisation): Promise<number> {
  const now = s.now();
  // The retention period of the organisation the case concerns.
  const cutoff = monthsBefore(now, organisation.retentionMonths);
  const expired = await s.db
    .select({ id: cases.id })
    .from(cases)
    .where(
      inOrg(
        organisation.id,
        cases,
        eq(cases.status, 'closed'),
        lt(cases.closedAt, cutoff),
        // A message the reporter wrote after closing waits for its answer before anything is destroyed.
        not(reporterWroteLastSql),
      ),
    );
  const day = (at: Date | null) => (at ? localDate(at, organisation.timeZone) : null);
  let purged = 0;
  for (const { id } of expired) {
    await s.db.transaction(async (tx) => {
      const chain = await handlingOrganisationOf(tx, id).catch(() => null);
      // What the interventions and recommendations were, without their texts (they go with the case).
      const interventions = (await tx.select({ kind: caseInterventions.kind, done: caseInterventions.resultRecordedAt }).from(caseInterventions).where(eq(caseInterventions.caseId, id))).map((r) => ({ kind: r.kind, done: r.done !== null }));
      const recommendations = (await tx.select({ status: caseRecommendations.status }).from(caseRecommendations).where(eq(caseRecommendations.caseId, id))).map((r) => r.status);
      const [gone] = await tx.delete(cases).where(inOrg(organisation.id, cases, eq(cases.id, id))).returning();
      if (!gone) return;
      await tx.insert(caseStatistics).values({
        organisationId: gone.organisationId,
        handledBy: gone.handledBy,
        routeCode: gone.routeCode,
        kind: gone.kind,
        outcome: gone.outcome,
        receivedOn: day(gone.receivedAt)!,
        acknowledgedOn: day(gone.acknowledgedAt),
        closedOn: day(gone.closedAt),
        purgedOn: day(now)!,
        beyondLegalTerm: gone.beyondLegalTerm,
        anonymity: gone.anonymity,
        feedbackOn: day(gone.feedbackGivenAt),
        extended: gone.feedbackExtendedTo !== null,
        reporterReturned: gone.reporterReturned,
        coding: gone.coding,
        interventions,
        recommendations,
      });
      await appendAudit({ ...s, db: tx }, { organisationId: chain ?? gone.organisationId, actorKind: 'system', actorUserId: null, action: 'case.purged', caseId: id, detail: { retentionMonths: organisation.retentionMonths } });
      purged += 1;
    });
  }
  // Deleted rows stay in the table files until vacuumed; reclaim them now rather than whenever.
  if (purged > 0) await s.db.execute(sql`vacuum case_entries, attachments, case_keys, case_identities, cases`);
  return purged;
}

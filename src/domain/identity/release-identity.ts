import { and, eq, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { caseIdentities, cases, identityRequests, users } from '../../db/schema.js';
import { inCommission, inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { handlingOrganisationOf } from '../cases/handling-organisation.js';
import { appendAudit } from '../audit/append-audit.js';
import { insertSealedEntry } from '../cases/insert-entry.js';
import { AppError } from '../errors.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import { reporterLanguage, reporterMoment, reporterText } from './reporter-words.js';
import { grantedTerms } from './granted-terms.js';

/**
 * Moves the copy that was sealed to the requester at the grant into case_identities, where the
 * case page opens it, in the caller's transaction. Callers have told the reporter before this, in
 * the same transaction: the message and the release are stored together or not at all.
 */
export async function moveToRequester(tx: Tx, request: { id: string; caseId: string; requestedBy: string; pendingSealedIdentity: Uint8Array | null }, at: Date): Promise<void> {
  if (!request.pendingSealedIdentity) throw new AppError('conflict');
  await tx
    .insert(caseIdentities)
    .values({ caseId: request.caseId, custodianUserId: request.requestedBy, sealedIdentity: request.pendingSealedIdentity })
    .onConflictDoUpdate({ target: [caseIdentities.caseId, caseIdentities.custodianUserId], set: { sealedIdentity: request.pendingSealedIdentity } });
  await tx.update(identityRequests).set({ status: 'released', releasedAt: at, pendingSealedIdentity: null }).where(eq(identityRequests.id, request.id));
}

/**
 * The reporter did not answer within the waiting period: the name is released to the requester,
 * and the reporter finds a message saying so (they were asked, with the date, at the grant).
 * Safe to call twice or from two instances at once: the case row is locked and only a request
 * still waiting past its date is released. True when this call released it.
 */
export async function releaseAfterWaitingPeriod(s: Services, requestId: string): Promise<boolean> {
  const at = s.now();
  const [found] = await s.db.select({ caseId: identityRequests.caseId }).from(identityRequests).where(eq(identityRequests.id, requestId));
  if (!found) return false;
  // The organisation whose commission handles the case: the scheduled job has none of its own to name.
  const organisationId = await handlingOrganisationOf(s.db, found.caseId);
  const timeZone = await timeZoneOf(s, organisationId);
  const released = await s.db.transaction(async (tx) => {
    // The case first, then the request: the same order as the custodian's and the reporter's steps.
    const [current] = await tx.select({ publicKey: cases.publicKey, language: cases.reporterLanguage }).from(cases).where(inCommission(organisationId, cases, eq(cases.id, found.caseId))).for('update');
    const [request] = await tx.select().from(identityRequests).where(eq(identityRequests.id, requestId)).for('update');
    if (!current || !request || request.status !== 'awaiting_reporter' || !request.releaseAfter || request.releaseAfter > at) return false;
    // The row may have been edited: only the grant's own terms in the audit chain count.
    const terms = await grantedTerms({ ...s, db: tx }, request.caseId, requestId);
    if (!terms || terms.legalDuty || !terms.releaseAfter || terms.releaseAfter > at) return false;
    // The requester handles the case for that commission: an account of its organisation.
    const [requester] = await tx.select({ name: users.displayName }).from(users).where(inOrg(organisationId, users, eq(users.id, request.requestedBy)));
    const lang = reporterLanguage(current.language);
    const text = reporterText(lang, 'identity.message.released', { name: requester?.name ?? '', date: reporterMoment(request.releaseAfter, lang, timeZone) });
    await insertSealedEntry(tx, s.sodium, { caseId: request.caseId, casePublicKey: current.publicKey, author: 'handler', authorUserId: null, at }, 'message', {
      type: 'identity-released',
      requestId,
      text,
    });
    await moveToRequester(tx, request, at);
    await appendAudit({ ...s, db: tx }, { organisationId: await handlingOrganisationOf(tx, request.caseId), actorKind: 'system', actorUserId: null, action: 'identity.released', caseId: request.caseId, detail: { request: requestId, by: 'waiting_period' } });
    return true;
  });
  if (released) await notifyReporter(s, found.caseId);
  return released;
}

/** Requests whose waiting period is over and that still wait (for the scheduled job). */
export async function dueIdentityReleases(s: Pick<Services, 'db' | 'now'>, where: { caseId?: string; requestedBy?: string } = {}): Promise<string[]> {
  const rows = await s.db
    .select({ id: identityRequests.id })
    .from(identityRequests)
    .where(
      and(
        eq(identityRequests.status, 'awaiting_reporter'),
        lte(identityRequests.releaseAfter, s.now()),
        where.caseId ? eq(identityRequests.caseId, where.caseId) : undefined,
        where.requestedBy ? eq(identityRequests.requestedBy, where.requestedBy) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The requester opens the case after the waiting period but before the scheduled job ran: the
 * release happens now, so the name is there when it is due, whatever the job's timing.
 */
export async function releaseDueIdentitiesFor(s: Services, caseId: string, requestedBy: string): Promise<void> {
  for (const id of await dueIdentityReleases(s, { caseId, requestedBy })) {
    try {
      await releaseAfterWaitingPeriod(s, id);
    } catch {
      // The case still opens (without the name); the scheduled job tries again.
      s.logger.warn('an identity release on opening the case failed; the scheduled job retries it');
    }
  }
}

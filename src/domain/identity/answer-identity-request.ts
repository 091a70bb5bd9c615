import { and, eq } from 'drizzle-orm';
import { cases, identityRequests } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { handlingOrganisationOf } from '../cases/handling-organisation.js';
import { appendAudit } from '../audit/append-audit.js';
import { insertSealedEntry } from '../cases/insert-entry.js';
import { AppError, refusal } from '../errors.js';
import { requireId } from '../ids.js';
import { validate } from '../validate.js';
import { grantedTerms } from './granted-terms.js';
import { moveToRequester } from './release-identity.js';
import { identityAnswerSchema } from './schemas.js';

/**
 * The reporter, signed in with their receipt, answers a granted request once, within the waiting
 * period. Consent releases the name to the requester at once. An objection releases nothing and
 * destroys the copy that was sealed for the requester; the handlers see the objection (and the
 * reporter's words, if any) on the identity page and in the conversation. The session's organisation
 * is the one the report concerns.
 */
export async function answerIdentityRequest(s: Services, session: { caseId: string; organisationId: string }, requestId: string, input: unknown): Promise<void> {
  const form = validate(identityAnswerSchema, input);
  requireId(requestId);
  const at = s.now();
  await s.db.transaction(async (tx) => {
    const [current] = await tx.select({ publicKey: cases.publicKey }).from(cases).where(inOrg(session.organisationId, cases, eq(cases.id, session.caseId))).for('update');
    // Only a request of the reporter's own case: another case's request id finds nothing here.
    const [request] = await tx.select().from(identityRequests).where(and(eq(identityRequests.id, requestId), eq(identityRequests.caseId, session.caseId))).for('update');
    // The same answer again (a double click, a reload of the sent form): it stands, nothing happens twice.
    if (request && request.reporterAnswer === form.answer) return;
    if (!current || !request || request.status !== 'awaiting_reporter') throw new AppError('conflict');
    // The grant's terms from the audit chain, not the editable row: the reporter keeps their say.
    const terms = await grantedTerms({ ...s, db: tx }, session.caseId, requestId);
    if (!terms || terms.legalDuty) throw new AppError('conflict');
    if (!terms.releaseAfter || terms.releaseAfter <= at) throw refusal('conflict', 'errors.identity.answerClosed');

    await insertSealedEntry(tx, s.sodium, { caseId: session.caseId, casePublicKey: current.publicKey, author: 'reporter', authorUserId: null, at }, 'message', {
      type: 'identity-answer',
      requestId,
      answer: form.answer,
      text: form.comment,
    });
    await tx.update(identityRequests).set({ reporterAnswer: form.answer, reporterAnsweredAt: at }).where(eq(identityRequests.id, requestId));
    if (form.answer === 'consent') {
      await moveToRequester(tx, request, at);
    } else {
      // Nothing is kept that could still release the name later.
      await tx.update(identityRequests).set({ status: 'objected', pendingSealedIdentity: null }).where(eq(identityRequests.id, requestId));
    }
    await tx.update(cases).set({ lastReporterActivityAt: at }).where(inOrg(session.organisationId, cases, eq(cases.id, session.caseId)));
    const audit = { ...s, db: tx };
    await appendAudit(audit, { organisationId: await handlingOrganisationOf(audit.db, session.caseId), actorKind: 'reporter', actorUserId: null, action: form.answer === 'consent' ? 'identity.consented' : 'identity.objected', caseId: session.caseId, detail: { request: requestId } });
    if (form.answer === 'consent') {
      await appendAudit(audit, { organisationId: await handlingOrganisationOf(audit.db, session.caseId), actorKind: 'reporter', actorUserId: null, action: 'identity.released', caseId: session.caseId, detail: { request: requestId, by: 'consent' } });
    }
  });
}

import { and, eq } from 'drizzle-orm';
import { handlingOrganisationOf } from '../cases/handling-organisation.js';
import { openIdentity, sealIdentity } from '../../crypto/case-keys.js';
import { caseIdentities, cases, identityRequests, users } from '../../db/schema.js';
import { inCommission, inOrg } from '../../db/scoped.js';
import { admittedMember } from '../admission/admitted-readers.js';
import { bodyOfRoute } from '../admission/bodies.js';
import type { Services } from '../../services.js';
import { appendAudit } from '../audit/append-audit.js';
import { caseStep, entryTarget } from '../cases/case-step.js';
import { insertSealedEntry } from '../cases/insert-entry.js';
import { openStatuses } from '../cases/lifecycle.js';
import { AppError, refusal } from '../errors.js';
import { requireId } from '../ids.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import type { StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { isCustodianOf } from './identity-custodian.js';
import { moveToRequester } from './release-identity.js';
import { reporterLanguage, reporterMoment, reporterText } from './reporter-words.js';
import { identityDecisionSchema } from './schemas.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Only the route's identity custodian decides, with a reason written for the reporter. A grant
 * does not disclose: the custodian's session opens their own copy and seals it to the requester
 * as a pending copy, and the reporter is asked first (a message in their inbox naming the
 * requester and the reason, and a content-free mail). The name is released when the reporter
 * consents, or when the commission's waiting period passes without an objection.
 *
 * With a legal duty the reporter is told first, in the same transaction, and the name is
 * released at once: the law does not wait for an answer, but the reporter never learns afterwards.
 */
export async function decideIdentityRequest(s: Services, actor: StaffActor | null, caseId: string, requestId: string, input: unknown): Promise<void> {
  const form = validate(identityDecisionSchema, input);
  requireId(caseId);
  requireId(requestId);
  if (!actor || !(await isCustodianOf(s, actor, caseId))) throw new AppError('forbidden');
  const organisation = await getOrganisation(s, await handlingOrganisationOf(s.db, caseId));
  const waitDays = organisation.identityWaitDays;
  const timeZone = organisation.timeZone;
  const grant = form.decision === 'grant';
  const action = !grant ? 'identity.refused' : form.legalDuty ? 'identity.released' : 'identity.granted';
  // The grant's terms go into the keyed audit entry: releases are checked against it (granted-terms.ts).
  let releaseAt = '';
  const detail = (): Record<string, string | number> => (!grant ? { request: requestId } : form.legalDuty ? { request: requestId, by: 'legal_duty' } : { request: requestId, waitDays, releaseAfter: releaseAt });

  await caseStep(s, actor, caseId, openStatuses, action, async ({ tx, current, at }) => {
    const [request] = await tx.select().from(identityRequests).where(and(eq(identityRequests.id, requestId), eq(identityRequests.caseId, caseId))).for('update');
    if (!request || request.status !== 'pending') throw new AppError('conflict');
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor, current, at, 'note'), 'note', {
      type: 'identity-decision',
      requestId,
      decision: form.decision,
      reason: form.reason,
      legalDuty: form.legalDuty,
    });
    if (!grant) {
      await tx.update(identityRequests).set({ status: 'refused', decidedBy: actor.userId, decidedAt: at }).where(eq(identityRequests.id, requestId));
      return {};
    }

    // The requester handles the case for the same commission: an account of the custodian's organisation.
    const [requester] = await tx.select({ name: users.displayName, publicKey: users.publicKey, status: users.status }).from(users).where(inOrg(actor.organisationId, users, eq(users.id, request.requestedBy)));
    const [own] = await tx.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, actor.userId)));
    if (!requester?.publicKey || requester.status !== 'active' || !own || !actor.privateKey) throw new AppError('conflict');
    // openIdentity refuses a copy that was altered, sealed to someone else, or moved from another case.
    const identity = openIdentity(s.sodium, actor.privateKey, caseId, own.sealedIdentity);
    if (!identity) throw new AppError('tampered');
    // Sealed to the key the body signed for the requester, never to whatever the users row says.
    const [caseRow] = await tx.select({ code: cases.routeCode }).from(cases).where(inCommission(actor.organisationId, cases, eq(cases.id, caseId)));
    const body = caseRow ? bodyOfRoute(caseRow) : null;
    const admitted = body ? await admittedMember({ ...s, db: tx }, organisation.id, body, request.requestedBy) : null;
    if (!admitted) throw refusal('conflict', 'errors.identity.requesterNotAdmitted');
    const pendingSealedIdentity = sealIdentity(s.sodium, admitted.boxPublicKey, caseId, identity);
    const releaseAfter = form.legalDuty ? null : new Date(at.getTime() + waitDays * DAY_MS);
    releaseAt = releaseAfter?.toISOString() ?? '';

    // The reporter is told first: this message is written before anything is released.
    const lang = reporterLanguage(current.language);
    const text = form.legalDuty
      ? reporterText(lang, 'identity.message.legalDuty', { name: requester.name, reason: form.reason })
      : reporterText(lang, 'identity.message.question', { name: requester.name, reason: form.reason, date: reporterMoment(releaseAfter!, lang, timeZone) });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor, current, at), 'message', {
      type: form.legalDuty ? 'identity-legal-duty' : 'identity-question',
      requestId,
      requester: requester.name,
      reason: form.reason,
      text,
    });
    await tx
      .update(identityRequests)
      .set({ status: 'awaiting_reporter', decidedBy: actor.userId, decidedAt: at, pendingSealedIdentity, releaseAfter, legalDuty: form.legalDuty })
      .where(eq(identityRequests.id, requestId));
    if (form.legalDuty) {
      // Two steps in the log: the grant (with its legal duty), then the release caseStep records.
      await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'identity.granted', caseId, detail: { request: requestId, legalDuty: true } });
      await moveToRequester(tx, { ...request, pendingSealedIdentity }, at);
    }
    return {};
  }, detail);
  if (grant) await notifyReporter(s, caseId);
}

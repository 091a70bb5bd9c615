import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { mailNotices, noticeTo } from '../admission/announce.js';
import { verifiedBodyState } from '../admission/verify-admissions.js';
import { appendAudit } from '../audit/append-audit.js';
import { insertSealedEntry } from '../cases/insert-entry.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { unsafeHandlerCaseKeys, type StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';

/** Why a case file leaves the commission: a court or objection procedure, a referral to a competent authority, or otherwise (said in the reason). */
export const dossierPurposes = ['legal_procedure', 'referral', 'other'] as const;

export const dossierSchema = z.object({
  purpose: z.enum(dossierPurposes, { error: 'errors.choice.required' }),
  reason: z.string().trim().max(2000, { error: 'errors.field.tooLong' }).min(1, { error: 'errors.field.required' }),
});

/**
 * Produces the case file: the reason is sealed into the case as an internal note (so it is in the
 * timeline and the file itself, never in the plain audit), the audit records that and for what purpose,
 * and the commission's chair is told (content-free). Only the secretariat and the chair, and only
 * while they hold the case's key. Returns the file's id, which is that note's id. Producing a file is
 * not an answer to the reporter, so it leaves the case's activity times alone.
 */
export async function produceDossier(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<string> {
  authorize(actor, 'cases.dossier');
  requireId(caseId);
  const form = validate(dossierSchema, input);
  // Refuses anyone without their own key copy and declaration, before anything is written.
  await unsafeHandlerCaseKeys(s, actor, caseId);
  const at = s.now();
  let told: string[] = [];
  const dossierId = await s.db.transaction(async (tx) => {
    const [row] = await tx.select({ number: cases.number, handledBy: cases.handledBy, internalPublicKey: cases.internalPublicKey }).from(cases).where(inCommission(actor.organisationId, cases, eq(cases.id, caseId))).for('update');
    if (!row?.internalPublicKey) throw new AppError('conflict');
    const id = await insertSealedEntry(tx, s.sodium, { caseId, casePublicKey: row.internalPublicKey, author: 'handler', authorUserId: actor.userId, at }, 'note', { type: 'dossier', ...form });
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'dossier.produced', caseId, detail: { dossier: id, purpose: form.purpose } });
    // The chair the commission admitted (not whoever holds the role on their account), unless it is the chair who produced it.
    const chairs = (await verifiedBodyState({ ...s, db: tx }, row.handledBy, 'commission')).members.filter((m) => m.roles.includes('chair') && m.userId !== actor.userId).map((m) => m.userId);
    told = await noticeTo({ ...s, db: tx }, chairs, 'dossier.produced', { number: row.number });
    return id;
  });
  await mailNotices(s, told);
  return dossierId;
}

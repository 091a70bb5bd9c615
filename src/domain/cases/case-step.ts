import { languageOf } from '../../i18n/index.js';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import { authorize, type Action } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError, refusal } from '../errors.js';
import { requireId } from '../ids.js';
import { unsafeHandlerCaseKeys, type HandlerKeys, type StaffActor } from './open-case.js';
import type { CaseStatus } from './lifecycle.js';
import type { LetterCase } from '../letters/case-letter.js';
import { dueOn } from './due-on.js';
import { timeZoneOf } from '../organisation/get-organisation.js';

export type Step = { status: CaseStatus; number: string; handledBy: string; outcome: string | null; language: string; publicKey: Uint8Array; internalPublicKey: Uint8Array | null; receivedAt: Date; acknowledgedAt: Date | null; feedbackExtendedTo: string | null };

/**
 * Runs one lifecycle step in one transaction: checks the handler's key and the current status,
 * lets the step write entries and change the case, and appends the audit entry.
 */
export async function caseStep(
  s: Services,
  actor: StaffActor | null,
  caseId: string,
  allowedFrom: readonly CaseStatus[],
  action: string,
  work: (ctx: { tx: Tx; current: Step; at: Date; keys: HandlerKeys; timeZone: string }) => Promise<Partial<typeof cases.$inferInsert>>,
  detail: Record<string, string | number | boolean> | (() => Record<string, string | number | boolean>) = {},
  permission: Action = 'cases.read',
  /** Metadata only (coding, a recommendation's follow-up): not an answer to the reporter, so a message they wrote last keeps waiting (and keeps its case from the purge). */
  options: { metadataOnly?: boolean } = {},
): Promise<void> {
  authorize(actor, permission);
  requireId(caseId);
  const keys = await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  const at = s.now();
  await s.db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: cases.status,
        number: cases.number,
        handledBy: cases.handledBy,
        outcome: cases.outcome,
        language: cases.reporterLanguage,
        publicKey: cases.publicKey,
        internalPublicKey: cases.internalPublicKey,
        receivedAt: cases.receivedAt,
        acknowledgedAt: cases.acknowledgedAt,
        feedbackExtendedTo: cases.feedbackExtendedTo,
      })
      .from(cases)
      .where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId)))
      .for('update');
    if (!current || !allowedFrom.includes(current.status as CaseStatus)) throw new AppError('conflict');
    // The handling organisation's zone: deadlines and local dates are its days.
    const timeZone = await timeZoneOf({ db: tx }, current.handledBy);
    const changes = await work({ tx, current: current as Step, at, keys, timeZone });
    // The next deadline follows every change of status, acknowledgement or extension.
    const after = { ...current, ...changes } as Step;
    const due = dueOn(after, timeZone);
    await tx.update(cases).set({ ...changes, dueOn: due, ...(options.metadataOnly ? {} : { lastHandlerActivityAt: at }) }).where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId), eq(cases.status, current.status)));
    await appendAudit({ ...s, db: tx }, { organisationId: actor!.organisationId, actorKind: 'staff', actorUserId: actor!.userId, action, caseId, detail: typeof detail === 'function' ? detail() : detail });
  });
}

/** Messages go to the case key (the reporter reads them); notes to the handlers-only internal key. */
export const entryTarget = (caseId: string, actor: StaffActor, current: Step, at: Date, kind: 'message' | 'note' = 'message') => {
  // A case from before internal notes existed has no key for them: said, never taken for a step already done.
  if (kind === 'note' && !current.internalPublicKey) throw refusal('conflict', 'errors.case.noInternalKey');
  return { caseId, casePublicKey: kind === 'note' ? current.internalPublicKey! : current.publicKey, author: 'handler' as const, authorUserId: actor.userId, at };
};


/** The case as a standard letter may speak of it: number and dates, in the reporter's language. */
export const letterCaseOf = (current: Step, timeZone: string): LetterCase => ({
  handledBy: current.handledBy,
  number: current.number,
  language: languageOf(current.language),
  receivedAt: current.receivedAt,
  acknowledgedAt: current.acknowledgedAt,
  feedbackExtendedTo: current.feedbackExtendedTo,
  timeZone,
});

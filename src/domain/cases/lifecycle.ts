import { z } from 'zod';
import { handlingOrganisationOf } from './handling-organisation.js';
import { translator } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { AppError, refusal } from '../errors.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import type { StaffActor } from '../reports/open-case.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import { addMonths, computeDeadlines } from '../reports/deadlines.js';
import { formatDate } from '../../i18n/format-date.js';
import { validate } from '../validate.js';
import { insertSealedEntry } from './insert-entry.js';
import { caseStep, entryTarget } from './case-step.js';
import { caseFrameOf, caseFrameOfCase } from './commission-route.js';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.js';
import { hasClosedDecision } from './decision-members.js';

// receive - assess - address - conclude (ISO 37002), as statuses a reporter can understand.
export const caseStatuses = ['received', 'acknowledged', 'assessed', 'in_handling', 'concluded', 'feedback_given', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Acknowledged but no feedback yet: the 3-month feedback deadline runs and can be extended. */
export const awaitingFeedback: readonly CaseStatus[] = ['acknowledged', 'assessed', 'in_handling', 'concluded'];
/** Everything before closing: work on the case is still possible. */
export const openStatuses: readonly CaseStatus[] = caseStatuses.filter((status) => status !== 'closed');

/** The one step forward from each status (acknowledging and assessing have their own forms). */
export const nextStatus: Partial<Record<CaseStatus, CaseStatus>> = {
  assessed: 'in_handling',
  in_handling: 'concluded',
  concluded: 'feedback_given',
  feedback_given: 'closed',
};

const text = (max: number) => z.string().trim().max(max, { error: 'errors.field.tooLong' });

/** The commission's own classification, kept (with dates and outcome) in the anonymous statistics after a purge. */
export const caseKinds = ['improper_pressure', 'integrity_violation', 'manager_conduct', 'risk_signal', 'moral_question', 'other'] as const;

export const assessmentSchema = z.object({
  kind: z.enum(caseKinds, { error: 'errors.choice.required' }),
  admissible: z.enum(['yes', 'no'], { error: 'errors.choice.required' }),
  reason: text(5000).min(1, { error: 'errors.field.required' }),
  priority: z.enum(['low', 'normal', 'high'], { error: 'errors.choice.required' }),
  retaliationRisk: z.enum(['none', 'low', 'high'], { error: 'errors.choice.required' }),
  measures: text(5000),
});

export const noteSchema = z.object({ text: text(20_000).min(1, { error: 'errors.field.required' }) });
export const advanceSchema = z.object({ text: text(20_000) });
export const extensionSchema = z.object({
  reason: text(5000).min(1, { error: 'errors.field.required' }),
  months: z.enum(['1', '2', '3'], { error: 'errors.choice.required' }),
});

/**
 * Admissible or not with a reason, priority, risk of retaliation and protective measures: an internal
 * note. Admissibility is the whistleblowing law's test for reports to the commission; the ethics
 * panel and the confidential advisors are not asked it, and their cases are recorded as admissible.
 */
export async function assessCase(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  let form: z.output<typeof assessmentSchema> | undefined;
  await caseStep(s, actor, caseId, ['acknowledged'], 'case.assessed', async ({ tx, current, at }) => {
    const { legalFrame } = await caseFrameOfCase(tx, caseId);
    form = validate(assessmentSchema, legalFrame ? input : { ...(input as Record<string, unknown>), admissible: 'yes' });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'assessment', ...form });
    return { status: 'assessed', kind: form.kind, ...(form.admissible === 'no' ? { outcome: 'not_admissible' } : {}) };
  }, () => ({ kind: form!.kind, admissible: form!.admissible === 'yes', priority: form!.priority, retaliationRisk: form!.retaliationRisk }));
}

/** Internal notes are for handlers only; the reporter's pages never show them. */
export async function addInternalNote(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(noteSchema, input);
  await caseStep(s, actor, caseId, caseStatuses, 'note.added', async ({ tx, current, at }) => {
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'note', text: form.text });
    return {};
  });
}

/**
 * One step forward. Giving feedback is a message to the reporter and needs its text; the other
 * steps may carry an internal note. A commission case is concluded only by the joint decision the
 * chair closes (closeDecision), never by one handler here; and without such a decision there is no
 * conclusion to give feedback on or to close.
 */
export async function advanceCase(s: Services, actor: StaffActor | null, caseId: string, to: string, input: unknown): Promise<void> {
  const form = validate(advanceSchema, input);
  const from = (Object.keys(nextStatus) as CaseStatus[]).filter((status) => nextStatus[status] === to);
  if (from.length === 0) throw new AppError('conflict');
  if (to === 'feedback_given' && !form.text) throw new AppError('validation', [{ field: 'text', message: 'errors.feedback.required' }]);
  await caseStep(s, actor, caseId, from, `case.${to}`, async ({ tx, current, at }) => {
    if ((await caseFrameOfCase(tx, caseId)).jointDecision) {
      if (to === 'concluded') throw refusal('conflict', 'errors.case.jointDecisionRequired');
      if ((to === 'feedback_given' || to === 'closed') && !(await hasClosedDecision(tx, caseId))) throw refusal('conflict', 'errors.case.closedDecisionRequired');
    }
    const kind = to === 'feedback_given' ? 'message' : 'note';
    if (form.text) await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, kind), kind, { type: 'status', text: form.text });
    return { status: to, ...(to === 'closed' ? { closedAt: at } : {}) };
  });
  if (to === 'feedback_given') await notifyReporter(s, caseId);
}

/** Extending the 3-month feedback deadline needs a reason, and the reporter is told both. */
export async function extendFeedbackDeadline(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(extensionSchema, input);
  const timeZone = await timeZoneOf(s, await handlingOrganisationOf(s.db, caseId));
  let beyond = false;
  await caseStep(s, actor, caseId, awaitingFeedback, 'case.feedback-extended', async ({ tx, current, at }) => {
    const deadlines = computeDeadlines(current.receivedAt, current.acknowledgedAt, timeZone, current.feedbackExtendedTo);
    const until = addMonths(deadlines.feedbackBy, Number(form.months));
    const language = current.language === 'en' ? 'en' : 'nl';
    const [row] = await tx.select({ route: cases.routeCode }).from(cases).where(eq(cases.id, caseId));
    const legal = !!row && caseFrameOf({ code: row.route }).legalFrame;
    // Allowed, with a reason; but past the legal term it is said so, to the reporter too, and kept for the figures.
    beyond = legal && until > deadlines.legalFeedbackBy;
    const key = !legal ? 'case.extension.messagePlain' : beyond ? 'case.extension.messageBeyond' : 'case.extension.message';
    const text = translator(language)(key, { date: formatDate(until, language), reason: form.reason });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at), 'message', { type: 'extension', text });
    return { feedbackExtendedTo: until, ...(beyond ? { beyondLegalTerm: true } : {}) };
  }, () => ({ months: Number(form.months), beyondLegalTerm: beyond }));
  await notifyReporter(s, caseId);
}

/**
 * A closed case opened again (the reporter wrote after closing, say): back in handling, with the
 * reason as an internal note, audited. The reporter sees the status change.
 */
export async function reopenCase(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(noteSchema, input);
  await caseStep(s, actor, caseId, ['closed'], 'case.reopened', async ({ tx, current, at }) => {
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'status', text: form.text });
    return { status: 'in_handling', closedAt: null };
  });
}

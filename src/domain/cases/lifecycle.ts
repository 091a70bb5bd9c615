import { z } from 'zod';
import { translator, languageOf } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { AppError, fieldError, refusal } from '../errors.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import type { StaffActor } from './open-case.js';
import { addMonths, computeDeadlines } from '../reports/deadlines.js';
import { formatDate } from '../../i18n/format-date.js';
import { validate } from '../validate.js';
import { insertSealedEntry } from './insert-entry.js';
import { caseStep, entryTarget, letterCaseOf } from './case-step.js';
import { caseLetter, sameLetter } from '../letters/case-letter.js';
import { caseFrameOf, caseFrameOfCase } from './commission-route.js';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import { hasClosedDecision } from './decision-members.js';

// receive - assess - address - conclude (ISO 37002), as statuses a reporter can understand.
export const caseStatuses = ['received', 'acknowledged', 'assessed', 'in_handling', 'concluded', 'feedback_given', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Acknowledged but no feedback yet: the 3-month feedback deadline runs and can be extended. */
export const awaitingFeedback: readonly CaseStatus[] = ['acknowledged', 'assessed', 'in_handling', 'concluded'];
/** Everything before closing: work on the case is still possible. */
export const openStatuses: readonly CaseStatus[] = caseStatuses.filter((status) => status !== 'closed');

/** The status as people read it: a report closed as inadmissible reads "not taken into handling". */
export function shownStatus(status: string, outcome: string | null): string {
  return status === 'closed' && outcome === 'not_admissible' ? 'not_admissible' : status;
}

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
export const advanceSchema = z.object({ text: text(20_000), letter: text(10_000).default('') });
export const extensionSchema = z.object({
  reason: text(5000).min(1, { error: 'errors.field.required' }),
  months: z.enum(['1', '2', '3'], { error: 'errors.choice.required' }),
});

/**
 * Admissible or not with a reason, priority, risk of retaliation and protective measures: an internal
 * note. Admissibility is the whistleblowing law's test for reports to the commission; the ethics
 * panel and the confidential advisors are not asked it, and their cases are recorded as admissible.
 * An inadmissible report takes the short path: the reporter gets the reasoned notice (the standard
 * letter in the commission's own words, with the external routes always below it) and the case
 * closes as "not taken into handling".
 */
export async function assessCase(s: Services, actor: StaffActor | null, caseId: string, input: unknown, notice = ''): Promise<'assess' | 'inadmissible'> {
  let form: z.output<typeof assessmentSchema> | undefined;
  await caseStep(s, actor, caseId, ['acknowledged'], 'case.assessed', async ({ tx, current, at, timeZone }) => {
    const { legalFrame } = await caseFrameOfCase(tx, actor!.organisationId, caseId);
    form = validate(assessmentSchema, legalFrame ? input : { ...(input as Record<string, unknown>), admissible: 'yes' });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'assessment', ...form });
    if (form.admissible === 'yes') return { status: 'assessed', kind: form.kind, priority: form.priority };
    const letterCase = letterCaseOf(current, timeZone);
    const text = await ownWords(notice, await caseLetter(tx, letterCase, 'inadmissible', at), 'notice');
    const external = translator(letterCase.language)('letter.inadmissible.external');
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at), 'message', { type: 'inadmissible', text: `${text}\n\n${external}` });
    return { status: 'closed', closedAt: at, kind: form.kind, priority: form.priority, outcome: 'not_admissible' };
  }, () => ({ kind: form!.kind, admissible: form!.admissible === 'yes', priority: form!.priority, retaliationRisk: form!.retaliationRisk, ...(form!.admissible === 'no' ? { closed: true } : {}) }));
  if (form?.admissible !== 'no') return 'assess';
  await notifyReporter(s, caseId);
  // The banner says what happened: the reporter got the notice and the case is closed.
  return 'inadmissible';
}

/** A letter that needs the commission's own words: refused when empty or sent as the standard text. */
async function ownWords(text: string, standard: string, field: string): Promise<string> {
  const trimmed = text.trim();
  if (!trimmed) throw fieldError(field, 'errors.letter.required');
  if (trimmed.length > 10_000) throw fieldError(field, 'errors.field.tooLong');
  if (sameLetter(trimmed, standard)) throw fieldError(field, 'errors.letter.ownWords');
  return trimmed;
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
  // A step that does not exist (a forged form) is an error in the form, not a step already taken.
  if (from.length === 0) throw fieldError('to', 'errors.choice.required');
  if (to === 'feedback_given' && !form.text) throw new AppError('validation', [{ field: 'text', message: 'errors.feedback.required' }]);
  let told = to === 'feedback_given';
  await caseStep(s, actor, caseId, from, `case.${to}`, async ({ tx, current, at, timeZone }) => {
    const frame = await caseFrameOfCase(tx, actor!.organisationId, caseId);
    if (frame.jointDecision) {
      if (to === 'concluded') throw refusal('conflict', 'errors.case.jointDecisionRequired');
      if ((to === 'feedback_given' || to === 'closed') && !(await hasClosedDecision(tx, caseId))) throw refusal('conflict', 'errors.case.closedDecisionRequired');
    }
    // Under the law, feedback is the commission's letter in its own words, never the bare standard text.
    if (to === 'feedback_given' && frame.legalFrame) await ownWords(form.text, await caseLetter(tx, letterCaseOf(current, timeZone), 'feedback', at), 'text');
    const kind = to === 'feedback_given' ? 'message' : 'note';
    if (form.text) await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, kind), kind, { type: 'status', text: form.text });
    // The closing letter (optional) goes to the reporter; the note beside it stays internal.
    if (to === 'closed' && form.letter) {
      await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at), 'message', { type: 'closing', text: form.letter });
      told = true;
    }
    return { status: to, ...(to === 'closed' ? { closedAt: at } : {}), ...(to === 'feedback_given' ? { feedbackGivenAt: at } : {}) };
  });
  if (told) await notifyReporter(s, caseId);
}

/** Extending the 3-month feedback deadline needs a reason, and the reporter is told both. */
export async function extendFeedbackDeadline(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(extensionSchema, input);
  let beyond = false;
  await caseStep(s, actor, caseId, awaitingFeedback, 'case.feedback-extended', async ({ tx, current, at, timeZone }) => {
    const deadlines = computeDeadlines(current.receivedAt, current.acknowledgedAt, timeZone, current.feedbackExtendedTo);
    const until = addMonths(deadlines.feedbackBy, Number(form.months));
    const language = languageOf(current.language);
    const [row] = await tx.select({ route: cases.routeCode }).from(cases).where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId)));
    const legal = !!row && caseFrameOf({ code: row.route }).legalFrame;
    // Allowed, with a reason; but past the legal term it is said so, to the reporter too, and kept for the figures.
    beyond = legal && until > deadlines.legalFeedbackBy;
    const date = formatDate(until, language);
    // Under the law, the commission's standard letter; past the legal term a fixed sentence says so.
    const text = legal
      ? [await caseLetter(tx, letterCaseOf(current, timeZone), 'extension', at, { date, reason: form.reason }), beyond ? translator(language)('letter.extension.beyond') : ''].filter(Boolean).join('\n\n')
      : translator(language)('case.extension.messagePlain', { date, reason: form.reason });
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
    // A report found inadmissible and reopened is assessed again; any other continues its handling.
    if (current.outcome === 'not_admissible') return { status: 'acknowledged', closedAt: null, outcome: null };
    return { status: 'in_handling', closedAt: null };
  });
}

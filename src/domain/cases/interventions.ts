import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { caseInterventions } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import type { CaseView, StaffActor } from './open-case.js';
import { isLocalDate, validate } from '../validate.js';
import { localDate } from '../reports/deadlines.js';
import { caseStep, entryTarget } from './case-step.js';
import { insertSealedEntry } from './insert-entry.js';
import { awaitingFeedback, type CaseStatus } from './lifecycle.js';

/** The commission's repertoire; the kind is kept as metadata so that later figures can show what helps. */
export const interventionKinds = [
  'conversation_with_source',
  'good_conversation',
  'mediation',
  'investigation_internal',
  'investigation_external',
  'referral_external',
  'recommendation_management',
  'protective_measure',
  'no_further_action',
] as const;

const text = (max: number) => z.string().trim().max(max, { error: 'errors.field.tooLong' }).min(1, { error: 'errors.field.required' });

const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isLocalDate(value), { error: 'errors.date.invalid' })
  .transform((value) => value || null);

export const interventionSchema = z.object({
  kind: z.enum(interventionKinds, { error: 'errors.choice.required' }),
  who: text(500),
  what: text(10_000),
  plannedOn: optionalDate.default(''),
});
/** While the commission is still working towards its feedback, interventions can be added. */
const recordStatuses = awaitingFeedback;
/** A result can still be recorded or corrected until the case is closed. */
const resultStatuses = [...awaitingFeedback, 'feedback_given'] as const;

export const interventionResultSchema = z.object({ result: text(10_000), doneOn: optionalDate.default('') });

/** One intervention: who does it and what, sealed as an internal note; its kind as metadata. */
export async function recordIntervention(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(interventionSchema, input);
  const interventionId = randomUUID();
  await caseStep(s, actor, caseId, recordStatuses, 'intervention.recorded', async ({ tx, current, at }) => {
    await tx.insert(caseInterventions).values({ id: interventionId, caseId, kind: form.kind, recordedBy: actor!.userId, recordedAt: at, plannedOn: form.plannedOn });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'intervention', interventionId, ...form });
    return {};
  }, { intervention: interventionId, kind: form.kind });
}

/**
 * The result of any of the case's interventions, with the day it was done. Recorded again, it is a
 * correction: audited as such, and the earlier text stays in the case (a note is never edited).
 */
export async function recordInterventionResult(s: Services, actor: StaffActor | null, caseId: string, interventionId: string, input: unknown): Promise<void> {
  const form = validate(interventionResultSchema, input);
  requireId(interventionId);
  let correction = false;
  await caseStep(s, actor, caseId, resultStatuses, 'intervention.result', async ({ tx, current, at, timeZone }) => {
    const [row] = await tx
      .select({ resultRecordedAt: caseInterventions.resultRecordedAt })
      .from(caseInterventions)
      .where(and(eq(caseInterventions.id, interventionId), eq(caseInterventions.caseId, caseId)))
      .for('update');
    if (!row) throw new AppError('not_found');
    correction = row.resultRecordedAt !== null;
    // Done today unless the handler says another day.
    const doneOn = form.doneOn ?? localDate(at, timeZone);
    await tx.update(caseInterventions).set({ resultRecordedAt: at, doneOn }).where(eq(caseInterventions.id, interventionId));
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'intervention-result', interventionId, result: form.result, doneOn, correction });
    return {};
  }, () => ({ intervention: interventionId, correction }));
}

export interface InterventionView {
  id: string;
  kind: string;
  who: string;
  what: string;
  recordedBy: string | null;
  recordedAt: Date;
  plannedOn: string | null;
  result: { text: string; by: string | null; at: Date; doneOn: string | null } | null;
  /** Earlier results, replaced by a correction: kept, and shown. */
  earlier: Array<{ text: string; by: string | null; at: Date }>;
}

/** The interventions of a case, put together from its decrypted notes (the only place the texts are). */
export function interventionsOf(view: CaseView): InterventionView[] {
  // Two passes: entries written in the same instant have no order between them.
  const list: InterventionView[] = view.notes
    .filter((note) => note.content.type === 'intervention')
    .map((note) => {
      const c = note.content;
      const plannedOn = typeof c.plannedOn === 'string' ? c.plannedOn : null;
      return { id: String(c.interventionId), kind: String(c.kind), who: String(c.who), what: String(c.what), recordedBy: note.authorName, recordedAt: note.createdAt, plannedOn, result: null, earlier: [] as InterventionView['earlier'] };
    });
  // Notes come oldest first: a later result replaces an earlier one, which moves to the history.
  for (const note of view.notes.filter((n) => n.content.type === 'intervention-result')) {
    const target = list.find((i) => i.id === note.content.interventionId);
    if (!target) continue;
    if (target.result) target.earlier.push({ text: target.result.text, by: target.result.by, at: target.result.at });
    target.result = { text: String(note.content.result), by: note.authorName, at: note.createdAt, doneOn: typeof note.content.doneOn === 'string' ? note.content.doneOn : null };
  }
  return list;
}

export interface InterventionsPageModel {
  interventions: InterventionView[];
  /** What the page may offer now: the same statuses the commands accept. */
  may: { record: boolean; recordResult: boolean };
}

/** The interventions page: the list, and which forms it may offer for the case's status. */
export function presentInterventionsPage(view: CaseView): InterventionsPageModel {
  const status = view.status as CaseStatus;
  return { interventions: interventionsOf(view), may: { record: recordStatuses.includes(status), recordResult: (resultStatuses as readonly CaseStatus[]).includes(status) } };
}

import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { caseInterventions } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import type { CaseView, StaffActor } from '../reports/open-case.js';
import { validate } from '../validate.js';
import { caseStep, entryTarget } from './case-step.js';
import { insertSealedEntry } from './insert-entry.js';
import { awaitingFeedback } from './lifecycle.js';

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

export const interventionSchema = z.object({
  kind: z.enum(interventionKinds, { error: 'errors.choice.required' }),
  who: text(500),
  what: text(10_000),
});
export const interventionResultSchema = z.object({ result: text(10_000) });

/** One intervention: who does it and what, sealed as an internal note; its kind as metadata. */
export async function recordIntervention(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(interventionSchema, input);
  const interventionId = randomUUID();
  await caseStep(s, actor, caseId, awaitingFeedback, 'intervention.recorded', async ({ tx, current, at }) => {
    await tx.insert(caseInterventions).values({ id: interventionId, caseId, kind: form.kind, recordedBy: actor!.userId, recordedAt: at });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'intervention', interventionId, ...form });
    return {};
  }, { intervention: interventionId, kind: form.kind });
}

/** The result, once; a later change of mind is a new note, not an edit. */
export async function recordInterventionResult(s: Services, actor: StaffActor | null, caseId: string, interventionId: string, input: unknown): Promise<void> {
  const form = validate(interventionResultSchema, input);
  requireId(interventionId);
  await caseStep(s, actor, caseId, [...awaitingFeedback, 'feedback_given'], 'intervention.result', async ({ tx, current, at }) => {
    const updated = await tx
      .update(caseInterventions)
      .set({ resultRecordedAt: at })
      .where(and(eq(caseInterventions.id, interventionId), eq(caseInterventions.caseId, caseId), isNull(caseInterventions.resultRecordedAt)))
      .returning({ id: caseInterventions.id });
    if (updated.length !== 1) throw new AppError('conflict');
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'intervention-result', interventionId, result: form.result });
    return {};
  }, { intervention: interventionId });
}

export interface InterventionView {
  id: string;
  kind: string;
  who: string;
  what: string;
  recordedBy: string | null;
  recordedAt: Date;
  result: { text: string; by: string | null; at: Date } | null;
}

/** The interventions of a case, put together from its decrypted notes (the only place the texts are). */
export function interventionsOf(view: CaseView): InterventionView[] {
  // Two passes: entries written in the same instant have no order between them.
  const list: InterventionView[] = view.notes
    .filter((note) => note.content.type === 'intervention')
    .map((note) => {
      const c = note.content;
      return { id: String(c.interventionId), kind: String(c.kind), who: String(c.who), what: String(c.what), recordedBy: note.authorName, recordedAt: note.createdAt, result: null };
    });
  for (const note of view.notes.filter((n) => n.content.type === 'intervention-result')) {
    const target = list.find((i) => i.id === note.content.interventionId);
    if (target) target.result = { text: String(note.content.result), by: note.authorName, at: note.createdAt };
  }
  return list;
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sealForSelf } from '../../crypto/bound-seal.js';
import { deliberations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { dilemmaMethod } from './deliberation-method.js';
import { ownKeys } from './own-key.js';
import { notesBinding, ownDeliberation } from './own-deliberation.js';

const stepSchema = z.object({
  step: z.coerce.number().int().min(1).max(dilemmaMethod.steps.length),
  notes: z.string().max(8000, { error: 'errors.field.tooLong' }),
  go: z.union([z.enum(['back', 'next', 'save', 'finish']), z.string().regex(/^step-[1-9]$/)]),
});

/**
 * Keeps the notes of the step on screen and moves to the step asked for. The notes are sealed to
 * the facilitator's own key; nothing typed is lost when they go back and forth. Finishing marks the
 * result saved for the team.
 */
export async function saveDeliberationStep(s: Pick<Services, 'db' | 'now' | 'sodium'>, actor: StaffActor | null, id: string, input: unknown): Promise<{ step: number; finished: boolean }> {
  authorize(actor, 'learning.facilitate');
  const { row, notes } = await ownDeliberation(s, actor, id);
  const form = validate(stepSchema, input);
  const keys = await ownKeys(s, actor);
  const code = dilemmaMethod.steps[form.step - 1]!.code;
  const next = { ...notes, [code]: form.notes.trim() };
  const asked = form.go.startsWith('step-') ? Number(form.go.slice(5)) : form.go === 'next' ? form.step + 1 : form.go === 'back' ? form.step - 1 : form.step;
  const step = Math.min(Math.max(asked, 1), dilemmaMethod.steps.length);
  await s.db
    .update(deliberations)
    .set({ notesSealed: sealForSelf(s.sodium, keys, notesBinding(row.id), JSON.stringify(next)), step: step - 1, saved: row.saved || form.go === 'finish', updatedAt: s.now() })
    .where(inOrg(actor.organisationId, deliberations, eq(deliberations.id, row.id)));
  return { step, finished: form.go === 'finish' };
}

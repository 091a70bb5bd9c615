import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sealBound } from '../../crypto/bound-seal.js';
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
  go: z.enum(['back', 'next', 'save', 'finish']),
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
  const step = form.go === 'next' ? Math.min(form.step + 1, dilemmaMethod.steps.length) : form.go === 'back' ? Math.max(form.step - 1, 1) : form.step;
  await s.db
    .update(deliberations)
    .set({ notesSealed: sealBound(s.sodium, keys.publicKey, notesBinding(row.id), JSON.stringify(next)), step: step - 1, saved: row.saved || form.go === 'finish', updatedAt: s.now() })
    .where(inOrg(actor.organisationId, deliberations, eq(deliberations.id, row.id)));
  return { step, finished: form.go === 'finish' };
}

import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { deliberations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { refusal } from '../errors.js';
import { validate } from '../validate.js';
import { ownDeliberation } from './own-deliberation.js';
import { proposalSchema, storeProposal } from './propose-dilemma.js';

const precedentSchema = proposalSchema.extend({
  consent: z.literal('all', { error: 'errors.learning.consentRequired' }),
});

/**
 * With the consent of everyone present, the facilitator sends the deliberation's case, told
 * without names, to the ethics panel as a precedent for the library ("moresprudentie"). Only the
 * anonymised text written for it goes; the session's own notes stay with the facilitator.
 */
export async function proposePrecedent(s: Services, actor: StaffActor | null, id: string, input: unknown, language: string): Promise<void> {
  authorize(actor, 'learning.facilitate');
  const { row } = await ownDeliberation(s, actor, id);
  const form = validate(precedentSchema, input);
  if (!row.saved) throw refusal('conflict', 'errors.learning.notSaved');
  await s.db.transaction(async (tx) => {
    const marked = await tx
      .update(deliberations)
      .set({ proposedAt: s.now() })
      .where(inOrg(actor.organisationId, deliberations, and(eq(deliberations.id, row.id), isNull(deliberations.proposedAt))))
      .returning({ id: deliberations.id });
    if (marked.length === 0) throw refusal('conflict', 'errors.learning.alreadyProposed');
    await storeProposal({ ...s, db: tx }, actor.organisationId, 'deliberation', { situation: form.situation, question: form.question, language });
  });
}

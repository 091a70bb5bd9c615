import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { caseRecommendations } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { validate } from '../validate.js';
import { caseStep } from './case-step.js';
import { caseStatuses } from './lifecycle.js';
import type { StaffActor } from './open-case.js';

export const followUpSchema = z.object({ status: z.enum(['open', 'followed', 'not_followed'], { error: 'errors.choice.required' }) });

/**
 * Whether the organisation followed a recommendation up, recorded by the commission (also after
 * the case closed: follow-up often comes later); counted in the annual figures.
 */
export async function followUpRecommendation(s: Services, actor: StaffActor | null, caseId: string, recommendationId: string, input: unknown): Promise<void> {
  const form = validate(followUpSchema, input);
  requireId(recommendationId);
  await caseStep(s, actor, caseId, caseStatuses.filter((status) => status !== 'received'), 'recommendation.followed-up', async ({ tx }) => {
    const changed = await tx.update(caseRecommendations).set({ status: form.status }).where(and(eq(caseRecommendations.id, recommendationId), eq(caseRecommendations.caseId, caseId))).returning({ id: caseRecommendations.id });
    if (changed.length !== 1) throw new AppError('not_found');
    return {};
  }, { recommendation: recommendationId, status: form.status }, 'cases.read', { metadataOnly: true });
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { dilemmas } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { validate } from '../validate.js';
import { findCuratedDilemma } from './view-curated-library.js';

const statusSchema = z.object({ status: z.enum(['published', 'withdrawn'], { error: 'errors.choice.required' }) });

/** Publishes a dilemma (everyone at the organisation can play it) or withdraws it (nobody can, its counts are kept). */
export async function setDilemmaStatus(s: Pick<Services, 'db' | 'now'>, actor: Actor | null, id: string, input: unknown): Promise<void> {
  authorize(actor, 'learning.curate');
  const { status } = validate(statusSchema, input);
  const row = await findCuratedDilemma(s, actor.organisationId, id);
  const now = s.now();
  await s.db
    .update(dilemmas)
    .set({ status, updatedAt: now, publishedAt: status === 'published' ? (row.publishedAt ?? now) : row.publishedAt })
    .where(inOrg(actor.organisationId, dilemmas, eq(dilemmas.id, row.id)));
}

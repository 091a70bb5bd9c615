import { z } from 'zod';
import { deliberations } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { dilemmaMethod } from './deliberation-method.js';
import { ownKeys } from './own-key.js';

const startSchema = z.object({ title: z.string().trim().min(2, { error: 'errors.field.required' }).max(120, { error: 'errors.field.tooLong' }) });

/** A moral deliberation on the dilemma method, led by the facilitator step by step. */
export async function startDeliberation(s: Pick<Services, 'db' | 'now'>, actor: StaffActor | null, input: unknown): Promise<string> {
  authorize(actor, 'learning.facilitate');
  const { title } = validate(startSchema, input);
  await ownKeys(s, actor);
  const [row] = await s.db
    .insert(deliberations)
    .values({ organisationId: actor.organisationId, facilitatorId: actor.userId, title, method: dilemmaMethod.code, updatedAt: s.now() })
    .returning({ id: deliberations.id });
  return row!.id;
}

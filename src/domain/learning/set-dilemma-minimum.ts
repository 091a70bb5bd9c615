import { z } from 'zod';
import { organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { validate } from '../validate.js';

// Below this many choices nobody sees how others chose, alone or in a team. Never below 3: with
// two, a person who knows their own choice knows the other's.
const minimumSchema = z.object({
  minimum: z.coerce.number({ error: 'errors.dilemma.minimum' }).int({ error: 'errors.dilemma.minimum' }).min(3, { error: 'errors.dilemma.minimum' }).max(50, { error: 'errors.dilemma.minimum' }),
});

export async function setDilemmaMinimum(s: Pick<Services, 'db'>, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'learning.curate');
  const { minimum } = validate(minimumSchema, input);
  await s.db.update(organisations).set({ dilemmaMinCount: minimum }).where(inOrg(actor.organisationId, organisations));
}

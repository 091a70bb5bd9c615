import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sealForSelf } from '../../crypto/bound-seal.js';
import { teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { conclusionsBinding, facilitatedSession, openConclusions } from './facilitated-session.js';
import { ownKeys } from './own-key.js';

const conclusionSchema = z.object({
  round: z.coerce.number().int().min(1).max(100),
  conclusion: z.string().max(4000, { error: 'errors.field.tooLong' }),
});

/** The team's own conclusion of a round, typed by the facilitator; sealed to the facilitator's key with the others. */
export async function writeTeamConclusion(s: Pick<Services, 'db' | 'sodium'>, actor: StaffActor | null, id: string, input: unknown): Promise<void> {
  authorize(actor, 'learning.facilitate');
  const session = await facilitatedSession(s, actor, id);
  const form = validate(conclusionSchema, input);
  if (form.round - 1 > session.position) throw fieldError('conclusion', 'errors.learning.roundNotPlayed');
  const keys = await ownKeys(s, actor);
  const conclusions = { ...openConclusions(s, keys.privateKey, session), [String(form.round - 1)]: form.conclusion.trim() };
  await s.db
    .update(teamSessions)
    .set({ conclusionsSealed: sealForSelf(s.sodium, keys, conclusionsBinding(session.id), JSON.stringify(conclusions)) })
    .where(inOrg(actor.organisationId, teamSessions, eq(teamSessions.id, session.id)));
}

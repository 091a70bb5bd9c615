import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { sealForSelf } from '../../crypto/bound-seal.js';
import { hashJoinCode, newJoinCode } from '../../crypto/team-codes.js';
import { hasDatabaseCode, UNIQUE_VIOLATION } from '../../db/database-errors.js';
import { dilemmas, teamRounds, teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { ownKeys } from './own-key.js';

export const MAX_ROUNDS = 8;

const startSchema = z.object({
  title: z.string().trim().min(2, { error: 'errors.field.required' }).max(120, { error: 'errors.field.tooLong' }),
  // Duplicates dropped before counting: the same dilemma ticked twice is one round.
  dilemmaIds: z
    .array(z.uuid({ error: 'errors.learning.chooseDilemmas' }))
    .max(100, { error: 'errors.learning.tooManyDilemmas' })
    .transform((ids) => [...new Set(ids)])
    .pipe(z.array(z.string()).min(1, { error: 'errors.learning.chooseDilemmas' }).max(MAX_ROUNDS, { error: 'errors.learning.tooManyDilemmas' })),
});

export const joinCodeBinding = (sessionId: string) => `team-code:${sessionId}`;

/**
 * A facilitator opens a dilemma session: the chosen published dilemmas become its rounds (as they
 * read now), and a join code is made. The code's hash finds the session; the code itself is sealed
 * to the facilitator's key, so their screen can show it again but nobody else can read it.
 */
export async function startTeamSession(s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>, actor: StaffActor | null, input: unknown): Promise<string> {
  authorize(actor, 'learning.facilitate');
  const form = validate(startSchema, input);
  const keys = await ownKeys(s, actor);
  const ids = form.dilemmaIds;
  const chosen = await s.db
    .select({ id: dilemmas.id, content: dilemmas.content })
    .from(dilemmas)
    .where(inOrg(actor.organisationId, dilemmas, and(inArray(dilemmas.id, ids), eq(dilemmas.status, 'published'))));
  if (chosen.length !== ids.length) throw fieldError('dilemmaIds', 'errors.learning.chooseDilemmas');
  const byId = new Map(chosen.map((d) => [d.id, d.content]));
  for (let attempt = 0; ; attempt++) {
    const code = newJoinCode(s.sodium);
    try {
      return await s.db.transaction(async (tx) => {
        const [session] = await tx
          .insert(teamSessions)
          .values({ organisationId: actor.organisationId, facilitatorId: actor.userId, title: form.title, codeHash: hashJoinCode(s.sodium, s.serverKeys.throttle, code), createdAt: s.now() })
          .returning({ id: teamSessions.id });
        const id = session!.id;
        await tx.update(teamSessions).set({ codeSealed: sealForSelf(s.sodium, keys, joinCodeBinding(id), code) }).where(inOrg(actor.organisationId, teamSessions, eq(teamSessions.id, id)));
        await tx.insert(teamRounds).values(ids.map((dilemmaId, position) => ({ sessionId: id, position, dilemma: byId.get(dilemmaId)!, counts: byId.get(dilemmaId)!.options.map(() => 0) })));
        return id;
      });
    } catch (error) {
      // Two running sessions drew the same code: draw again.
      if (attempt < 3 && hasDatabaseCode(error, [UNIQUE_VIOLATION])) continue;
      throw error;
    }
  }
}

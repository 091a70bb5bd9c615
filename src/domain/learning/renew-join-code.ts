import { eq } from 'drizzle-orm';
import { sealForSelf } from '../../crypto/bound-seal.js';
import { hashJoinCode, newJoinCode } from '../../crypto/team-codes.js';
import { hasDatabaseCode, UNIQUE_VIOLATION } from '../../db/database-errors.js';
import { teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { refusal } from '../errors.js';
import { facilitatedSession } from './facilitated-session.js';
import { ownKeys } from './own-key.js';
import { joinCodeBinding } from './start-team-session.js';

/**
 * A new join code for a running session, for when someone has spent the guessing budget of the
 * code's first characters (or the code went where it should not): those who joined stay in, the
 * old code stops working.
 */
export async function renewJoinCode(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, actor: StaffActor | null, id: string): Promise<void> {
  authorize(actor, 'learning.facilitate');
  const session = await facilitatedSession(s, actor, id);
  if (session.state === 'ended') throw refusal('conflict', 'errors.learning.sessionEnded');
  const keys = await ownKeys(s, actor);
  for (let attempt = 0; ; attempt++) {
    const code = newJoinCode(s.sodium);
    try {
      await s.db
        .update(teamSessions)
        .set({ codeHash: hashJoinCode(s.sodium, s.serverKeys.throttle, code), codeSealed: sealForSelf(s.sodium, keys, joinCodeBinding(session.id), code) })
        .where(inOrg(actor.organisationId, teamSessions, eq(teamSessions.id, session.id)));
      return;
    } catch (error) {
      if (attempt < 3 && hasDatabaseCode(error, [UNIQUE_VIOLATION])) continue;
      throw error;
    }
  }
}

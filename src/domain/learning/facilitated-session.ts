import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openFromSelf } from '../../crypto/bound-seal.js';
import { teamSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';

/** A team session of the facilitator's own: another facilitator's, even at the same organisation, is not found. */
export async function facilitatedSession(s: Pick<Services, 'db'>, actor: Actor, id: string) {
  const [session] = await s.db
    .select()
    .from(teamSessions)
    .where(inOrg(actor.organisationId, teamSessions, and(eq(teamSessions.id, requireId(id)), eq(teamSessions.facilitatorId, actor.userId))));
  if (!session) throw new AppError('not_found');
  return session;
}

export const conclusionsBinding = (sessionId: string) => `team-conclusions:${sessionId}`;

/** JSON text to a value, or null for anything that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a facilitator keeps per step or round: short texts by key, nothing else. */
export const ownTextsSchema = z.record(z.string().max(40), z.string().max(8000));

/** The team's conclusions, opened with the facilitator's key; a box that does not open is reported, never read as empty and overwritten. */
export function openConclusions(s: Pick<Services, 'sodium'>, privateKey: Uint8Array | null, session: { id: string; conclusionsSealed: Uint8Array | null }): Record<string, string> {
  if (!session.conclusionsSealed || !privateKey) return {};
  const plain = openFromSelf(s.sodium, privateKey, conclusionsBinding(session.id), session.conclusionsSealed);
  const parsed = plain === null ? null : ownTextsSchema.safeParse(parseJson(plain));
  if (!parsed?.success) throw new AppError('tampered');
  return parsed.data;
}

import { and, eq } from 'drizzle-orm';
import { openFromSelf } from '../../crypto/bound-seal.js';
import { deliberations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { StaffActor } from '../cases/open-case.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { ownTextsSchema, parseJson } from './facilitated-session.js';

export const notesBinding = (id: string) => `deliberation-notes:${id}`;

/** A deliberation the facilitator leads, with its notes opened by their own key. */
export async function ownDeliberation(s: Pick<Services, 'db' | 'sodium'>, actor: StaffActor, id: string) {
  const [row] = await s.db
    .select()
    .from(deliberations)
    .where(inOrg(actor.organisationId, deliberations, and(eq(deliberations.id, requireId(id)), eq(deliberations.facilitatorId, actor.userId))));
  if (!row) throw new AppError('not_found');
  let notes: Record<string, string> = {};
  if (row.notesSealed) {
    const plain = actor.privateKey ? openFromSelf(s.sodium, actor.privateKey, notesBinding(row.id), row.notesSealed) : null;
    const parsed = plain === null ? null : ownTextsSchema.safeParse(parseJson(plain));
    if (!parsed?.success) throw new AppError('tampered');
    notes = parsed.data;
  }
  return { row, notes };
}

import { and, eq } from 'drizzle-orm';
import { openBound } from '../../crypto/bound-seal.js';
import { deliberations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { StaffActor } from '../cases/open-case.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';

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
    const plain = actor.privateKey ? openBound(s.sodium, actor.privateKey, notesBinding(row.id), row.notesSealed) : null;
    if (plain === null) throw new AppError('tampered');
    notes = JSON.parse(plain) as Record<string, string>;
  }
  return { row, notes };
}

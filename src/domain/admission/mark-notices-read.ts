import { and, eq, inArray } from 'drizzle-orm';
import { staffNotices } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';

/** Marks the viewer's own notices as read; someone else's are untouched. */
export async function markNoticesRead(s: Pick<Services, 'db' | 'now'>, actor: StaffActor | null, ids: readonly string[]): Promise<void> {
  authorize(actor, 'account.manage-own');
  if (ids.length === 0) return;
  await s.db.update(staffNotices).set({ readAt: s.now() }).where(and(eq(staffNotices.userId, actor.userId), inArray(staffNotices.id, [...ids])));
}

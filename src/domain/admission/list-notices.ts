import { and, desc, eq, isNull } from 'drizzle-orm';
import { staffNotices } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { StaffActor } from '../cases/open-case.js';

export interface NoticeView {
  id: string;
  kind: string;
  detail: Record<string, string>;
  createdAt: Date;
}

/** The viewer's unread notices, newest first (the staff home shows them). */
export async function unreadNotices(s: Pick<Services, 'db'>, actor: StaffActor): Promise<NoticeView[]> {
  return s.db
    .select({ id: staffNotices.id, kind: staffNotices.kind, detail: staffNotices.detail, createdAt: staffNotices.createdAt })
    .from(staffNotices)
    .where(and(eq(staffNotices.userId, actor.userId), isNull(staffNotices.readAt)))
    .orderBy(desc(staffNotices.createdAt));
}

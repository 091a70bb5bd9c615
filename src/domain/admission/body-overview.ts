import { and, eq, inArray } from 'drizzle-orm';
import { staffNotices, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { Role } from '../access/roles.js';
import type { StaffActor } from '../reports/open-case.js';
import { admitterRole, bodies, bodyOfRole, rolesOfBody, type Body } from './bodies.js';
import { verifiedBodyState, type AdmittedMember, type BodyRoot } from './verify-admissions.js';

export interface BodyOverview {
  body: Body;
  root: (BodyRoot & { founderName: string }) | null;
  members: AdmittedMember[];
  /** Accounts holding a role of this body that the body has not admitted (they read nothing). */
  waiting: Array<{ userId: string; displayName: string; roles: Role[] }>;
  /** Claims of admission whose signatures do not verify: a sign of a database edit. */
  invalidCount: number;
  canFound: boolean;
  canAdmit: boolean;
  /** The chair may hand a departing member's commission cases to another member. */
  canReassign: boolean;
  /** The admission id of the viewer, so they can leave the body. */
  ownAdmissionId: string | null;
}

/** The bodies the viewer belongs to by role, each with its verified readers: the membership page. */
export async function bodyOverviews(s: Services, actor: StaffActor | null): Promise<BodyOverview[]> {
  authorize(actor, 'admission.view');
  const mine = bodies.filter((body) => actor.roles.some((role) => bodyOfRole[role] === body));
  const out: BodyOverview[] = [];
  for (const body of mine) {
    const state = await verifiedBodyState(s, body);
    const admitted = new Set(state.members.map((m) => m.userId));
    const accounts = await s.db.select({ id: users.id, name: users.displayName, roles: users.roles, status: users.status, signing: users.signingPublicKey }).from(users).where(eq(users.status, 'active'));
    const waiting = accounts
      .filter((a) => !admitted.has(a.id) && !a.roles.includes('administrator') && rolesOfBody(body, a.roles).length > 0)
      .map((a) => ({ userId: a.id, displayName: a.name, roles: rolesOfBody(body, a.roles) }));
    const founder = state.root ? accounts.find((a) => a.id === state.root!.userId) : undefined;
    const [founderRow] = state.root && !founder ? await s.db.select({ name: users.displayName }).from(users).where(eq(users.id, state.root.userId)) : [];
    const me = state.members.find((m) => m.userId === actor.userId);
    out.push({
      body,
      root: state.root ? { ...state.root, founderName: founder?.name ?? founderRow?.name ?? '' } : null,
      members: state.members,
      waiting,
      invalidCount: state.invalid.length,
      canFound: state.openAdmissions === 0 && actor.roles.includes(admitterRole[body]),
      canAdmit: !!me && me.roles.includes(admitterRole[body]),
      canReassign: body === 'commission' && !!me && me.roles.includes('chair'),
      ownAdmissionId: me?.admissionId ?? null,
    });
  }
  return out;
}

export interface NoticeView {
  id: string;
  kind: string;
  detail: Record<string, string>;
  createdAt: Date;
}

/** The viewer's unread notices, newest first (the staff home shows them). */
export async function unreadNotices(s: Pick<Services, 'db'>, actor: StaffActor): Promise<NoticeView[]> {
  const rows = await s.db.select().from(staffNotices).where(eq(staffNotices.userId, actor.userId));
  return rows
    .filter((r) => r.readAt === null)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((r) => ({ id: r.id, kind: r.kind, detail: r.detail, createdAt: r.createdAt }));
}

/** Marks the viewer's own notices as read; someone else's are untouched. */
export async function markNoticesRead(s: Pick<Services, 'db' | 'now'>, actor: StaffActor | null, ids: readonly string[]): Promise<void> {
  authorize(actor, 'account.manage-own');
  if (ids.length === 0) return;
  await s.db.update(staffNotices).set({ readAt: s.now() }).where(and(eq(staffNotices.userId, actor.userId), inArray(staffNotices.id, [...ids])));
}

import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { Role } from '../access/roles.js';
import type { StaffActor } from '../cases/open-case.js';
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
  const accounts = mine.length ? await s.db.select({ id: users.id, name: users.displayName, roles: users.roles }).from(users).where(inOrg(actor.organisationId, users, eq(users.status, 'active'))) : [];
  for (const body of mine) {
    const state = await verifiedBodyState(s, actor.organisationId, body);
    const admitted = new Set(state.members.map((m) => m.userId));
    const waiting = accounts
      .filter((a) => !admitted.has(a.id) && !a.roles.includes('administrator') && rolesOfBody(body, a.roles).length > 0)
      .map((a) => ({ userId: a.id, displayName: a.name, roles: rolesOfBody(body, a.roles) }));
    const founder = state.root ? accounts.find((a) => a.id === state.root!.userId) : undefined;
    const [founderRow] = state.root && !founder ? await s.db.select({ name: users.displayName }).from(users).where(inOrg(actor.organisationId, users, eq(users.id, state.root.userId))) : [];
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

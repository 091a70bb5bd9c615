import { asc } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import type { Role } from '../access/roles.js';

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  status: 'invited' | 'active' | 'disabled';
  nominatedBy: 'staff_representatives' | 'employer' | 'independent' | null;
  hasKeys: boolean;
}

export async function listUsers(s: Pick<Services, 'db'>, actor: Actor | null): Promise<UserSummary[]> {
  authorize(actor, 'users.manage');
  return unsafeListUsers(s, actor.organisationId);
}

/** One organisation's accounts, without authorization: for the command line, which runs with the operator's own access. */
export async function unsafeListUsers(s: Pick<Services, 'db'>, organisationId: string): Promise<UserSummary[]> {
  const rows = await s.db
    .select({ id: users.id, email: users.email, displayName: users.displayName, roles: users.roles, status: users.status, nominatedBy: users.nominatedBy, publicKey: users.publicKey })
    .from(users)
    .where(inOrg(organisationId, users))
    .orderBy(asc(users.displayName));
  return rows.map(({ publicKey, roles, ...row }) => ({ ...row, roles: roles as Role[], hasKeys: publicKey !== null }));
}

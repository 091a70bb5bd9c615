import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { endOtherSessions } from '../sessions/end-session.js';
import { AppError } from '../errors.js';
import { validate } from '../validate.js';
import { setRolesSchema } from './schemas.js';
import { requireId } from '../ids.js';
import { mailNotices } from '../admission/announce.js';
import { recordAccountChange } from '../admission/record-change.js';

export async function setUserRoles(s: Services, actor: Actor | null, userId: string, input: unknown): Promise<void> {
  authorize(actor, 'users.manage');
  requireId(userId);
  const { roles, nominatedBy } = validate(setRolesSchema, input);
  // Keeps at least one way to manage the installation: nobody removes their own administrator role.
  if (userId === actor.userId && !roles.includes('administrator')) throw new AppError('validation', [{ field: 'roles', message: 'errors.roles.keepOwnAdmin' }]);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.displayName, roles: users.roles, nominatedBy: users.nominatedBy }).from(users).where(inOrg(actor.organisationId, users, eq(users.id, userId))).for('update');
    if (!before) throw new AppError('not_found');
    const side = nominatedBy === 'none' ? null : nominatedBy;
    await tx.update(users).set({ roles: [...roles], nominatedBy: side }).where(inOrg(actor.organisationId, users, eq(users.id, userId)));
    const describe = (r: readonly string[], n: string | null) => [...r].sort().join(',') + (n ? ` (${n})` : '');
    if (describe(before.roles, before.nominatedBy) !== describe(roles, side)) {
      told = await recordAccountChange({ ...s, db: tx }, actor.organisationId, actor.userId, { id: userId, displayName: before.name, rolesBefore: before.roles, rolesAfter: roles }, 'roles', describe(before.roles, before.nominatedBy), describe(roles, side));
    }
  });
  await mailNotices(s, told);
}

/** Disabling signs the person out everywhere; their sealed keys stay so that re-enabling works. */
export async function setUserDisabled(s: Services, actor: Actor | null, userId: string, disabled: boolean): Promise<void> {
  authorize(actor, 'users.manage');
  requireId(userId);
  if (userId === actor.userId) throw new AppError('validation', [{ field: 'form', message: 'errors.users.notSelf' }]);
  let told: string[] = [];
  await s.db.transaction(async (tx) => {
    const [user] = await tx.select({ status: users.status, publicKey: users.publicKey, name: users.displayName, roles: users.roles }).from(users).where(inOrg(actor.organisationId, users, eq(users.id, userId))).for('update');
    if (!user) throw new AppError('not_found');
    const status = disabled ? 'disabled' : user.publicKey ? 'active' : 'invited';
    await tx.update(users).set({ status }).where(inOrg(actor.organisationId, users, eq(users.id, userId)));
    if (disabled) await endOtherSessions({ db: tx }, userId);
    if (status !== user.status) {
      told = await recordAccountChange({ ...s, db: tx }, actor.organisationId, actor.userId, { id: userId, displayName: user.name, rolesBefore: user.roles, rolesAfter: user.roles }, 'status', user.status, status);
    }
  });
  await mailNotices(s, told);
}

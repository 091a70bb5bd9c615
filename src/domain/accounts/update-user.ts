import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { endOtherSessions } from '../sessions/end-session.js';
import { AppError } from '../errors.js';
import { validate } from '../validate.js';
import { setRolesSchema } from './schemas.js';
import { requireId } from '../ids.js';

export async function setUserRoles(s: Pick<Services, 'db'>, actor: Actor | null, userId: string, input: unknown): Promise<void> {
  authorize(actor, 'users.manage');
  requireId(userId);
  const { roles, nominatedBy } = validate(setRolesSchema, input);
  // Keeps at least one way to manage the installation: nobody removes their own administrator role.
  if (userId === actor.userId && !roles.includes('administrator')) throw new AppError('validation', [{ field: 'roles', message: 'errors.roles.keepOwnAdmin' }]);
  const updated = await s.db.update(users).set({ roles: [...roles], nominatedBy: nominatedBy === 'none' ? null : nominatedBy }).where(eq(users.id, userId)).returning({ id: users.id });
  if (updated.length !== 1) throw new AppError('not_found');
}

/** Disabling signs the person out everywhere; their sealed keys stay so that re-enabling works. */
export async function setUserDisabled(s: Pick<Services, 'db'>, actor: Actor | null, userId: string, disabled: boolean): Promise<void> {
  authorize(actor, 'users.manage');
  requireId(userId);
  if (userId === actor.userId) throw new AppError('validation', [{ field: 'form', message: 'errors.users.notSelf' }]);
  await s.db.transaction(async (tx) => {
    const [user] = await tx.select({ status: users.status, publicKey: users.publicKey }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError('not_found');
    const status = disabled ? 'disabled' : user.publicKey ? 'active' : 'invited';
    await tx.update(users).set({ status }).where(eq(users.id, userId));
    if (disabled) await endOtherSessions({ db: tx }, userId);
  });
}

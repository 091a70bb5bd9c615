import type { Context } from 'hono';
import { authorize, type Action } from '../../domain/access/authorize.js';
import type { StaffSession } from '../../domain/sessions/resolve-session.js';
import type { AppEnv } from '../env.js';

/** The signed-in staff member, authorized for the action; throws unauthenticated or forbidden. */
export function requireStaff(c: Context<AppEnv>, action: Action): StaffSession {
  const session = c.get('session');
  authorize(session, action);
  return session as StaffSession;
}

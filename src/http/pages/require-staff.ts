import type { Context } from 'hono';
import { authorize, type Action } from '../../domain/access/authorize.js';
import { AppError } from '../../domain/errors.js';
import type { StaffSession } from '../../domain/sessions/resolve-session.js';
import type { AppEnv } from '../env.js';

export type OrganisationStaff = StaffSession & { organisationId: string };

/** The signed-in staff member of the request's organisation, authorized for the action; throws unauthenticated or forbidden. */
export function requireStaff(c: Context<AppEnv>, action: Action): OrganisationStaff {
  const session = c.get('session');
  // The platform operator has no organisation and so no staff powers anywhere.
  if (session && session.organisationId === null) throw new AppError('forbidden');
  authorize(session as OrganisationStaff | null, action);
  return session as OrganisationStaff;
}

/** The signed-in platform operator (an account of no organisation); throws unauthenticated or forbidden. */
export function requireOperator(c: Context<AppEnv>): StaffSession & { organisationId: null } {
  const session = c.get('session');
  if (!session) throw new AppError('unauthenticated');
  if (session.organisationId !== null) throw new AppError('forbidden');
  return session as StaffSession & { organisationId: null };
}

import { AppError } from '../errors.js';

/** An account of no organisation: the independent host, who sets up organisations and reads nothing. */
export interface PlatformOperator {
  userId: string;
  organisationId: null;
}

/** Throws unless the actor is the platform operator; call before touching any data. */
export function requirePlatformOperator(actor: { userId: string; organisationId: string | null } | null): asserts actor is PlatformOperator {
  if (!actor) throw new AppError('unauthenticated');
  if (actor.organisationId !== null) throw new AppError('forbidden');
}

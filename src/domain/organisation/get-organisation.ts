import { asc } from 'drizzle-orm';
import { organisations } from '../../db/schema.js';
import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { inOrg, unsafeAnyOrg } from '../../db/scoped.js';

export type Organisation = typeof organisations.$inferSelect;

/**
 * The installation's first organisation, or null before setup: the one its plain addresses (those
 * without /o/<slug>) are for, so an installation upgraded in place keeps its old addresses. Only the
 * organisation middleware and the operator's commands ask for it; everything else acts on the
 * organisation of its request or actor.
 */
export async function firstOrganisation(s: { db: Db | Tx }): Promise<Organisation | null> {
  const rows = await s.db.select().from(organisations).where(unsafeAnyOrg('which organisation the plain addresses are for')).orderBy(asc(organisations.createdAt), asc(organisations.id)).limit(1);
  return rows[0] ?? null;
}

/** The organisation with this id; not_found when there is none. */
export async function getOrganisation(s: { db: Db | Tx }, organisationId: string): Promise<Organisation> {
  const [row] = await s.db.select().from(organisations).where(inOrg(organisationId, organisations)).limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

/** The organisation's time zone, for its local dates and deadlines. */
export async function timeZoneOf(s: { db: Db | Tx }, organisationId: string): Promise<string> {
  const [row] = await s.db.select({ timeZone: organisations.timeZone }).from(organisations).where(inOrg(organisationId, organisations)).limit(1);
  return row?.timeZone ?? 'Europe/Amsterdam';
}

/** Every organisation, oldest first (jobs and the operator's list). */
export async function listOrganisations(s: Pick<Services, 'db'>): Promise<Organisation[]> {
  return s.db.select().from(organisations).where(unsafeAnyOrg('the jobs and the operator go through every organisation')).orderBy(asc(organisations.createdAt), asc(organisations.id));
}

import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { Organisation } from './get-organisation.js';
import { unsafeAnyOrg } from '../../db/scoped.js';

/** The organisation with this public address (/o/<slug>/…), or null. */
export async function findOrganisationBySlug(s: Pick<Services, 'db'>, slug: string): Promise<Organisation | null> {
  const [row] = await s.db.select().from(organisations).where(unsafeAnyOrg('resolving the organisation a request is for', eq(organisations.slug, slug))).limit(1);
  return row ?? null;
}

/** The organisation that has this host name of its own, or null. */
export async function findOrganisationByHost(s: Pick<Services, 'db'>, hostName: string): Promise<Organisation | null> {
  const [row] = await s.db.select().from(organisations).where(unsafeAnyOrg('resolving the organisation a request is for', eq(organisations.hostName, hostName))).limit(1);
  return row ?? null;
}

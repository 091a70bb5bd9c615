import { asc, count } from 'drizzle-orm';
import { cases, organisations, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { unsafeAnyOrg } from '../../db/scoped.js';

export interface OrganisationOverview {
  id: string;
  slug: string;
  name: string;
  listed: boolean;
  hostName: string | null;
  accounts: number;
  cases: number;
}

/**
 * What the platform may know of each organisation: its name, address and content-free counts.
 * No authorization here on purpose: the command line and the platform operator's use-case call it.
 */
export async function unsafeOrganisationOverview(s: Pick<Services, 'db'>): Promise<OrganisationOverview[]> {
  const rows = await s.db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name, listed: organisations.listed, hostName: organisations.hostName }).from(organisations).where(unsafeAnyOrg('the platform operator lists every organisation, content-free')).orderBy(asc(organisations.createdAt));
  const accountCounts = new Map((await s.db.select({ id: users.organisationId, n: count() }).from(users).where(unsafeAnyOrg('counts per organisation for the operator')).groupBy(users.organisationId)).map((r) => [r.id, r.n]));
  const caseCounts = new Map((await s.db.select({ id: cases.organisationId, n: count() }).from(cases).where(unsafeAnyOrg('counts per organisation for the operator')).groupBy(cases.organisationId)).map((r) => [r.id, r.n]));
  return rows.map((row) => ({ ...row, accounts: accountCounts.get(row.id) ?? 0, cases: caseCounts.get(row.id) ?? 0 }));
}

import { asc } from 'drizzle-orm';
import { organisations } from '../../db/schema.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { Organisation } from './get-organisation.js';

/** Every organisation on the installation, as the request routing looks them up. */
export interface OrganisationDirectory {
  /** Oldest first. */
  all: readonly Organisation[];
  /** The one the plain addresses (without /o/<slug>) are for: the oldest. */
  first: Organisation | null;
  bySlug: ReadonlyMap<string, Organisation>;
  byHost: ReadonlyMap<string, Organisation>;
}

/**
 * The organisations, read once and kept in the public cache until one of them changes (every request
 * resolves its organisation through this). The rows are frozen: a handler cannot change what the
 * next request sees.
 */
export async function organisationDirectory(s: Pick<Services, 'db' | 'publicCache'>): Promise<OrganisationDirectory> {
  return s.publicCache.get('organisations', async () => {
    const rows = await s.db
      .select()
      .from(organisations)
      .where(unsafeAnyOrg('resolving the organisation a request is for'))
      .orderBy(asc(organisations.createdAt), asc(organisations.id));
    const all = rows.map((row) => Object.freeze({ ...row, languages: Object.freeze([...row.languages]) as string[], theme: Object.freeze({ ...row.theme }) }));
    return {
      all,
      first: all[0] ?? null,
      bySlug: new Map(all.map((o) => [o.slug, o])),
      byHost: new Map(all.filter((o) => o.hostName).map((o) => [o.hostName!, o])),
    };
  });
}

/** The directory if it is kept in memory now, without waiting (the common case of every request); else undefined. */
export function keptOrganisationDirectory(s: Pick<Services, 'publicCache'>): OrganisationDirectory | undefined {
  return s.publicCache.peek<OrganisationDirectory>('organisations');
}

import { asc } from 'drizzle-orm';
import { organisations } from '../../db/schema.js';
import type { Services } from '../../services.js';

export type Organisation = typeof organisations.$inferSelect;

/** The organisation that runs this installation, or null before setup. */
export async function getOrganisation(s: Pick<Services, 'db'>): Promise<Organisation | null> {
  const rows = await s.db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  return rows[0] ?? null;
}

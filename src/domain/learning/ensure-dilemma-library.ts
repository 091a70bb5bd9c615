import { isNotNull } from 'drizzle-orm';
import { dilemmas } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { seedDilemmas } from './seed-dilemmas.js';

/**
 * Every organisation starts with the seed library, published; a seed the panel withdrew or edited
 * stays as the panel left it, and a seed added in a later version arrives once, as a draft for the
 * panel to review.
 */
export async function ensureDilemmaLibrary(s: Pick<Services, 'db' | 'now'>, organisationId: string): Promise<void> {
  const have = await s.db.select({ key: dilemmas.seedKey }).from(dilemmas).where(inOrg(organisationId, dilemmas, isNotNull(dilemmas.seedKey)));
  const known = new Set(have.map((row) => row.key));
  const missing = seedDilemmas.filter((seed) => !known.has(seed.key));
  if (missing.length === 0) return;
  const now = s.now();
  const first = known.size === 0;
  // Once per organisation and seed: a handful of rows, the first time anyone opens the library.
  // Published a millisecond apart, so the library lists them in the seed's order everywhere.
  await s.db.transaction(async (tx) => {
    for (const [i, seed] of missing.entries()) {
      await tx
        .insert(dilemmas)
        .values({ organisationId, seedKey: seed.key, source: 'seed', content: seed.content, choices: seed.content.options.map(() => 0), status: first ? 'published' : 'draft', updatedAt: now, publishedAt: first ? new Date(now.getTime() + i) : null })
        .onConflictDoNothing();
    }
  });
}

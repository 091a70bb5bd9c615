import { and, eq } from 'drizzle-orm';
import { dilemmas, organisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';

/** A published dilemma of the organisation, with the minimum number of choices before any is shown. */
export async function publishedDilemma(s: Pick<Services, 'db'>, organisationId: string, id: string) {
  const [row] = await s.db
    .select({ id: dilemmas.id, content: dilemmas.content, shownChoices: dilemmas.shownChoices, minimum: organisations.dilemmaMinCount })
    .from(dilemmas)
    .innerJoin(organisations, eq(organisations.id, dilemmas.organisationId))
    .where(inOrg(organisationId, dilemmas, and(eq(dilemmas.id, requireId(id)), eq(dilemmas.status, 'published'))));
  if (!row) throw new AppError('not_found');
  return row;
}

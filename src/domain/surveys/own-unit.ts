import { eq, isNull, sql } from 'drizzle-orm';
import { hasDatabaseCode } from '../../db/database-errors.js';
import { surveyOrganisations, surveyWaveOrganisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { getOrganisation } from '../organisation/get-organisation.js';

/**
 * The survey unit that is the organisation itself, made when its analyst first opens the monitor:
 * its results then sit beside the organisation's case figures (the figures page). Named after
 * the organisation, in its sector (or "other" until the administrator chooses one). A unit of the
 * same name made earlier becomes that unit. Later changes of name or sector do not move it: the
 * results of waves already held must not change under their readers.
 */
export async function ensureOwnSurveyUnit(s: Pick<Services, 'db'>, organisationId: string): Promise<void> {
  const organisation = await getOrganisation(s, organisationId);
  const [own] = await s.db
    .select({ id: surveyOrganisations.id, sector: surveyOrganisations.sector })
    .from(surveyOrganisations)
    .where(inOrg(organisationId, surveyOrganisations, eq(surveyOrganisations.organisationId, organisationId)));
  if (own) {
    // The sector the administrator chose later still counts, as long as no wave has used the unit.
    if (organisation.sector && organisation.sector !== own.sector) {
      await s.db
        .update(surveyOrganisations)
        .set({ sector: organisation.sector })
        .where(inOrg(organisationId, surveyOrganisations, eq(surveyOrganisations.id, own.id), sql`not exists (select 1 from ${surveyWaveOrganisations} where ${surveyWaveOrganisations.organisationId} = ${own.id})`));
    }
    return;
  }
  const inserted = await s.db
    .insert(surveyOrganisations)
    .values({ ownerId: organisationId, name: organisation.name, sector: organisation.sector ?? 'other', organisationId })
    .onConflictDoNothing()
    .returning({ id: surveyOrganisations.id });
  if (inserted.length > 0) return;
  // A unit with the organisation's name exists: it becomes the own one (unless another request just made one).
  try {
    await s.db
      .update(surveyOrganisations)
      .set({ organisationId })
      .where(inOrg(organisationId, surveyOrganisations, sql`lower(btrim(${surveyOrganisations.name})) = lower(btrim(${organisation.name}))`, isNull(surveyOrganisations.organisationId)));
  } catch (error) {
    if (!hasDatabaseCode(error, ['23505'])) throw error;
  }
}

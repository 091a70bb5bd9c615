import { and, desc, eq } from 'drizzle-orm';
import { surveyOrganisations, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { computeResults, groupId, loadAnswers, publishedResponses, share, type Figure } from '../surveys/results.js';
import type { SurveyQuestion } from '../surveys/questions.js';
import { getWave } from '../surveys/waves.js';

/** A statement's share of agreement in the organisation's own group; null when hidden or empty. */
export interface HeadlineStatement {
  code: string;
  label: SurveyQuestion['label'];
  agree: number | null;
  hidden: boolean;
}

export interface MonitorHeadline {
  waveId: string;
  waveName: string;
  /** Responses of the organisation as its results page shows them; null where that page hides them. */
  responses: number | null;
  statements: HeadlineStatement[];
}

/**
 * The organisation's own monitor results of its latest closed wave, beside its case figures: the
 * survey unit that is the organisation itself, and exactly the figures its results page publishes
 * (same suppression, same k), so nothing is shown here that the monitor did not already show.
 * Null when the organisation has no unit of its own or took part in no closed wave.
 */
export async function monitorHeadline(s: Pick<Services, 'db' | 'config'>, organisationId: string): Promise<MonitorHeadline | null> {
  const [unit] = await s.db
    .select({ id: surveyOrganisations.id })
    .from(surveyOrganisations)
    .where(inOrg(organisationId, surveyOrganisations, eq(surveyOrganisations.organisationId, organisationId)));
  if (!unit) return null;
  const [latest] = await s.db
    .select({ id: surveyWaves.id })
    .from(surveyWaves)
    .innerJoin(surveyWaveOrganisations, and(eq(surveyWaveOrganisations.waveId, surveyWaves.id), eq(surveyWaveOrganisations.organisationId, unit.id)))
    .where(inOrg(organisationId, surveyWaves, eq(surveyWaves.status, 'closed')))
    .orderBy(desc(surveyWaves.createdAt), desc(surveyWaves.id))
    .limit(1);
  if (!latest) return null;
  const wave = await getWave(s, organisationId, latest.id);
  const results = computeResults(wave, await loadAnswers(s, wave.id), s.config.surveyMinGroup);
  const mine = wave.organisations.find((o) => o.id === unit.id)!;
  return {
    waveId: wave.id,
    waveName: wave.name,
    responses: publishedResponses(results, mine),
    statements: results.statements.map((st) => {
      const figure: Figure | undefined = st.figures.get(groupId.org(unit.id));
      return { code: st.code, label: st.label, agree: share(figure, 'agree'), hidden: figure?.kind === 'hidden' };
    }),
  };
}

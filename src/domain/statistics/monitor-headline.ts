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

/** One of SOURCE, MEANS, AIMS: the options the organisation's pressured named most, as its results page shows them. */
export interface HeadlinePressureDetail {
  code: string;
  label: SurveyQuestion['label'];
  /** The options with the largest shares among the pressured, largest first (at most HEADLINE_TOP); shares the page hides are left out. */
  top: Array<{ code: string; label: SurveyQuestion['label']; share: number }>;
  /** Some option's share is hidden for the organisation (then `top` may miss one). */
  hidden: boolean;
}

export interface MonitorHeadline {
  waveId: string;
  waveName: string;
  /** Responses of the organisation as its results page shows them; null where that page hides them. */
  responses: number | null;
  statements: HeadlineStatement[];
  /** The share pressured in the last 12 months, as the results page publishes it; null when hidden, empty or not asked. */
  pressured: number | null;
  /** The pressured share is hidden by suppression (not merely empty or not asked). */
  pressuredHidden: boolean;
  /** Among the pressured: who, how and to what end; empty when the wave did not ask. */
  pressureDetails: HeadlinePressureDetail[];
}

/** How many options per question the headline names. */
export const HEADLINE_TOP = 3;

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
  const own = groupId.org(unit.id);
  const pressured = results.pressure?.share.figures.get(own);
  return {
    waveId: wave.id,
    waveName: wave.name,
    responses: publishedResponses(results, mine),
    statements: results.statements.map((st) => {
      const figure: Figure | undefined = st.figures.get(own);
      return { code: st.code, label: st.label, agree: share(figure, 'agree'), hidden: figure?.kind === 'hidden' };
    }),
    pressured: share(pressured, 'agree'),
    pressuredHidden: pressured?.kind === 'hidden',
    pressureDetails: (results.pressure?.details ?? []).map((detail) => {
      const shown = detail.options
        .map((option) => ({ code: option.code, label: option.label, share: share(option.figures.get(own), 'agree') }))
        .filter((option): option is { code: string; label: SurveyQuestion['label']; share: number } => option.share !== null && option.share > 0)
        // Largest first; equal shares in the questionnaire's order.
        .sort((a, b) => b.share - a.share);
      return { code: detail.code, label: detail.label, top: shown.slice(0, HEADLINE_TOP), hidden: detail.options.some((option) => option.figures.get(own)?.kind === 'hidden') };
    }),
  };
}

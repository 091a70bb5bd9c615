import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { surveyOrganisations, surveyResponses, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import { inOrg, unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError, fieldError } from '../errors.js';
import { requireId } from '../ids.js';
import { validate } from '../validate.js';
import { learningQuestions, sectors, standardQuestions, surveyQuestionsSchema, type SurveyQuestion } from './questions.js';
import { ensureOwnSurveyUnit } from './own-unit.js';

export const organisationSchema = z.object({
  name: z.string().trim().min(2, { error: 'errors.field.required' }).max(200, { error: 'errors.field.tooLong' }),
  sector: z.enum(sectors, { error: 'errors.choice.required' }),
});

export async function addSurveyOrganisation(s: Pick<Services, 'db'>, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'surveys.manage');
  const form = validate(organisationSchema, input);
  const inserted = await s.db.insert(surveyOrganisations).values({ ...form, ownerId: actor.organisationId }).onConflictDoNothing().returning({ id: surveyOrganisations.id });
  if (inserted.length === 0) throw fieldError('name', 'errors.survey.orgExists');
}

/** The survey units of the analyst's own organisation, the organisation itself among them. */
export async function listSurveyOrganisations(s: Pick<Services, 'db'>, ownerId: string) {
  await ensureOwnSurveyUnit(s, ownerId);
  return s.db.select().from(surveyOrganisations).where(inOrg(ownerId, surveyOrganisations)).orderBy(asc(surveyOrganisations.name));
}

// Extra statements on the same five-point scale, one per line in each language; codes E1, E2, ...
export const waveSchema = z.object({
  name: z.string().trim().min(2, { error: 'errors.field.required' }).max(200, { error: 'errors.field.tooLong' }),
  organisationIds: z.array(z.uuid()).min(1, { error: 'errors.survey.organisationsRequired' }).max(500),
  extraNl: z.string().trim().max(10_000, { error: 'errors.field.tooLong' }),
  extraEn: z.string().trim().max(10_000, { error: 'errors.field.tooLong' }),
  /** Ask whether the team held a dilemma session or a good conversation in the past 12 months. */
  askLearning: z.boolean().default(false),
});

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const MAX_EXTRA = 40;

export async function createWave(s: Pick<Services, 'db'>, actor: Actor | null, input: unknown): Promise<string> {
  authorize(actor, 'surveys.manage');
  const form = validate(waveSchema, input);
  const nl = lines(form.extraNl);
  const en = lines(form.extraEn);
  if (nl.length !== en.length) throw fieldError(nl.length < en.length ? 'extraNl' : 'extraEn', 'errors.survey.extraBothLanguages');
  if (nl.length > MAX_EXTRA || nl.some((l) => l.length > 500) || en.some((l) => l.length > 500)) throw fieldError('extraNl', 'errors.survey.extraTooMany');
  const questions: SurveyQuestion[] = [...standardQuestions, ...(form.askLearning ? learningQuestions : []), ...nl.map((text, i): SurveyQuestion => ({ code: `E${i + 1}`, type: 'agree5', section: 'extra', label: { nl: text, en: en[i]! } }))];
  const known = await s.db
    .select({ id: surveyOrganisations.id })
    .from(surveyOrganisations)
    .where(inOrg(actor.organisationId, surveyOrganisations, inArray(surveyOrganisations.id, form.organisationIds)));
  if (known.length !== new Set(form.organisationIds).size) throw fieldError('organisationIds', 'errors.survey.organisationsRequired');
  return s.db.transaction(async (tx) => {
    const [wave] = await tx.insert(surveyWaves).values({ ownerId: actor.organisationId, name: form.name, questions: surveyQuestionsSchema.parse(questions) }).returning({ id: surveyWaves.id });
    await tx.insert(surveyWaveOrganisations).values(form.organisationIds.map((organisationId) => ({ waveId: wave!.id, organisationId })));
    return wave!.id;
  });
}

/** A wave as respondents, imports and the results need it: questions and who takes part. */
export interface WaveDefinition {
  id: string;
  name: string;
  status: 'open' | 'closed';
  createdAt: Date;
  questions: SurveyQuestion[];
  hasOpenLink: boolean;
  organisations: Array<{ id: string; name: string; sector: string }>;
}

/** The analyst's view adds participation: codes issued and responses per organisation. */
export interface WaveSummary extends WaveDefinition {
  organisations: Array<{ id: string; name: string; sector: string; invited: number; responses: number }>;
}

/**
 * Cheap: no counting. This is what every respondent page loads (without an owner: the respondent's
 * code or link decided the wave); the analyst's pages name their own organisation as the owner, and
 * another organisation's wave is not found.
 */
export async function getWaveDefinition(s: Pick<Services, 'db'>, waveId: string, ownerId?: string): Promise<WaveDefinition> {
  requireId(waveId);
  const [wave] = await s.db
    .select()
    .from(surveyWaves)
    .where(
      ownerId === undefined
        ? unsafeAnyOrg('an anonymous respondent: the code or link alone decided the wave, of whichever organisation', eq(surveyWaves.id, waveId))
        : inOrg(ownerId, surveyWaves, eq(surveyWaves.id, waveId)),
    );
  if (!wave) throw new AppError('not_found');
  const organisations = await s.db
    .select({ id: surveyOrganisations.id, name: surveyOrganisations.name, sector: surveyOrganisations.sector })
    .from(surveyWaveOrganisations)
    .innerJoin(surveyOrganisations, eq(surveyOrganisations.id, surveyWaveOrganisations.organisationId))
    // The wave's units are its owner's (createWave takes only those).
    .where(inOrg(wave.ownerId, surveyOrganisations, eq(surveyWaveOrganisations.waveId, waveId)))
    .orderBy(asc(surveyOrganisations.name));
  return { id: wave.id, name: wave.name, status: wave.status, createdAt: wave.createdAt, questions: wave.questions as SurveyQuestion[], hasOpenLink: !!wave.openLinkHash, organisations };
}

/** One of the analyst's own organisation's waves, with participation. */
export async function getWave(s: Pick<Services, 'db'>, ownerId: string, waveId: string): Promise<WaveSummary> {
  const wave = await getWaveDefinition(s, waveId, ownerId);
  const counts = await s.db
    .select({ organisationId: surveyWaveOrganisations.organisationId, invited: surveyWaveOrganisations.invited, responses: sql<number>`count(${surveyResponses.id})::int` })
    .from(surveyWaveOrganisations)
    .leftJoin(surveyResponses, and(eq(surveyResponses.waveId, surveyWaveOrganisations.waveId), eq(surveyResponses.organisationId, surveyWaveOrganisations.organisationId)))
    .where(eq(surveyWaveOrganisations.waveId, waveId))
    .groupBy(surveyWaveOrganisations.organisationId, surveyWaveOrganisations.invited);
  const byOrg = new Map(counts.map((c) => [c.organisationId, c]));
  return { ...wave, organisations: wave.organisations.map((o) => ({ ...o, invited: byOrg.get(o.id)?.invited ?? 0, responses: byOrg.get(o.id)?.responses ?? 0 })) };
}

export async function listWaves(s: Pick<Services, 'db'>, ownerId: string) {
  return s.db
    .select({ id: surveyWaves.id, name: surveyWaves.name, status: surveyWaves.status, createdAt: surveyWaves.createdAt })
    .from(surveyWaves)
    .where(inOrg(ownerId, surveyWaves))
    .orderBy(asc(surveyWaves.createdAt));
}

export async function closeWave(s: Pick<Services, 'db'>, actor: Actor | null, waveId: string): Promise<void> {
  authorize(actor, 'surveys.manage');
  requireId(waveId);
  await getWaveDefinition(s, waveId, actor.organisationId);
  await s.db.update(surveyWaves).set({ status: 'closed' }).where(inOrg(actor.organisationId, surveyWaves, eq(surveyWaves.id, waveId), eq(surveyWaves.status, 'open')));
}

import { asc, eq, sql } from 'drizzle-orm';
import { surveyResponses, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { SurveyQuestion } from './questions.js';
import { questionIndex } from './questions.js';
import { suppressCells, type AdditiveTable } from './suppression.js';
import { getWaveDefinition, type WaveDefinition } from './waves.js';

export interface Figure {
  n: number;
  agree: number;
  disagree: number;
  /** Hidden because it, or what it would give away by subtraction, rests on fewer than k respondents. */
  suppressed: boolean;
}

export interface StatementResult {
  code: string;
  label: SurveyQuestion['label'];
  figures: Map<string, Figure>;
}

export interface WaveResults {
  statements: StatementResult[];
  /** Subgroup keys in display order, per breakdown. */
  levels: string[];
  k: number;
}

// Group ids: 'all', 'sector:<code>', 'org:<id>', 'others:<id>', 'org:<id>:level:<code|none>',
// 'org:<id>:pressure:<yes|no|none>', 'all:pressure:<yes|no|none>'.
export const groupId = {
  all: 'all',
  sector: (code: string) => `sector:${code}`,
  org: (id: string) => `org:${id}`,
  others: (id: string) => `others:${id}`,
  level: (id: string, level: string) => `org:${id}:level:${level}`,
  pressure: (id: string, answer: string) => `org:${id}:pressure:${answer}`,
  allPressure: (answer: string) => `all:pressure:${answer}`,
};
const pressureKeys = ['yes', 'no', 'none'] as const;

/**
 * Every answer of a wave, read once; counting happens in memory. The database hands them over as
 * one text per organisation: parsing 121,000 integer arrays one by one costs three times as long.
 */
export async function loadAnswers(s: Pick<Services, 'db'>, waveId: string): Promise<Array<{ organisationId: string; answers: Array<number | null> }>> {
  const result = await s.db.execute(
    sql`select ${surveyResponses.organisationId} as organisation_id, string_agg(array_to_string(${surveyResponses.answers}, ',', ''), ';') as answers
        from ${surveyResponses} where ${surveyResponses.waveId} = ${waveId} group by ${surveyResponses.organisationId}`,
  );
  const rows = ((result as { rows?: unknown[] }).rows ?? result) as Array<{ organisation_id: string; answers: string }>;
  const out: Array<{ organisationId: string; answers: Array<number | null> }> = [];
  for (const row of rows) {
    for (const response of row.answers.split(';')) out.push({ organisationId: row.organisation_id, answers: response.split(',').map((v) => (v === '' ? null : Number(v))) });
  }
  return out;
}

/**
 * Shares agreeing (4-5) and disagreeing (1-2) with n, for every organisation, its sector, all
 * other organisations together, each job level and the pressure yes/no groups, with small
 * numbers suppressed together with their complementary cells.
 */
export function computeResults(wave: WaveDefinition, rows: ReadonlyArray<{ organisationId: string; answers: ReadonlyArray<number | null> }>, k: number): WaveResults {
  const statements = wave.questions.map((q, index) => ({ q, index })).filter(({ q }) => q.type === 'agree5');
  const levelQuestion = questionIndex(wave.questions, 'LEVEL');
  const pressureQuestion = questionIndex(wave.questions, 'PRESSURE');
  const levelCodes = [...(wave.questions[levelQuestion]?.options ?? []).map((o) => o.code), 'none'];
  const orgIndex = new Map(wave.organisations.map((o, i) => [o.id, i]));
  const O = wave.organisations.length;
  const L = levelCodes.length;
  const S = statements.length;
  // counts[org][level][pressure][statement][value 1..5]
  const stride = { org: L * 3 * S * 5, level: 3 * S * 5, pressure: S * 5, statement: 5 };
  const counts = new Int32Array(O * stride.org);
  for (const row of rows) {
    const o = orgIndex.get(row.organisationId);
    if (o === undefined) continue;
    const levelAnswer = levelQuestion >= 0 ? row.answers[levelQuestion] : null;
    const l = levelAnswer ? levelAnswer - 1 : L - 1;
    const pressureAnswer = pressureQuestion >= 0 ? row.answers[pressureQuestion] : null;
    const p = pressureAnswer === 1 ? 0 : pressureAnswer === 2 ? 1 : 2;
    const base = o * stride.org + l * stride.level + p * stride.pressure;
    for (let si = 0; si < S; si++) {
      const v = row.answers[statements[si]!.index];
      if (v && v >= 1 && v <= 5) counts[base + si * stride.statement + v - 1]! += 1;
    }
  }

  const sum = (si: number, orgs: number[], levels: number[], pressures: number[]) => {
    const values = [0, 0, 0, 0, 0];
    for (const o of orgs) for (const l of levels) for (const p of pressures) {
      const base = o * stride.org + l * stride.level + p * stride.pressure + si * stride.statement;
      for (let v = 0; v < 5; v++) values[v]! += counts[base + v]!;
    }
    return values;
  };
  const allOrgs = [...Array(O).keys()];
  const allLevels = [...Array(L).keys()];
  const allPressures = [0, 1, 2];
  const sectorsPresent = [...new Set(wave.organisations.map((o) => o.sector))];

  const tables = additiveTables(wave, levelCodes);

  const results = statements.map(({ q }, si) => {
    const raw = new Map<string, number[]>();
    raw.set(groupId.all, sum(si, allOrgs, allLevels, allPressures));
    for (const sector of sectorsPresent) raw.set(groupId.sector(sector), sum(si, allOrgs.filter((o) => wave.organisations[o]!.sector === sector), allLevels, allPressures));
    wave.organisations.forEach((org, o) => {
      raw.set(groupId.org(org.id), sum(si, [o], allLevels, allPressures));
      const everyone = raw.get(groupId.all)!;
      const own = raw.get(groupId.org(org.id))!;
      raw.set(groupId.others(org.id), everyone.map((v, i) => v - own[i]!));
      levelCodes.forEach((level, l) => raw.set(groupId.level(org.id, level), sum(si, [o], [l], allPressures)));
      pressureKeys.forEach((p, pi) => raw.set(groupId.pressure(org.id, p), sum(si, [o], allLevels, [pi])));
    });
    pressureKeys.forEach((p, pi) => raw.set(groupId.allPressure(p), sum(si, allOrgs, allLevels, [pi])));
    const n = new Map([...raw].map(([id, v]) => [id, v.reduce((a, b) => a + b, 0)]));
    const hidden = suppressCells(n, tables, k);
    const figures = new Map<string, Figure>();
    for (const [id, v] of raw) figures.set(id, { n: n.get(id)!, agree: v[3]! + v[4]!, disagree: v[0]! + v[1]!, suppressed: hidden.has(id) });
    return { code: q.code, label: q.label, figures };
  });
  return { statements: results, levels: levelCodes, k };
}

/**
 * Every sum an attacker could subtract with: everyone by sector, each sector by organisation,
 * everyone as one organisation plus "all others", "all others" by organisation, each
 * organisation by job level and by pressure answer, and the pressure groups by organisation.
 */
export function additiveTables(wave: Pick<WaveDefinition, 'organisations'>, levelCodes: readonly string[]): AdditiveTable[] {
  const sectorsPresent = [...new Set(wave.organisations.map((o) => o.sector))];
  const tables: AdditiveTable[] = [{ total: groupId.all, parts: sectorsPresent.map(groupId.sector), preferTotal: true }];
  for (const sector of sectorsPresent) tables.push({ total: groupId.sector(sector), parts: wave.organisations.filter((o) => o.sector === sector).map((o) => groupId.org(o.id)), preferTotal: true });
  for (const org of wave.organisations) {
    tables.push({ total: groupId.all, parts: [groupId.org(org.id), groupId.others(org.id)], preferTotal: true });
    tables.push({ total: groupId.others(org.id), parts: wave.organisations.filter((o) => o.id !== org.id).map((o) => groupId.org(o.id)), preferTotal: true });
    tables.push({ total: groupId.org(org.id), parts: levelCodes.map((l) => groupId.level(org.id, l)) });
    tables.push({ total: groupId.org(org.id), parts: pressureKeys.map((p) => groupId.pressure(org.id, p)) });
  }
  tables.push({ total: groupId.all, parts: pressureKeys.map(groupId.allPressure), preferTotal: true });
  for (const p of pressureKeys) tables.push({ total: groupId.allPressure(p), parts: wave.organisations.map((o) => groupId.pressure(o.id, p)), preferTotal: true });
  return tables;
}

/** A share as a whole percentage, or null when hidden or empty. */
export function share(figure: Figure | undefined, part: 'agree' | 'disagree'): number | null {
  if (!figure || figure.suppressed || figure.n === 0) return null;
  return Math.round((figure[part] / figure.n) * 1000) / 10;
}

export interface TrendPoint {
  waveId: string;
  waveName: string;
  results: WaveResults;
}

/**
 * The same organisation in every wave it took part in, oldest first. The wave already computed
 * for the page is passed in, so its answers are not read twice.
 */
export async function trendsFor(s: Pick<Services, 'db'>, organisationId: string, current: { waveId: string; results: WaveResults }, k: number): Promise<TrendPoint[]> {
  const waves = await s.db
    .select({ id: surveyWaves.id, name: surveyWaves.name })
    .from(surveyWaveOrganisations)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyWaveOrganisations.waveId))
    .where(eq(surveyWaveOrganisations.organisationId, organisationId))
    .orderBy(asc(surveyWaves.createdAt));
  const points: TrendPoint[] = [];
  for (const w of waves) {
    const results = w.id === current.waveId ? current.results : computeResults(await getWaveDefinition(s, w.id), await loadAnswers(s, w.id), k);
    points.push({ waveId: w.id, waveName: w.name, results });
  }
  return points;
}

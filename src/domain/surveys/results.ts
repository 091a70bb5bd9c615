import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { surveyResponses, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { SurveyQuestion } from './questions.js';
import { countsAsStatement, learningQuestions, questionIndex, sectors as sectorOrder } from './questions.js';

const learningCodes = new Set(learningQuestions.map((q) => q.code));
import { suppressCells, type AdditiveTable, type CellCounts } from './suppression.js';
import { getWaveDefinition, type WaveDefinition } from './waves.js';

/**
 * One group's figure as it may leave the domain. A hidden figure is a type without numbers, so no
 * presenter, page or export can show what was suppressed; an empty group (nobody answered) is
 * shown as empty.
 */
export type Figure = { kind: 'shown'; n: number; agree: number; disagree: number } | { kind: 'empty' } | { kind: 'hidden' };

export interface StatementResult {
  code: string;
  label: SurveyQuestion['label'];
  figures: Map<string, Figure>;
}

/**
 * The monitor's headline. `share`: who answered yes to PRESSURE, of those who answered it (agree =
 * yes, disagree = no). `details`: among those who answered yes (n = the pressured), per option of
 * SOURCE, MEANS and AIMS who named it (agree) and who did not (disagree; also who left the question
 * open). Both per organisation, sector (the organisations' or the respondents' own), everyone.
 */
export interface PressureResults {
  share: StatementResult;
  details: Array<{ code: string; label: SurveyQuestion['label']; options: StatementResult[] }>;
}

export interface WaveResults {
  statements: StatementResult[];
  /** Subgroup keys in display order, per breakdown. */
  levels: string[];
  /** The organisations' sectors in this wave, in the standard order. */
  sectors: string[];
  /** The options of SECTOR (the respondent's own sector) when the wave asks it; else empty. */
  sectorAnswers: string[];
  /** Some response answered SECTOR: only then is the respondent's own sector offered as the benchmark. */
  hasSectorAnswers: boolean;
  /** Null when the wave does not ask PRESSURE. */
  pressure: PressureResults | null;
  k: number;
}

type Counted = { code: string; label: SurveyQuestion['label']; cells: Map<string, CellCounts> };

/** True counts per group, before suppression: for the audit and the tests, never for a page. */
export interface WaveCounts {
  statements: Counted[];
  levels: string[];
  sectors: string[];
  sectorAnswers: string[];
  hasSectorAnswers: boolean;
  pressure: { share: Counted; details: Array<{ code: string; label: SurveyQuestion['label']; options: Counted[] }> } | null;
}

// Group ids: 'all', 'sector:<code>', 'org:<id>', 'others:<id>', 'org:<id>:level:<code|none>',
// 'org:<id>:pressure:<yes|no|none>', 'all:pressure:<yes|no|none>', 'answer:<SECTOR option|none>'
// (by the respondent's own answer to SECTOR).
export const groupId = {
  all: 'all',
  sector: (code: string) => `sector:${code}`,
  org: (id: string) => `org:${id}`,
  others: (id: string) => `others:${id}`,
  level: (id: string, level: string) => `org:${id}:level:${level}`,
  pressure: (id: string, answer: string) => `org:${id}:pressure:${answer}`,
  allPressure: (answer: string) => `all:pressure:${answer}`,
  answer: (sector: string) => `answer:${sector}`,
};
const pressureKeys = ['yes', 'no', 'none'] as const;
/** The questions asked only of the pressured whose options the headline reports. */
export const pressureDetailCodes = ['SOURCE', 'MEANS', 'AIMS'] as const;

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
 * The counts agreeing (4-5) and disagreeing (1-2) with n, for everyone, every organisation, its
 * sector, all other organisations together, each job level and each pressure answer, per statement.
 */
export function countCells(wave: Pick<WaveDefinition, 'questions' | 'organisations'>, rows: ReadonlyArray<{ organisationId: string; answers: ReadonlyArray<number | null> }>): WaveCounts {
  const statements = wave.questions.map((q, index) => ({ q, index, yesNo: q.type === 'yesNo' })).filter(({ q }) => countsAsStatement(q));
  const levelQuestion = questionIndex(wave.questions, 'LEVEL');
  const pressureQuestion = questionIndex(wave.questions, 'PRESSURE');
  const sectorQuestion = questionIndex(wave.questions, 'SECTOR');
  const levelCodes = [...(wave.questions[levelQuestion]?.options ?? []).map((o) => o.code), 'none'];
  const sectorAnswers = (wave.questions[sectorQuestion]?.options ?? []).map((o) => o.code);
  const orgIndex = new Map(wave.organisations.map((o, i) => [o.id, i]));
  const O = wave.organisations.length;
  const L = levelCodes.length;
  const S = statements.length;
  // The respondent's own sector: its options, then "not answered" (one bucket without SECTOR).
  const A = sectorAnswers.length + 1;
  // counts[org][level][pressure][statement][value 1..5], and by own sector answer[answer][statement][value].
  const stride = { org: L * 3 * S * 5, level: 3 * S * 5, pressure: S * 5, statement: 5 };
  const counts = new Int32Array(O * stride.org);
  const byAnswer = new Int32Array(A * S * 5);
  let hasSectorAnswers = false;
  for (const row of rows) {
    const o = orgIndex.get(row.organisationId);
    if (o === undefined) continue;
    const levelAnswer = levelQuestion >= 0 ? row.answers[levelQuestion] : null;
    const l = levelAnswer ? levelAnswer - 1 : L - 1;
    const pressureAnswer = pressureQuestion >= 0 ? row.answers[pressureQuestion] : null;
    const p = pressureAnswer === 1 ? 0 : pressureAnswer === 2 ? 1 : 2;
    const a = answerBucket(row.answers, sectorQuestion, A);
    if (a < A - 1) hasSectorAnswers = true;
    const base = o * stride.org + l * stride.level + p * stride.pressure;
    for (let si = 0; si < S; si++) {
      const raw = row.answers[statements[si]!.index];
      // A yes/no learning question: yes counts as agreeing (5), no as disagreeing (1).
      const v = statements[si]!.yesNo ? (raw === 1 ? 5 : raw === 2 ? 1 : null) : raw;
      if (v && v >= 1 && v <= 5) {
        counts[base + si * stride.statement + v - 1]! += 1;
        byAnswer[(a * S + si) * 5 + v - 1]! += 1;
      }
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
    if (sectorAnswers.length > 0) [...sectorAnswers, 'none'].forEach((code, a) => raw.set(groupId.answer(code), [...byAnswer.subarray((a * S + si) * 5, (a * S + si) * 5 + 5)]));
    const cells = new Map<string, CellCounts>();
    for (const [id, v] of raw) cells.set(id, { n: v.reduce((a, b) => a + b, 0), agree: v[3]! + v[4]!, disagree: v[0]! + v[1]! });
    return { code: q.code, label: q.label, cells };
  });
  const sectorsPresentInOrder = sectorOrder.filter((code) => sectorsPresent.includes(code));
  return {
    statements: results,
    levels: levelCodes,
    sectors: [...sectorsPresentInOrder, ...sectorsPresent.filter((code) => !sectorsPresentInOrder.includes(code as never))],
    sectorAnswers,
    hasSectorAnswers,
    pressure: pressureQuestion >= 0 ? countPressure(wave, rows, { pressureQuestion, sectorQuestion, sectorAnswers }) : null,
  };
}

/** The bucket of a response's own sector answer: its option, or the last ("not answered"). */
function answerBucket(answers: ReadonlyArray<number | null>, sectorQuestion: number, buckets: number): number {
  const v = sectorQuestion >= 0 ? answers[sectorQuestion] : null;
  return v && v >= 1 && v < buckets ? v - 1 : buckets - 1;
}

/**
 * The headline's cells: for PRESSURE n = answered, agree = yes, disagree = no; for each option of
 * SOURCE, MEANS and AIMS n = the pressured (yes), agree = named it, disagree = did not. Per group
 * of the pressure tables (pressureTables).
 */
function countPressure(
  wave: Pick<WaveDefinition, 'questions' | 'organisations'>,
  rows: ReadonlyArray<{ organisationId: string; answers: ReadonlyArray<number | null> }>,
  at: { pressureQuestion: number; sectorQuestion: number; sectorAnswers: readonly string[] },
): NonNullable<WaveCounts['pressure']> {
  const details = pressureDetailCodes
    .map((code) => ({ code, index: questionIndex(wave.questions, code) }))
    .filter(({ index }) => index >= 0 && wave.questions[index]!.type === 'multi')
    .map(({ code, index }) => ({ code, index, question: wave.questions[index]! }));
  // Every option of every detail question, flattened; `first` is where a question's options start.
  const options = details.flatMap((d) => (d.question.options ?? []).map((_, bit) => ({ index: d.index, bit })));
  const first = details.map((_, i) => details.slice(0, i).reduce((sum, d) => sum + (d.question.options ?? []).length, 0));
  const orgIndex = new Map(wave.organisations.map((o, i) => [o.id, i]));
  const O = wave.organisations.length;
  const A = at.sectorAnswers.length + 1;
  const F = options.length;
  // counts[org][answer][yes, no, named option 0..F-1]
  const width = 2 + F;
  const counts = new Int32Array(O * A * width);
  for (const row of rows) {
    const o = orgIndex.get(row.organisationId);
    if (o === undefined) continue;
    const base = (o * A + answerBucket(row.answers, at.sectorQuestion, A)) * width;
    const p = row.answers[at.pressureQuestion];
    if (p === 2) counts[base + 1]! += 1;
    if (p !== 1) continue;
    counts[base]! += 1;
    for (let f = 0; f < F; f++) {
      const mask = row.answers[options[f]!.index];
      if (mask && (mask >> options[f]!.bit) & 1) counts[base + 2 + f]! += 1;
    }
  }
  const sum = (orgs: readonly number[], answers: readonly number[]) => {
    const v = new Array<number>(width).fill(0);
    for (const o of orgs) for (const a of answers) for (let j = 0; j < width; j++) v[j]! += counts[(o * A + a) * width + j]!;
    return v;
  };
  const allOrgs = [...Array(O).keys()];
  const allAnswers = [...Array(A).keys()];
  const raw = new Map<string, number[]>();
  const everyone = sum(allOrgs, allAnswers);
  raw.set(groupId.all, everyone);
  for (const sector of new Set(wave.organisations.map((o) => o.sector))) raw.set(groupId.sector(sector), sum(allOrgs.filter((o) => wave.organisations[o]!.sector === sector), allAnswers));
  wave.organisations.forEach((org, o) => {
    const own = sum([o], allAnswers);
    raw.set(groupId.org(org.id), own);
    raw.set(groupId.others(org.id), everyone.map((v, j) => v - own[j]!));
  });
  if (at.sectorAnswers.length > 0) [...at.sectorAnswers, 'none'].forEach((code, a) => raw.set(groupId.answer(code), sum(allOrgs, [a])));

  const cellsOf = (count: (v: number[]) => CellCounts) => new Map([...raw].map(([id, v]) => [id, count(v)]));
  const pressure = wave.questions[at.pressureQuestion]!;
  return {
    share: { code: pressure.code, label: pressure.label, cells: cellsOf(([yes, no]) => ({ n: yes! + no!, agree: yes!, disagree: no! })) },
    details: details.map((d, di) => ({
      code: d.code,
      label: d.question.label,
      options: (d.question.options ?? []).map((option, oi) => {
        const j = 2 + first[di]! + oi;
        return { code: option.code, label: option.label, cells: cellsOf((v) => ({ n: v[0]!, agree: v[j]!, disagree: v[0]! - v[j]! })) };
      }),
    })),
  };
}

/**
 * Shares agreeing and disagreeing with n for every group of countCells, with small numbers
 * suppressed together with every complementary cell the disclosure audit asks for, across all
 * pages and exports of the wave (suppression.ts).
 */
export function computeResults(wave: Pick<WaveDefinition, 'questions' | 'organisations'>, rows: ReadonlyArray<{ organisationId: string; answers: ReadonlyArray<number | null> }>, k: number): WaveResults {
  const counted = countCells(wave, rows);
  // The audit takes seconds on a large wave with many small groups, and every page, export and
  // trend of a wave asks again: the same counts give the same result, so it is kept a while.
  const cellsKey = (st: Counted) => [st.code, st.label, [...st.cells]];
  const pressureKey = counted.pressure && [cellsKey(counted.pressure.share), counted.pressure.details.map((d) => [d.code, d.label, d.options.map(cellsKey)])];
  const key = createHash('sha256')
    .update(JSON.stringify([k, wave.organisations.map((o) => [o.id, o.sector]), counted.levels, counted.sectorAnswers, counted.hasSectorAnswers, counted.statements.map(cellsKey), pressureKey]))
    .digest('hex');
  const cached = resultsCache.get(key);
  if (cached) return cached;
  const results = suppressAll(wave, counted, k);
  resultsCache.set(key, results);
  if (resultsCache.size > 32) resultsCache.delete(resultsCache.keys().next().value!);
  return results;
}

const resultsCache = new Map<string, WaveResults>();

function suppressAll(wave: Pick<WaveDefinition, 'organisations'>, counted: WaveCounts, k: number): WaveResults {
  const tables = additiveTables(wave, counted.levels, counted.sectorAnswers);
  // The statements show an own-sector-answer group only for the sector of an organisation in the
  // wave (as that organisation's benchmark): the others are on no page, so hidden first.
  const shownAnswers = new Set(wave.organisations.map((o) => groupId.answer(o.sector)));
  const cost = (id: string, n: number) => (id.startsWith('answer:') && !shownAnswers.has(id) ? n : suppressionCost(id, n));
  const statements = counted.statements.map(({ code, label, cells }) => {
    // A yes/no learning question has no middle answer: agree + disagree = n is public knowledge, as for PRESSURE.
    const hidden = suppressCells(cells, tables, k, { cost, giveBack: (id) => cost(id, 0) >= 2e9, zeroRest: learningCodes.has(code) });
    return { code, label, figures: figuresOf(cells, hidden) };
  });
  const { levels, sectors, sectorAnswers, hasSectorAnswers } = counted;
  return { statements, levels, sectors, sectorAnswers, hasSectorAnswers, pressure: counted.pressure && suppressPressure(wave, counted.pressure, sectorAnswers, k), k };
}

function figuresOf(cells: ReadonlyMap<string, CellCounts>, hidden: ReadonlySet<string>): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  for (const [id, c] of cells) figures.set(id, hidden.has(id) ? { kind: 'hidden' } : c.n === 0 ? { kind: 'empty' } : { kind: 'shown', ...c });
  return figures;
}

/**
 * The headline through the same suppression. PRESSURE is a yes-or-no question (no third count).
 * Its details are counted among the pressured, whose number the PRESSURE figure publishes: so the
 * audit of each option gives the attacker every group's number of pressured (even where PRESSURE
 * hides it) and protects what a small group of them named; and a group whose PRESSURE figure is
 * hidden keeps every detail hidden too, so no detail tells its number. The details' audits are
 * small, so every complement they turn out not to need is given back.
 */
function suppressPressure(wave: Pick<WaveDefinition, 'organisations'>, counted: NonNullable<WaveCounts['pressure']>, sectorAnswers: readonly string[], k: number): PressureResults {
  const tables = pressureTables(wave, sectorAnswers);
  const common = { cost: pressureCost, giveBack: (id: string) => pressureCost(id, 0) >= 1e9, zeroRest: true };
  const shareHidden = suppressCells(counted.share.cells, tables, k, common);
  const option = ({ code, label, cells }: Counted): StatementResult => ({ code, label, figures: figuresOf(cells, suppressCells(cells, tables, k, { ...common, sizePublic: true, alsoHide: shareHidden })) });
  return {
    share: { code: counted.share.code, label: counted.share.label, figures: figuresOf(counted.share.cells, shareHidden) },
    details: counted.details.map((d) => ({ code: d.code, label: d.label, options: d.options.map(option) })),
  };
}

/**
 * Which figure to give up first: one on no page (everyone, those who left the pressure question
 * open), then a benchmark (sector, all others, everyone by pressure), then a subgroup (job level,
 * pressure), and an organisation's own figure last; within a kind the smallest. Subgroups and
 * organisations' own figures that the audit turns out not to need are given back afterwards.
 */
export function suppressionCost(id: string, n: number): number {
  const tier = unpublished(id) ? 0 : /^(sector|others|answer):|^all:pressure:/.test(id) ? 1 : /:(level|pressure):/.test(id) ? 2 : 3;
  return tier * 1e9 + n;
}

/** Groups that are part of the sums but shown on no page and in no export. */
export function unpublished(id: string): boolean {
  return id === groupId.all || id.endsWith(':pressure:none') || id === groupId.answer('none');
}

/**
 * The same order for the headline, where everyone is a published benchmark and "all others" is
 * not: first what no page shows ("all others", no sector answer), then a benchmark (everyone, a
 * sector), an organisation's own figure last.
 */
export function pressureCost(id: string, n: number): number {
  const tier = id.startsWith('others:') || id === groupId.answer('none') ? 0 : id.startsWith('org:') ? 3 : 1;
  return tier * 1e9 + n;
}

/**
 * Every sum an attacker could subtract with: everyone by sector, each sector by organisation,
 * everyone as one organisation plus "all others", "all others" by organisation, each
 * organisation by job level and by pressure answer, and the pressure groups by organisation.
 */
export function additiveTables(wave: Pick<WaveDefinition, 'organisations'>, levelCodes: readonly string[], sectorAnswers: readonly string[] = []): AdditiveTable[] {
  const tables = sectorTables(wave);
  for (const org of wave.organisations) {
    tables.push(...othersTables(wave, org.id));
    tables.push({ total: groupId.org(org.id), parts: levelCodes.map((l) => groupId.level(org.id, l)) });
    tables.push({ total: groupId.org(org.id), parts: pressureKeys.map((p) => groupId.pressure(org.id, p)) });
  }
  tables.push({ total: groupId.all, parts: pressureKeys.map(groupId.allPressure), preferTotal: true });
  for (const p of pressureKeys) tables.push({ total: groupId.allPressure(p), parts: wave.organisations.map((o) => groupId.pressure(o.id, p)), preferTotal: true });
  if (sectorAnswers.length > 0) tables.push(answerTable(sectorAnswers));
  return tables;
}

/** Everyone by sector, and each sector by organisation. */
function sectorTables(wave: Pick<WaveDefinition, 'organisations'>): AdditiveTable[] {
  const sectorsPresent = [...new Set(wave.organisations.map((o) => o.sector))];
  const tables: AdditiveTable[] = [{ total: groupId.all, parts: sectorsPresent.map(groupId.sector), preferTotal: true }];
  for (const sector of sectorsPresent) tables.push({ total: groupId.sector(sector), parts: wave.organisations.filter((o) => o.sector === sector).map((o) => groupId.org(o.id)), preferTotal: true });
  return tables;
}

/** Everyone as one organisation plus "all others", and "all others" by organisation. */
function othersTables(wave: Pick<WaveDefinition, 'organisations'>, orgId: string): AdditiveTable[] {
  return [
    { total: groupId.all, parts: [groupId.org(orgId), groupId.others(orgId)], preferTotal: true },
    { total: groupId.others(orgId), parts: wave.organisations.filter((o) => o.id !== orgId).map((o) => groupId.org(o.id)), preferTotal: true },
  ];
}

/** Everyone by their own answer to SECTOR: a second split of everyone, across the organisations. */
function answerTable(sectorAnswers: readonly string[]): AdditiveTable {
  return { total: groupId.all, parts: [...sectorAnswers, 'none'].map(groupId.answer) };
}

/**
 * The sums of the headline's groups: everyone by sector, each sector by organisation, everyone as
 * one organisation plus all others, all others by organisation, everyone by own sector answer.
 */
export function pressureTables(wave: Pick<WaveDefinition, 'organisations'>, sectorAnswers: readonly string[] = []): AdditiveTable[] {
  const tables = sectorTables(wave);
  for (const org of wave.organisations) tables.push(...othersTables(wave, org.id));
  if (sectorAnswers.length > 0) tables.push(answerTable(sectorAnswers));
  return tables;
}

/** A share as a percentage with one decimal, or null when hidden or empty. */
export function share(figure: Figure | undefined, part: 'agree' | 'disagree'): number | null {
  if (figure?.kind !== 'shown') return null;
  return Math.round((figure[part] / figure.n) * 1000) / 10;
}

/** The n of a figure as published: a number when shown or empty (0), null when hidden. */
export function publishedN(figure: Figure | undefined): number | null {
  return figure?.kind === 'shown' ? figure.n : figure?.kind === 'empty' ? 0 : null;
}

export type ResultsTable = 'statements' | 'levels' | 'pressure';
export const resultsTables: readonly ResultsTable[] = ['statements', 'levels', 'pressure'];

/** What the sector benchmark groups by: the organisation's sector, or the respondent's own answer to SECTOR. */
export type Benchmark = 'organisation' | 'answer';

/** The benchmarks a wave's results page offers: the respondent's own sector only where answers carry it. */
export function benchmarksOf(results: Pick<WaveResults, 'hasSectorAnswers' | 'sectorAnswers'>): Benchmark[] {
  return results.hasSectorAnswers && results.sectorAnswers.length > 0 ? ['organisation', 'answer'] : ['organisation'];
}

/** The sector benchmark of an organisation: its sector, or those who said they work in that sector. */
export function sectorGroup(organisation: { sector: string }, benchmark: Benchmark): string {
  return benchmark === 'answer' ? groupId.answer(organisation.sector) : groupId.sector(organisation.sector);
}

/**
 * The groups of one table of an organisation's results page, in display order; the page and the
 * CSV export both take their columns from here, and so does the disclosure audit in the tests.
 */
export function tableGroups(results: Pick<WaveResults, 'levels'>, organisation: { id: string; sector: string }, table: ResultsTable, benchmark: Benchmark = 'organisation'): string[] {
  if (table === 'levels') return results.levels.map((level) => groupId.level(organisation.id, level));
  if (table === 'pressure') return [groupId.pressure(organisation.id, 'yes'), groupId.pressure(organisation.id, 'no'), groupId.allPressure('yes'), groupId.allPressure('no')];
  return [groupId.org(organisation.id), sectorGroup(organisation, benchmark), groupId.others(organisation.id)];
}

export type PressureTable = 'headline' | 'sectors';
export const pressureTablesShown: readonly PressureTable[] = ['headline', 'sectors'];

/**
 * The groups of the headline on an organisation's results page: the organisation, its sector
 * benchmark and everyone ('headline': the pressured share and every detail), and every sector
 * ('sectors': the pressured share; the wave's organisations' sectors, or every answer to SECTOR).
 */
export function pressureGroups(results: Pick<WaveResults, 'sectors' | 'sectorAnswers'>, organisation: { id: string; sector: string }, table: PressureTable, benchmark: Benchmark = 'organisation'): string[] {
  if (table === 'sectors') return benchmark === 'answer' ? results.sectorAnswers.map(groupId.answer) : results.sectors.map(groupId.sector);
  return [groupId.org(organisation.id), sectorGroup(organisation, benchmark), groupId.all];
}

/**
 * The organisation's number of responses as its results page may show it: only when it is 0 or at
 * least k and the organisation's own figure is shown (or empty) for every statement. Then it tells
 * nothing those figures do not; otherwise it would bound a hidden n from above.
 */
export function publishedResponses(results: WaveResults, organisation: { id: string; responses: number }): number | null {
  const r = organisation.responses;
  if (r > 0 && r < results.k) return null;
  return results.statements.every((st) => st.figures.get(groupId.org(organisation.id))?.kind !== 'hidden') ? r : null;
}

export interface TrendPoint {
  waveId: string;
  waveName: string;
  status: 'open' | 'closed';
  createdAt: Date;
  results: WaveResults;
}

/**
 * The pressured share over time: every earlier closed wave of the same owner the organisation took
 * part in, then this one; each figure as that wave's own results page publishes it. `points` are
 * trendsFor's, oldest first (in the database's order, finer than a Date).
 */
export function pressureTrend(points: readonly TrendPoint[], current: { id: string }): TrendPoint[] {
  const at = points.findIndex((p) => p.waveId === current.id);
  return points.filter((p, i) => i === at || (i < at && p.status === 'closed'));
}

/**
 * The same organisation in every wave it took part in, oldest first. The wave already computed
 * for the page is passed in, so its answers are not read twice.
 */
export async function trendsFor(s: Pick<Services, 'db'>, ownerId: string, organisationId: string, current: { waveId: string; results: WaveResults }, k: number): Promise<TrendPoint[]> {
  const waves = await s.db
    .select({ id: surveyWaves.id, name: surveyWaves.name, status: surveyWaves.status, createdAt: surveyWaves.createdAt })
    .from(surveyWaveOrganisations)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyWaveOrganisations.waveId))
    .where(inOrg(ownerId, surveyWaves, eq(surveyWaveOrganisations.organisationId, organisationId)))
    .orderBy(asc(surveyWaves.createdAt));
  const points: TrendPoint[] = [];
  for (const w of waves) {
    const results = w.id === current.waveId ? current.results : computeResults(await getWaveDefinition(s, w.id, ownerId), await loadAnswers(s, w.id), k);
    points.push({ waveId: w.id, waveName: w.name, status: w.status, createdAt: w.createdAt, results });
  }
  return points;
}

import { eq } from 'drizzle-orm';
import { surveyOrganisations, surveyResponses, surveyWaveOrganisations } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { parseCsv } from './csv.js';
import { ORG, type SurveyQuestion } from './questions.js';
import { encodeAnswer, type SurveyDraft } from './respond.js';
import { getWaveDefinition } from './waves.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface RefusedRow {
  /** The line in the file (the header is line 1). */
  line: number;
  reason: 'organisation' | 'value' | 'columns';
  column?: string;
  /** The value refused (for several codes in one cell, the first one not allowed), cut short. */
  value?: string;
}

/** Longer values are cut short in the report: it names the value, it does not echo a file. */
const MAX_SHOWN_VALUE = 40;
const shown = (value: string) => (value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value);

/**
 * What a column of the file may hold, as codes: the import page lists them per column and a
 * refused value names them. An empty cell is always allowed (not answered).
 */
export function allowedAnswers(question: SurveyQuestion): string[] {
  if (question.type === 'agree5') return ['1', '2', '3', '4', '5'];
  if (question.type === 'yesNo') return ['yes', 'no', '1', '2'];
  return (question.options ?? []).map((o) => o.code);
}

export class ImportRefused extends Error {
  constructor(
    readonly refused: RefusedRow[],
    readonly headerProblem: 'empty' | 'no_org' | 'unknown_columns' | null,
    readonly unknownColumns: string[] = [],
  ) {
    super('import refused');
  }
}

/**
 * An earlier wave or an external dataset: a header of question codes (ORG for the organisation,
 * by name), one row per respondent, answers as option codes or 1-5 (several codes in one cell
 * separated by "|"). All rows or none: one bad row refuses the file, with every bad row listed.
 */
export async function importResponses(s: Pick<Services, 'db'>, actor: Actor | null, waveId: string, csv: string): Promise<number> {
  authorize(actor, 'surveys.manage');
  const wave = await getWaveDefinition(s, waveId, actor.organisationId);
  if (wave.status !== 'open') throw new AppError('conflict');
  const rows = parseCsv(csv);
  if (rows.length < 2) throw new ImportRefused([], 'empty');
  const header = rows[0]!.map((h) => h.trim().toUpperCase());
  if (!header.includes(ORG)) throw new ImportRefused([], 'no_org');
  const byCode = new Map<string, SurveyQuestion>(wave.questions.map((q) => [q.code, q]));
  const unknown = header.filter((h) => h !== ORG && !byCode.has(h));
  if (unknown.length > 0) throw new ImportRefused([], 'unknown_columns', unknown);

  const participants = await s.db
    .select({ id: surveyOrganisations.id, name: surveyOrganisations.name })
    .from(surveyWaveOrganisations)
    .innerJoin(surveyOrganisations, eq(surveyOrganisations.id, surveyWaveOrganisations.organisationId))
    .where(inOrg(actor.organisationId, surveyOrganisations, eq(surveyWaveOrganisations.waveId, waveId)));
  const orgByName = new Map(participants.map((p) => [p.name.trim().toLowerCase(), p.id]));

  const refused: RefusedRow[] = [];
  const values: Array<{ waveId: string; organisationId: string; answers: number[] }> = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.length !== header.length) return void refused.push({ line, reason: 'columns' });
    const answers: SurveyDraft['answers'] = {};
    let organisationId: string | undefined;
    for (const [c, column] of header.entries()) {
      const cell = row[c]!.trim();
      if (column === ORG) {
        organisationId = orgByName.get(cell.toLowerCase());
        if (!organisationId) return void refused.push({ line, reason: 'organisation', column, value: shown(cell) });
        continue;
      }
      const question = byCode.get(column)!;
      const values = question.type === 'multi' ? cell.split('|') : [cell];
      const encoded = encodeAnswer(question, question.type === 'multi' ? values : cell);
      if (encoded === 'invalid') {
        const allowed = allowedAnswers(question);
        const wrong = question.type === 'multi' ? (values.map((v) => v.trim()).find((v) => v !== '' && !allowed.includes(v)) ?? cell) : cell;
        return void refused.push({ line, reason: 'value', column, value: shown(wrong) });
      }
      answers[column] = encoded;
    }
    values.push({ waveId, organisationId: organisationId!, answers: wave.questions.map((q) => answers[q.code] ?? null) as number[] });
  });
  if (refused.length > 0) throw new ImportRefused(refused, null);
  await s.db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 5000) await tx.insert(surveyResponses).values(values.slice(i, i + 5000));
  });
  return values.length;
}

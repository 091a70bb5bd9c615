import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import type { Actor } from '../access/authorize.js';
import { caseKinds } from '../cases/lifecycle.js';
import type { CaseView } from '../cases/open-case.js';
import { AppError } from '../errors.js';
import { localDate } from '../reports/deadlines.js';
import { aimsCodes, codedOutcomes, codedRoutes, codingStage, meansCodes, personalEffectCodes, publicEffectCodes, sourceCodes, themeCodes, type CaseCoding } from './codes.js';

export type CodingValues = Record<'kind' | 'category' | 'channel' | 'outcome' | 'termsMet', string> &
  Record<'sources' | 'means' | 'aims' | 'effectsPersonal' | 'effectsPublic' | 'themes' | 'measures', string[]>;

export interface CodingPageModel {
  /** What the form shows: the stored coding, or a proposal from the reporter's answers and the case's data to confirm. */
  values: CodingValues;
  /** The stored coding's stage, or null while the case was never coded. */
  coded: CaseCoding['stage'] | null;
  /** The stage a save now records. */
  stage: CaseCoding['stage'];
  /** Which groups of codes this route's cases get. */
  risk: boolean;
  canCode: boolean;
}

const known = (value: unknown, codes: readonly string[]): string[] => (Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []).filter((v): v is string => typeof v === 'string' && codes.includes(v));

/**
 * The coding form of a case its handler has opened. Never coded yet: the reporter's own answers
 * (who, how, to what end, effects; a risk signal's causes), how it came in, its outcome and whether
 * the legal terms were met are proposed; the handler sees them and confirms or corrects.
 */
export async function presentCodingPage(s: Pick<Services, 'db' | 'now'>, actor: Actor, view: CaseView): Promise<CodingPageModel> {
  if (!codedRoutes.includes(view.route.code)) throw new AppError('not_found');
  const [row] = await s.db
    .select({ kind: cases.kind, outcome: cases.outcome, coding: cases.coding, enteredBy: cases.enteredBy, intakeChannel: cases.intakeChannel, acknowledgedAt: cases.acknowledgedAt, feedbackGivenAt: cases.feedbackGivenAt, beyondLegalTerm: cases.beyondLegalTerm })
    .from(cases)
    .where(inCommission(actor.organisationId, cases, eq(cases.id, view.id)));
  if (!row) throw new AppError('not_found');
  const risk = view.route.code === 'risk_signal';
  const stage = codingStage(view.status);
  const base = { coded: row.coding?.stage ?? null, stage, risk, canCode: view.status !== 'received' };
  if (row.coding) {
    const { stage: _stage, ...codes } = row.coding;
    return { ...base, values: codes };
  }
  const a = view.answers;
  const answeredKind = typeof a.KIND === 'string' && (caseKinds as readonly string[]).includes(a.KIND) ? a.KIND : '';
  // Legal terms: acknowledged by its deadline, and feedback (given, or still due) within the legal term.
  const ackInTime = row.acknowledgedAt !== null && localDate(row.acknowledgedAt, view.timeZone) <= view.deadlines.acknowledgeBy;
  const feedbackDay = localDate(row.feedbackGivenAt ?? s.now(), view.timeZone);
  const termsMet = ackInTime && !row.beyondLegalTerm && feedbackDay <= view.deadlines.legalFeedbackBy;
  return {
    ...base,
    values: {
      kind: row.kind ?? (answeredKind || (risk ? 'risk_signal' : '')),
      category: '',
      sources: known(a.SOURCE, sourceCodes),
      means: known(a.MEANS, meansCodes),
      aims: known(a.AIMS, aimsCodes),
      effectsPersonal: known(a.EFFECTS_PERSONAL, personalEffectCodes),
      effectsPublic: known(a.EFFECTS_PUBLIC, publicEffectCodes),
      themes: known(a.CAUSE, themeCodes),
      channel: row.intakeChannel ?? (row.enteredBy === 'operator' ? 'oral' : 'form'),
      outcome: row.outcome && (codedOutcomes as readonly string[]).includes(row.outcome) ? row.outcome : '',
      measures: [],
      termsMet: termsMet ? 'yes' : 'no',
    },
  };
}

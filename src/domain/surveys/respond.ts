import { and, eq } from 'drizzle-orm';
import { openWithKey, sealWithKey } from '../../crypto/aead.js';
import { fromBase64Url, toBase64Url } from '../../crypto/encoding.js';
import { surveyInvitations, surveyResponses, surveyWaveOrganisations, surveyWaves } from '../../db/schema.js';
import { unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError, fieldError, type FieldError } from '../errors.js';
import { hashCode, normaliseCode, openLinkHash } from '../../crypto/survey-codes.js';
import type { SurveyQuestion } from './questions.js';

// Between the pages nothing is stored and no cookie is set: the answers so far travel in the form,
// sealed under the server key, and the code is used up only when the last page is sent.
const DRAFT_HOURS = 4;

export type Section = 'statements' | 'pressure' | 'pressureDetail' | 'learning' | 'background' | 'extra';
export const sectionOrder: readonly Section[] = ['statements', 'pressure', 'pressureDetail', 'learning', 'background', 'extra'];

export interface SurveyDraft {
  waveId: string;
  /** Hex of the invitation code's hash; absent on the open link. */
  codeHash?: string;
  /** Known from the code; chosen on the background page of the open link. */
  organisationId?: string;
  answers: Record<string, number | null>;
  expiresAt: number;
}

type Crypto = Pick<Services, 'sodium' | 'serverKeys' | 'now'>;

export function sealSurveyDraft(s: Crypto, draft: SurveyDraft): string {
  return toBase64Url(sealWithKey(s.sodium, s.serverKeys.forms, s.sodium.from_string(JSON.stringify(draft)), 'survey-draft'));
}

export function openSurveyDraft(s: Crypto, value: string): SurveyDraft | null {
  const sealed = value.length < 100_000 ? fromBase64Url(value) : null;
  const plain = sealed ? openWithKey(s.sodium, s.serverKeys.forms, sealed, 'survey-draft') : null;
  if (!plain) return null;
  const draft = JSON.parse(s.sodium.to_string(plain)) as SurveyDraft;
  return draft.expiresAt > s.now().getTime() ? draft : null;
}

async function openWave(s: Pick<Services, 'db'>, where: ReturnType<typeof eq>) {
  const [wave] = await s.db
    .select({ id: surveyWaves.id, status: surveyWaves.status })
    .from(surveyWaves)
    .where(unsafeAnyOrg('an anonymous respondent: the code or link alone decides the wave, of whichever organisation', where));
  return wave?.status === 'open' ? wave : null;
}

/** A code that exists and is unused starts a fresh draft; it is not used up yet. */
export async function startWithCode(s: Services, input: string): Promise<SurveyDraft> {
  const code = normaliseCode(input);
  if (!code) throw fieldError('code', 'errors.survey.codeFormat');
  const hash = hashCode(s.sodium, code);
  const [invitation] = await s.db.select().from(surveyInvitations).where(eq(surveyInvitations.codeHash, hash));
  if (!invitation || !(await openWave(s, eq(surveyWaves.id, invitation.waveId)))) throw fieldError('code', 'errors.survey.codeUnknown');
  return { waveId: invitation.waveId, codeHash: s.sodium.to_hex(hash), organisationId: invitation.organisationId, answers: {}, expiresAt: s.now().getTime() + DRAFT_HOURS * 3600_000 };
}

export async function startWithOpenLink(s: Services, token: string): Promise<SurveyDraft> {
  const wave = token.length <= 64 ? await openWave(s, eq(surveyWaves.openLinkHash, openLinkHash(s.sodium, token))) : null;
  if (!wave) throw new AppError('not_found');
  return { waveId: wave.id, answers: {}, expiresAt: s.now().getTime() + DRAFT_HOURS * 3600_000 };
}

/** The sections this respondent sees: the pressure details only after a yes; extra questions only if the wave has them. */
export function sectionsFor(questions: readonly SurveyQuestion[], draft: SurveyDraft): Section[] {
  return sectionOrder.filter((section) => {
    if (section === 'pressureDetail') return draft.answers.PRESSURE === 1 && questions.some((q) => q.section === section);
    if (section === 'background') return true;
    return questions.some((q) => q.section === section);
  });
}

/** One answer from the form, as stored; an unknown value is an error rather than a guess. */
export function encodeAnswer(question: SurveyQuestion, raw: string | string[] | undefined): number | null | 'invalid' {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return null;
  if (question.type === 'multi') {
    let mask = 0;
    for (const value of values) {
      const index = (question.options ?? []).findIndex((o) => o.code === value);
      if (index < 0) return 'invalid';
      mask |= 1 << index;
    }
    return mask;
  }
  if (values.length > 1) return 'invalid';
  const value = values[0]!;
  if (question.type === 'agree5') return /^[1-5]$/.test(value) ? Number(value) : 'invalid';
  if (question.type === 'yesNo') return value === 'yes' || value === '1' ? 1 : value === 'no' || value === '2' ? 2 : 'invalid';
  const index = (question.options ?? []).findIndex((o) => o.code === value);
  return index >= 0 ? index + 1 : 'invalid';
}

/** Takes one page's answers into the draft; every question may be skipped. */
export function applySection(questions: readonly SurveyQuestion[], draft: SurveyDraft, section: Section, form: Record<string, string | string[]>): FieldError[] {
  const errors: FieldError[] = [];
  for (const question of questions.filter((q) => q.section === section)) {
    const encoded = encodeAnswer(question, form[question.code]);
    if (encoded === 'invalid') errors.push({ field: question.code, message: 'errors.field.invalid' });
    else draft.answers[question.code] = encoded;
  }
  // A "no" after an earlier "yes" drops the details given for the yes.
  if (section === 'pressure' && draft.answers.PRESSURE !== 1) for (const q of questions.filter((q) => q.onlyIfPressure)) draft.answers[q.code] = null;
  return errors;
}

/** Stores the response and, for a code, uses the code up, in one transaction: a used code answers nothing. */
export async function submitSurveyResponse(s: Pick<Services, 'db' | 'sodium'>, questions: readonly SurveyQuestion[], draft: SurveyDraft): Promise<void> {
  const answers = questions.map((q) => draft.answers[q.code] ?? null);
  await s.db.transaction(async (tx) => {
    const [wave] = await tx
      .select({ status: surveyWaves.status })
      .from(surveyWaves)
      .where(unsafeAnyOrg('an anonymous respondent: the wave is the one the sealed draft names (decided by the code or link)', eq(surveyWaves.id, draft.waveId)));
    if (wave?.status !== 'open') throw new AppError('conflict', [{ field: 'form', message: 'errors.survey.closed' }]);
    let organisationId = draft.organisationId;
    if (draft.codeHash) {
      const [used] = await tx
        .delete(surveyInvitations)
        .where(and(eq(surveyInvitations.codeHash, s.sodium.from_hex(draft.codeHash)), eq(surveyInvitations.waveId, draft.waveId)))
        .returning({ organisationId: surveyInvitations.organisationId });
      if (!used) throw new AppError('conflict', [{ field: 'form', message: 'errors.survey.codeUsed' }]);
      organisationId = used.organisationId;
    }
    const [participates] = organisationId
      ? await tx.select().from(surveyWaveOrganisations).where(and(eq(surveyWaveOrganisations.waveId, draft.waveId), eq(surveyWaveOrganisations.organisationId, organisationId)))
      : [];
    if (!participates) throw fieldError('organisationId', 'errors.choice.required');
    await tx.insert(surveyResponses).values({ waveId: draft.waveId, organisationId: organisationId!, answers: answers as number[] });
  });
}

import { emailSchema } from '../accounts/schemas.js';
import type { FieldError } from '../errors.js';
import { checkStepAnswers, visibleSteps, type QuestionnaireDefinition } from '../routes/questionnaire.js';
import type { ReportDraft } from './report-draft.js';
import { anonymitySchema, identitySchema } from './schemas.js';

// The report form as a small state machine: its pages in order, what a posted page puts into the
// draft, and where the person goes next. The draft travels sealed with every page (report-draft.ts).

/** The pages of the report form. Who you are is asked only when you chose to say it. */
export type Position = 'anonymity' | `step-${number}` | 'identity' | 'review';

type Fields = Record<string, string | string[] | undefined>;
const field = (form: Fields, name: string) => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export function positions(definition: QuestionnaireDefinition, draft: ReportDraft): Position[] {
  const steps = visibleSteps(definition).map((_, index) => `step-${index}` as const);
  return ['anonymity', ...steps, ...(draft.anonymity && draft.anonymity !== 'anonymous' ? (['identity'] as const) : []), 'review'];
}

export function isPosition(value: string, all: Position[]): value is Position {
  return (all as string[]).includes(value);
}

/** Takes the fields of the page just posted into the draft; returns what is wrong with them. */
export function applyPosition(definition: QuestionnaireDefinition, draft: ReportDraft, position: Position, form: Fields): FieldError[] {
  if (position === 'anonymity') {
    const parsed = anonymitySchema.safeParse(field(form, 'anonymity'));
    if (!parsed.success) return [{ field: 'anonymity', message: 'errors.anonymity.required' }];
    draft.anonymity = parsed.data;
    if (parsed.data === 'anonymous') delete draft.identity;
    return [];
  }
  if (position === 'identity') {
    draft.identity = { name: field(form, 'name').slice(0, 1000), contact: field(form, 'contact').slice(0, 1000) };
    const parsed = identitySchema.safeParse(draft.identity);
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
  }
  if (position === 'review') {
    const email = field(form, 'notifyEmail').trim();
    if (!email) {
      delete draft.notifyEmail;
      return [];
    }
    draft.notifyEmail = email.slice(0, 254);
    return emailSchema.safeParse(email).success ? [] : [{ field: 'notifyEmail', message: 'errors.email.invalid' }];
  }
  const step = visibleSteps(definition)[Number(position.slice(5))];
  if (!step) return [];
  const raw: Record<string, string | string[] | undefined> = {};
  for (const question of step.questions) raw[question.code] = form[question.code];
  const { answers, errors } = checkStepAnswers(step, raw);
  for (const question of step.questions) delete draft.answers[question.code];
  // Keep even invalid text, so a long account is never lost to one wrong field.
  for (const question of step.questions) {
    const value = raw[question.code];
    if (answers[question.code] !== undefined) draft.answers[question.code] = answers[question.code]!;
    else if ((question.type === 'text' || question.type === 'shortText' || question.type === 'period') && typeof value === 'string' && value.trim()) {
      draft.answers[question.code] = value.slice(0, 20_000);
    }
  }
  return errors;
}

export type WizardMove = { kind: 'show'; position: Position; errors: FieldError[] } | { kind: 'send' };

/**
 * One posted page: its fields go into the draft (kept even when wrong), then the person goes back,
 * jumps to a page they name (from the review page's "change" links), stays to fix errors, sends from
 * the review page, or goes on to the next page.
 */
export function advanceWizard(definition: QuestionnaireDefinition, draft: ReportDraft, form: Fields): WizardMove {
  const at = field(form, '_at');
  const position: Position = isPosition(at, positions(definition, draft)) ? at : 'anonymity';
  const errors = applyPosition(definition, draft, position, form);
  const go = field(form, '_go');
  // The pages after this one may change with it (choosing to give one's name adds a page).
  const all = positions(definition, draft);
  const index = all.indexOf(position);
  if (go === 'back') return { kind: 'show', position: all[Math.max(0, index - 1)]!, errors: [] };
  if (go.startsWith('to-') && isPosition(go.slice(3), all)) return { kind: 'show', position: go.slice(3) as Position, errors: [] };
  if (errors.length > 0) return { kind: 'show', position, errors };
  if (go === 'send' && position === 'review') return { kind: 'send' };
  return { kind: 'show', position: all[Math.min(all.length - 1, index + 1)]!, errors: [] };
}

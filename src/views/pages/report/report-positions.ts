import type { ReportDraft } from '../../../domain/reports/report-draft.js';
import { visibleSteps, type QuestionnaireDefinition } from '../../../domain/routes/questionnaire.js';

// The pages of the report form, in order. Who you are is asked only when you chose to say it.
export type Position = 'anonymity' | `step-${number}` | 'identity' | 'review';

export function positions(definition: QuestionnaireDefinition, draft: ReportDraft): Position[] {
  const steps = visibleSteps(definition).map((_, index) => `step-${index}` as const);
  return ['anonymity', ...steps, ...(draft.anonymity && draft.anonymity !== 'anonymous' ? (['identity'] as const) : []), 'review'];
}

export function isPosition(value: string, all: Position[]): value is Position {
  return (all as string[]).includes(value);
}

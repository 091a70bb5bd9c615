import type { Services } from '../../services.js';
import { caseStep } from '../cases/case-step.js';
import { caseStatuses } from '../cases/lifecycle.js';
import type { StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { caseCodingSchema, codingStage } from './codes.js';

/**
 * The commission codes a case for its figures: at the assessment and again at closing (each save
 * replaces the last). Codes only, never the reporter's words; stored unsealed, which the form says,
 * because figures must be counted without any key, and kept after the purge.
 */
export async function codeCase(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(caseCodingSchema, input);
  let stage = '';
  await caseStep(
    s,
    actor,
    caseId,
    caseStatuses.filter((status) => status !== 'received'),
    'case.coded',
    async ({ current }) => {
      stage = codingStage(current.status);
      return { coding: { ...form, stage: codingStage(current.status) }, kind: form.kind };
    },
    () => ({ stage, category: form.category }),
  );
}

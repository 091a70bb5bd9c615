import type { Services } from '../../services.js';
import { caseStep } from '../cases/case-step.js';
import { caseStatuses } from '../cases/lifecycle.js';
import type { StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import { AppError } from '../errors.js';
import { caseCodingSchema, codedRoutes, codingStage } from './codes.js';

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
    async ({ tx, current }) => {
      // Only the commission's routes are coded (the form is not offered elsewhere; a forged post is refused too).
      const [row] = await tx.select({ route: cases.routeCode }).from(cases).where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId)));
      if (!row || !codedRoutes.includes(row.route)) throw new AppError('not_found');
      stage = codingStage(current.status);
      return { coding: { ...form, stage: codingStage(current.status) }, kind: form.kind };
    },
    () => ({ stage, category: form.category }),
    'cases.read',
    { metadataOnly: true },
  );
}

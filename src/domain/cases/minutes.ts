import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { caseMinutes, cases } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { handlingOrganisationOf } from './handling-organisation.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import type { StaffActor } from './open-case.js';
import { validate } from '../validate.js';
import { caseStep, entryTarget } from './case-step.js';
import { insertSealedEntry } from './insert-entry.js';
import { openStatuses } from './lifecycle.js';

export const minutesSchema = z.object({
  meetingOn: z.iso.date({ error: 'errors.date.invalid' }),
  text: z.string().trim().max(50_000, { error: 'errors.field.tooLong' }).min(1, { error: 'errors.field.required' }),
});
export const minutesAnswerSchema = z
  .object({ answer: z.enum(['confirm', 'correct'], { error: 'errors.choice.required' }), correction: z.string().trim().max(20_000, { error: 'errors.field.tooLong' }) })
  .refine((v) => v.answer === 'confirm' || v.correction.length > 0, { path: ['correction'], error: 'errors.minutes.correction' });

/**
 * Minutes of a meeting or phone call with the reporter (the law lets them ask for one): a message
 * the reporter reads with their receipt and then confirms or corrects.
 */
export async function recordMinutes(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(minutesSchema, input);
  const minutesId = randomUUID();
  await caseStep(s, actor, caseId, openStatuses, 'minutes.recorded', async ({ tx, current, at }) => {
    await tx.insert(caseMinutes).values({ id: minutesId, caseId, recordedAt: at });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at), 'message', { type: 'minutes', minutesId, meetingOn: form.meetingOn, text: form.text });
    return {};
  }, { minutes: minutesId });
  await notifyReporter(s, caseId);
}

/** The reporter confirms the minutes, or corrects them in their own words; once. The session's organisation is the one the report concerns. */
export async function answerMinutes(s: Services, session: { caseId: string; organisationId: string }, minutesId: string, input: unknown): Promise<void> {
  const form = validate(minutesAnswerSchema, input);
  requireId(minutesId);
  const at = s.now();
  await s.db.transaction(async (tx) => {
    const updated = await tx
      .update(caseMinutes)
      .set({ status: form.answer === 'confirm' ? 'confirmed' : 'corrected', answeredAt: at })
      .where(and(eq(caseMinutes.id, minutesId), eq(caseMinutes.caseId, session.caseId), eq(caseMinutes.status, 'awaiting')))
      .returning({ id: caseMinutes.id });
    if (updated.length !== 1) throw new AppError('conflict');
    const [row] = await tx.select({ publicKey: cases.publicKey }).from(cases).where(inOrg(session.organisationId, cases, eq(cases.id, session.caseId)));
    if (!row) throw new AppError('not_found');
    await insertSealedEntry(tx, s.sodium, { caseId: session.caseId, casePublicKey: row.publicKey, author: 'reporter', authorUserId: null, at }, 'message', {
      type: 'minutes-answer',
      minutesId,
      answer: form.answer,
      text: form.answer === 'correct' ? form.correction : '',
    });
    await tx.update(cases).set({ lastReporterActivityAt: at }).where(inOrg(session.organisationId, cases, eq(cases.id, session.caseId)));
    await appendAudit({ ...s, db: tx }, { organisationId: await handlingOrganisationOf(tx, session.caseId), actorKind: 'reporter', actorUserId: null, action: `minutes.${form.answer === 'confirm' ? 'confirmed' : 'corrected'}`, caseId: session.caseId, detail: { minutes: minutesId } });
  });
}

/** Minutes still waiting for the reporter's answer. */
export async function awaitingMinutes(s: Pick<Services, 'db'>, caseId: string): Promise<string[]> {
  const rows = await s.db.select({ id: caseMinutes.id }).from(caseMinutes).where(and(eq(caseMinutes.caseId, caseId), eq(caseMinutes.status, 'awaiting')));
  return rows.map((r) => r.id);
}

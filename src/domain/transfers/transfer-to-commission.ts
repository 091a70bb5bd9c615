import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { caseTransfers, cases } from '../../db/schema.js';
import { inCommission, inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { handlingOrganisationOf } from '../cases/handling-organisation.js';
import { appendAudit } from '../audit/append-audit.js';
import { caseStep, entryTarget } from '../cases/case-step.js';
import { insertSealedEntry } from '../cases/insert-entry.js';
import { caseKinds, openStatuses } from '../cases/lifecycle.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import type { CaseView, StaffActor } from '../cases/open-case.js';
import { readCaseAsReporter } from '../cases/open-case.js';
import { submitReport } from '../reports/submit-report.js';
import { validate } from '../validate.js';

/** Routes whose handlers may propose to bring a matter to the commission, with the person's consent. */
export const transferringRoutes = ['ethics', 'advisor'] as const;

const text = (max: number) => z.string().trim().max(max, { error: 'errors.field.tooLong' });

export const proposalSchema = z.object({
  kind: z.enum(caseKinds.filter((k) => k !== 'moral_question') as [string, ...string[]], { error: 'errors.choice.required' }),
  carried: text(20_000).min(1, { error: 'errors.field.required' }),
  explanation: text(5000).min(1, { error: 'errors.field.required' }),
});
export const transferAnswerSchema = z.object({
  answer: z.enum(['consent', 'decline'], { error: 'errors.choice.required' }),
  want: z.array(z.string().max(40)).max(10),
});

/**
 * The panel or advisor proposes: what would be sent (the question, or a summary without the
 * name) and why. The person reads exactly that in their inbox; nothing happens without them.
 */
export async function proposeTransfer(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(proposalSchema, input);
  const transferId = randomUUID();
  await caseStep(s, actor, caseId, openStatuses, 'transfer.proposed', async ({ tx, current, at }) => {
    const [row] = await tx.select({ route: cases.routeCode }).from(cases).where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId)));
    if (!transferringRoutes.includes(row!.route as (typeof transferringRoutes)[number])) throw new AppError('conflict');
    const open = await tx.select({ id: caseTransfers.id }).from(caseTransfers).where(and(eq(caseTransfers.caseId, caseId), eq(caseTransfers.status, 'proposed')));
    if (open.length > 0) throw new AppError('conflict');
    await tx.insert(caseTransfers).values({ id: transferId, caseId, proposedBy: actor!.userId, proposedAt: at });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at), 'message', { type: 'transfer-proposal', transferId, text: form.explanation, kind: form.kind, carried: form.carried });
    return {};
  }, { transfer: transferId });
}

export type TransferAnswer = { answer: 'decline' } | { answer: 'consent'; receipt: string };

/**
 * The person answers. With consent a new, anonymous report is made on the commission route
 * from exactly the text they were shown, and they get its own receipt. It is not linked to
 * this case: the commission learns neither the name nor that it came from here.
 */
export async function answerTransfer(s: Services, session: { caseId: string; organisationId: string; casePrivateKey: Uint8Array }, transferId: string, input: unknown): Promise<TransferAnswer> {
  const form = validate(transferAnswerSchema, input);
  requireId(transferId);
  const [transfer] = await s.db.select().from(caseTransfers).where(and(eq(caseTransfers.id, transferId), eq(caseTransfers.caseId, session.caseId)));
  if (!transfer || transfer.status !== 'proposed') throw new AppError('conflict');
  const view = await readCaseAsReporter(s, session);
  const proposal = proposalIn(view, transferId);
  if (!proposal) throw new AppError('tampered');

  const status = form.answer === 'consent' ? 'accepted' : 'declined';
  const at = s.now();
  // Claimed first, so that a double submit can never make two commission reports.
  const claimed = await s.db
    .update(caseTransfers)
    .set({ status, answeredAt: at })
    .where(and(eq(caseTransfers.id, transferId), eq(caseTransfers.status, 'proposed')))
    .returning({ id: caseTransfers.id });
  if (claimed.length !== 1) throw new AppError('conflict');

  let receipt: string | null = null;
  if (form.answer === 'consent') {
    try {
      const made = await submitReport(s, session.organisationId, {
        route: 'commission',
        anonymity: 'anonymous',
        answers: { KIND: proposal.kind, WHAT: proposal.carried, WANT: form.want },
        language: view.language,
      });
      receipt = made.receipt;
      // Counted as passed on by the advisor or the panel; the new case stays unlinked to this one.
      const [source] = await s.db.select({ route: cases.routeCode }).from(cases).where(inOrg(session.organisationId, cases, eq(cases.id, session.caseId)));
      await s.db.update(cases).set({ intakeChannel: source?.route === 'ethics' ? 'panel' : 'advisor' }).where(inOrg(session.organisationId, cases, eq(cases.id, made.caseId!)));
    } catch (error) {
      await s.db.update(caseTransfers).set({ status: 'proposed', answeredAt: null }).where(eq(caseTransfers.id, transferId));
      if (error instanceof AppError) throw new AppError(error.code, error.fieldErrors.map((e) => ({ ...e, field: e.field === 'WANT' ? 'want' : e.field })));
      throw error;
    }
  }
  await s.db.transaction(async (tx) => {
    const [row] = await tx.select({ publicKey: cases.publicKey }).from(cases).where(inOrg(session.organisationId, cases, eq(cases.id, session.caseId)));
    await insertSealedEntry(tx, s.sodium, { caseId: session.caseId, casePublicKey: row!.publicKey, author: 'reporter', authorUserId: null, at }, 'message', { type: 'transfer-answer', transferId, answer: form.answer, text: '' });
    await tx.update(cases).set({ lastReporterActivityAt: at }).where(inOrg(session.organisationId, cases, eq(cases.id, session.caseId)));
    await appendAudit({ ...s, db: tx }, { organisationId: await handlingOrganisationOf(tx, session.caseId), actorKind: 'reporter', actorUserId: null, action: `transfer.${status}`, caseId: session.caseId, detail: { transfer: transferId } });
  });
  return receipt ? { answer: 'consent', receipt } : { answer: 'decline' };
}

export interface ProposalView {
  transferId: string;
  kind: string;
  carried: string;
  explanation: string;
  answer: 'consent' | 'decline' | null;
  at: Date;
}

export function proposalIn(view: CaseView, transferId: string): ProposalView | null {
  return proposalsIn(view).find((p) => p.transferId === transferId) ?? null;
}

/** Every proposal in a case with the person's answer, from the decrypted messages. */
export function proposalsIn(view: CaseView): ProposalView[] {
  const answers = new Map(view.messages.filter((m) => m.type === 'transfer-answer').map((m) => [String(m.content.transferId), m.content.answer as 'consent' | 'decline']));
  return view.messages
    .filter((m) => m.type === 'transfer-proposal')
    .map((m) => ({ transferId: String(m.content.transferId), kind: String(m.content.kind), carried: String(m.content.carried), explanation: m.text, answer: answers.get(String(m.content.transferId)) ?? null, at: m.createdAt }));
}

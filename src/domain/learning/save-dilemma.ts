import { and, eq } from 'drizzle-orm';
import { dilemmaProposalCopies, dilemmaProposals, dilemmas } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { findCuratedDilemma } from './view-curated-library.js';
import { contentOfForm, type DilemmaForm } from './dilemma-form.js';

/**
 * The panel writes a new dilemma (a draft) or edits one. Written from a submission or a proposed
 * precedent, the submission is then marked rewritten and its sealed text destroyed: only the
 * panel's own words are ever published. Changing the options starts the count afresh, since the
 * old counts belong to other options. Only a panel member who holds a copy of a submission (who
 * could read it) may rewrite it.
 */
export async function saveDilemma(
  s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>,
  actor: Actor | null,
  target: { id: string | null; fromProposal: string | null },
  form: DilemmaForm,
): Promise<string> {
  authorize(actor, 'learning.curate');
  const content = contentOfForm(form);
  const now = s.now();
  const organisationId = actor.organisationId;
  if (target.id !== null) {
    const row = await findCuratedDilemma(s, organisationId, target.id);
    // Counts belong to the options as they were read: any change to them starts the counts afresh.
    const sameOptions = JSON.stringify(row.content.options) === JSON.stringify(content.options);
    const counts = sameOptions ? {} : { choices: content.options.map(() => 0), shownChoices: [] };
    await s.db.update(dilemmas).set({ content, ...counts, updatedAt: now }).where(inOrg(organisationId, dilemmas, eq(dilemmas.id, row.id)));
    return row.id;
  }
  return s.db.transaction(async (tx) => {
    let source: 'panel' | 'submission' | 'deliberation' = 'panel';
    if (target.fromProposal !== null) {
      const [proposal] = await tx
        .select()
        .from(dilemmaProposals)
        .where(inOrg(organisationId, dilemmaProposals, and(eq(dilemmaProposals.id, requireId(target.fromProposal)), eq(dilemmaProposals.status, 'new'))))
        .for('update');
      if (!proposal) throw new AppError('conflict');
      const [copy] = await tx.select({ userId: dilemmaProposalCopies.userId }).from(dilemmaProposalCopies).where(and(eq(dilemmaProposalCopies.proposalId, proposal.id), eq(dilemmaProposalCopies.userId, actor.userId)));
      if (!copy) throw new AppError('forbidden');
      source = proposal.source === 'employee' ? 'submission' : 'deliberation';
    }
    const [created] = await tx
      .insert(dilemmas)
      .values({ organisationId, status: 'draft', source, content, choices: content.options.map(() => 0), updatedAt: now })
      .returning({ id: dilemmas.id });
    if (target.fromProposal !== null) {
      await tx.update(dilemmaProposals).set({ status: 'rewritten', dilemmaId: created!.id }).where(inOrg(organisationId, dilemmaProposals, eq(dilemmaProposals.id, target.fromProposal)));
      await tx.delete(dilemmaProposalCopies).where(eq(dilemmaProposalCopies.proposalId, target.fromProposal));
      await appendAudit({ ...s, db: tx }, { organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'dilemma.proposal.rewritten', caseId: null, detail: { proposal: target.fromProposal } });
    }
    return created!.id;
  });
}

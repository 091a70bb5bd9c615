import { and, eq } from 'drizzle-orm';
import { dilemmaProposalCopies, dilemmaProposals } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import type { StaffActor } from '../cases/open-case.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';

/** Not for the library: the sealed text is destroyed, the date stays. */
export async function declineProposal(s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>, actor: StaffActor | null, id: string): Promise<void> {
  authorize(actor, 'learning.curate');
  await s.db.transaction(async (tx) => {
    // Only a panel member who holds a copy (who could read it) may destroy it.
    const [copy] = await tx.select({ userId: dilemmaProposalCopies.userId }).from(dilemmaProposalCopies).where(and(eq(dilemmaProposalCopies.proposalId, requireId(id)), eq(dilemmaProposalCopies.userId, actor.userId)));
    if (!copy) throw new AppError('forbidden');
    const declined = await tx
      .update(dilemmaProposals)
      .set({ status: 'declined' })
      .where(inOrg(actor.organisationId, dilemmaProposals, and(eq(dilemmaProposals.id, requireId(id)), eq(dilemmaProposals.status, 'new'))))
      .returning({ id: dilemmaProposals.id });
    if (declined.length === 0) throw new AppError('conflict');
    await tx.delete(dilemmaProposalCopies).where(eq(dilemmaProposalCopies.proposalId, id));
    await appendAudit({ ...s, db: tx }, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'dilemma.proposal.declined', caseId: null, detail: { proposal: id } });
  });
}

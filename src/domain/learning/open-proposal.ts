import { and, eq } from 'drizzle-orm';
import { openBound } from '../../crypto/bound-seal.js';
import { dilemmaProposalCopies, dilemmaProposals } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import type { StaffActor } from '../cases/open-case.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import type { ProposalListItem } from './list-proposals.js';
import { parseJson } from './facilitated-session.js';
import { proposalBinding, proposalSchema, type ProposalText } from './propose-dilemma.js';

export interface OpenedProposal extends ProposalListItem {
  text: ProposalText;
}

/** A waiting proposal, opened with the panel member's own key; each opening is in the audit trail. */
export async function openProposal(s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>, actor: StaffActor | null, id: string): Promise<OpenedProposal> {
  authorize(actor, 'learning.curate');
  const [proposal] = await s.db.select().from(dilemmaProposals).where(inOrg(actor.organisationId, dilemmaProposals, eq(dilemmaProposals.id, requireId(id))));
  if (!proposal) throw new AppError('not_found');
  if (proposal.status !== 'new') throw new AppError('conflict');
  const [copy] = await s.db.select().from(dilemmaProposalCopies).where(and(eq(dilemmaProposalCopies.proposalId, proposal.id), eq(dilemmaProposalCopies.userId, actor.userId)));
  // Sealed to the panel's admitted readers when it came in: a member admitted later, or anyone else, holds no copy.
  if (!copy || !actor.privateKey) throw new AppError('forbidden');
  const plain = openBound(s.sodium, actor.privateKey, proposalBinding(proposal.id), copy.sealed);
  if (plain === null) throw new AppError('tampered');
  const parsed = proposalSchema.safeParse(parseJson(plain));
  if (!parsed.success) throw new AppError('tampered');
  await appendAudit(s, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'dilemma.proposal.opened', caseId: null, detail: { proposal: proposal.id } });
  return { id: proposal.id, source: proposal.source, receivedOn: proposal.receivedOn, status: proposal.status, text: parsed.data };
}


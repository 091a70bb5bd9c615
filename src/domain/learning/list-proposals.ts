import { desc } from 'drizzle-orm';
import { dilemmaProposals } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';

export interface ProposalListItem {
  id: string;
  source: 'employee' | 'deliberation';
  receivedOn: string;
  status: 'new' | 'rewritten' | 'declined';
}

/** The panel's list: dates and sources only, nothing opened. */
export async function listProposals(s: Pick<Services, 'db'>, actor: StaffActor | null): Promise<ProposalListItem[]> {
  authorize(actor, 'learning.curate');
  return s.db
    .select({ id: dilemmaProposals.id, source: dilemmaProposals.source, receivedOn: dilemmaProposals.receivedOn, status: dilemmaProposals.status })
    .from(dilemmaProposals)
    .where(inOrg(actor.organisationId, dilemmaProposals))
    .orderBy(desc(dilemmaProposals.receivedOn), desc(dilemmaProposals.id))
    .limit(200);
}


import type { Services } from '../../services.js';
import { isAllowed } from '../access/authorize.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import type { CaseView, StaffActor } from './open-case.js';
import { decisionMembersOf } from './decision-members.js';
import { quorumGap, type DecisionQuorum, type QuorumGap } from './decision-quorum.js';
import { decisionOverview, type DecisionOverview } from './joint-decision.js';

export interface DecisionPermissions {
  canDraft: boolean;
  canVote: boolean;
  /** The chair sees the closing section (with the button once the quorum is met, else what is missing). */
  showClose: boolean;
  canClose: boolean;
}

/** The quorum's gap as the page shows it: with the rule, and names instead of ids in `notVoted`. */
export interface QuorumStatus extends QuorumGap {
  rule: DecisionQuorum;
}

export interface DecisionPageModel {
  overview: DecisionOverview;
  may: DecisionPermissions;
  /** Only with an open draft: what the quorum asks and what is still missing. */
  quorum: QuorumStatus | null;
}

/** Everything the decision page shows and offers, decided here so that the page only renders. */
export async function presentDecisionPage(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, actor: StaffActor, view: CaseView): Promise<DecisionPageModel> {
  const overview = await decisionOverview(s, view);
  const open = overview.decisions.find((d) => d.status === 'open');
  const inHandling = view.status === 'in_handling';
  let quorum: QuorumStatus | null = null;
  if (open) {
    const rule: DecisionQuorum = (await getOrganisation(s, actor.organisationId)).decisionQuorum === 'majority' ? 'majority' : 'all';
    const members = await decisionMembersOf(s, view.id);
    const gap = quorumGap(rule, members, open.votes.map((v) => v.userId));
    const names = new Map(members.map((m) => [m.userId, m.name]));
    quorum = { rule, ...gap, notVoted: gap.notVoted.map((id) => names.get(id) ?? '') };
  }
  const showClose = inHandling && !!open && isAllowed(actor, 'cases.decide');
  return {
    overview,
    quorum,
    may: {
      canDraft: inHandling,
      canVote: inHandling && !!open && isAllowed(actor, 'cases.vote') && open.notVoted.some((m) => m.userId === actor.userId),
      showClose,
      canClose: showClose && !!quorum?.met,
    },
  };
}

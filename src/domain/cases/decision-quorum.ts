// When may the chair close a joint decision? One pure rule, set per commission by its chair:
// - 'all': every member (commission member or chair holding a key to the case, not stepped aside)
//   has voted;
// - 'majority': more than half of those members have voted.
// In both, each nominating side (staff representatives, employer, independent) that has members
// among them has at least one vote: the commission is joint ("paritair") only if no side is left
// out. A member without a recorded side counts for the numbers but brings no side of their own.

export const decisionQuorums = ['all', 'majority'] as const;
export type DecisionQuorum = (typeof decisionQuorums)[number];

export const nominatingSides = ['staff_representatives', 'employer', 'independent'] as const;
export type NominatingSide = (typeof nominatingSides)[number];

export interface QuorumMember {
  userId: string;
  nominatedBy: NominatingSide | null;
}

export interface QuorumGap {
  met: boolean;
  /** How many members there are, and how many of them have voted. */
  members: number;
  voted: number;
  /** Votes needed in all (everyone, or more than half). */
  needed: number;
  /** Votes still needed before the numbers are met (0 when they are). */
  moreVotes: number;
  /** Members who have not voted yet (for 'all' each of them is missing; for 'majority' any of them may vote). */
  notVoted: string[];
  /** Sides with members but no vote yet. */
  sidesWithoutVote: NominatingSide[];
}

/**
 * What is missing before a decision may be closed. `votedUserIds` may include people who are no
 * longer members (they stepped aside after voting): their vote stays on record but does not count.
 * With no members at all nothing is met: nobody can decide.
 */
export function quorumGap(rule: DecisionQuorum, members: readonly QuorumMember[], votedUserIds: Iterable<string>): QuorumGap {
  const voters = new Set(votedUserIds);
  const votedMembers = members.filter((m) => voters.has(m.userId));
  const needed = rule === 'all' ? members.length : Math.floor(members.length / 2) + 1;
  const moreVotes = Math.max(0, needed - votedMembers.length);
  const sidesWithoutVote = nominatingSides.filter((side) => members.some((m) => m.nominatedBy === side) && !votedMembers.some((m) => m.nominatedBy === side));
  return {
    met: members.length > 0 && moreVotes === 0 && sidesWithoutVote.length === 0,
    members: members.length,
    voted: votedMembers.length,
    needed,
    moreVotes,
    notVoted: members.filter((m) => !voters.has(m.userId)).map((m) => m.userId),
    sidesWithoutVote,
  };
}

import { describe, expect, it } from 'vitest';
import { quorumGap, type DecisionQuorum, type NominatingSide, type QuorumMember } from './decision-quorum.js';

const m = (userId: string, nominatedBy: NominatingSide | null = null): QuorumMember => ({ userId, nominatedBy });
// A paritair commission: two from the staff side, two from the employer, an independent chair.
const commission = [m('s1', 'staff_representatives'), m('s2', 'staff_representatives'), m('e1', 'employer'), m('e2', 'employer'), m('chair', 'independent')];

const table: Array<{ name: string; rule: DecisionQuorum; members: QuorumMember[]; voted: string[]; met: boolean; moreVotes: number; notVoted?: string[]; sides?: NominatingSide[] }> = [
  { name: 'all: everyone voted', rule: 'all', members: commission, voted: ['s1', 's2', 'e1', 'e2', 'chair'], met: true, moreVotes: 0, notVoted: [], sides: [] },
  { name: 'all: one missing', rule: 'all', members: commission, voted: ['s1', 's2', 'e1', 'e2'], met: false, moreVotes: 1, notVoted: ['chair'], sides: ['independent'] },
  { name: 'all: nobody voted', rule: 'all', members: commission, voted: [], met: false, moreVotes: 5, sides: ['staff_representatives', 'employer', 'independent'] },
  { name: 'majority: 3 of 5 with every side', rule: 'majority', members: commission, voted: ['s1', 'e1', 'chair'], met: true, moreVotes: 0, notVoted: ['s2', 'e2'], sides: [] },
  { name: 'majority: 3 of 5, the staff side silent', rule: 'majority', members: commission, voted: ['e1', 'e2', 'chair'], met: false, moreVotes: 0, sides: ['staff_representatives'] },
  { name: 'majority: 2 of 5 is not more than half', rule: 'majority', members: commission, voted: ['s1', 'e1'], met: false, moreVotes: 1, sides: ['independent'] },
  { name: 'majority: 2 of 4 is not more than half', rule: 'majority', members: commission.slice(0, 4), voted: ['s1', 'e1'], met: false, moreVotes: 1, sides: [] },
  { name: 'majority: 3 of 4 is', rule: 'majority', members: commission.slice(0, 4), voted: ['s1', 'e1', 'e2'], met: true, moreVotes: 0, sides: [] },
  { name: 'a vote of someone who stepped aside does not count', rule: 'all', members: commission.slice(1), voted: ['s1', 's2', 'e1', 'e2', 'chair'], met: true, moreVotes: 0, notVoted: [] },
  { name: 'a lone chair decides alone', rule: 'all', members: [m('chair')], voted: ['chair'], met: true, moreVotes: 0 },
  { name: 'members without a side count for the numbers only', rule: 'majority', members: [m('a'), m('b'), m('c', 'employer')], voted: ['c', 'a'], met: true, moreVotes: 0, sides: [] },
  { name: 'members without a side: a side that has members still needs a vote', rule: 'majority', members: [m('a'), m('b'), m('c', 'employer')], voted: ['a', 'b'], met: false, moreVotes: 0, sides: ['employer'] },
  { name: 'nobody to decide: never met', rule: 'all', members: [], voted: [], met: false, moreVotes: 0 },
  { name: 'nobody to decide under majority either', rule: 'majority', members: [], voted: ['x'], met: false, moreVotes: 1 },
];

describe('the quorum of a joint decision', () => {
  for (const row of table) {
    it(row.name, () => {
      const gap = quorumGap(row.rule, row.members, row.voted);
      expect(gap.met).toBe(row.met);
      expect(gap.moreVotes).toBe(row.moreVotes);
      if (row.notVoted) expect(gap.notVoted).toEqual(row.notVoted);
      if (row.sides) expect(gap.sidesWithoutVote).toEqual(row.sides);
    });
  }
});

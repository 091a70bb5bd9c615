import { asc, count, eq } from 'drizzle-orm';
import { openFromSelf } from '../../crypto/bound-seal.js';
import { displayJoinCode } from '../../crypto/team-codes.js';
import { organisations, teamParticipants, teamRounds } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import type { StaffActor } from '../cases/open-case.js';
import { distributionOf, type Distribution } from './distribution.js';
import { facilitatedSession, openConclusions } from './facilitated-session.js';
import { localiseDilemma, type LocalDilemma } from './localise.js';
import { joinCodeBinding } from './start-team-session.js';

export interface FacilitatorRound {
  round: number;
  dilemma: LocalDilemma;
  /** Hidden while the round is open (nobody is steered by the first votes) and below the minimum. */
  distribution: Distribution | null;
  votes: number;
  conclusion: string;
}

export interface FacilitatorView {
  id: string;
  title: string;
  state: 'waiting' | 'voting' | 'discussing' | 'ended';
  kept: boolean;
  /** Shown while the session runs; null once it ended. */
  code: string | null;
  participants: number;
  round: number;
  rounds: FacilitatorRound[];
  createdAt: Date;
  /** What the buttons may do now. */
  can: { open: boolean; close: boolean; next: boolean; end: boolean; keep: boolean; conclude: boolean };
}

/** The facilitator's screen: the code to show, who joined, the round, and each closed round's distribution. */
export async function viewTeamSession(s: Pick<Services, 'db' | 'sodium'>, actor: StaffActor | null, id: string, lang: Language): Promise<FacilitatorView> {
  authorize(actor, 'learning.facilitate');
  const session = await facilitatedSession(s, actor, id);
  const rounds = await s.db.select().from(teamRounds).where(eq(teamRounds.sessionId, session.id)).orderBy(asc(teamRounds.position));
  const [joined] = await s.db.select({ n: count() }).from(teamParticipants).where(eq(teamParticipants.sessionId, session.id));
  const [org] = await s.db.select({ minimum: organisations.dilemmaMinCount }).from(organisations).where(inOrg(actor.organisationId, organisations));
  const code = session.codeSealed && actor.privateKey ? openFromSelf(s.sodium, actor.privateKey, joinCodeBinding(session.id), session.codeSealed) : null;
  const conclusions = openConclusions(s, actor.privateKey, session);
  const played = (position: number) => position < session.position || (position === session.position && (session.state === 'discussing' || (session.state === 'ended' && rounds[position]!.counts.some((n) => n > 0))));
  const last = session.position === rounds.length - 1;
  return {
    id: session.id,
    title: session.title,
    state: session.state,
    kept: session.kept,
    code: session.state === 'ended' || !code ? null : displayJoinCode(code),
    participants: joined?.n ?? 0,
    round: session.position + 1,
    rounds: rounds.map((r) => ({
      round: r.position + 1,
      dilemma: localiseDilemma(r.dilemma, lang),
      distribution: played(r.position) ? distributionOf(r.counts, org?.minimum ?? 5) : null,
      votes: r.counts.reduce((a, b) => a + b, 0),
      conclusion: conclusions[String(r.position)] ?? '',
    })),
    createdAt: session.createdAt,
    can: {
      open: session.state === 'waiting',
      close: session.state === 'voting',
      next: session.state === 'discussing' && !last,
      end: session.state !== 'ended',
      keep: session.state === 'ended' && !session.kept,
      conclude: session.state === 'discussing' || session.state === 'ended',
    },
  };
}

import { and, eq } from 'drizzle-orm';
import { organisations, teamRounds } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Language } from '../../i18n/index.js';
import type { Services } from '../../services.js';
import { distributionOf, type Distribution } from './distribution.js';
import { localiseDilemma, type LocalDilemma } from './localise.js';
import { findParticipant } from './team-participant.js';

export type ParticipantView =
  | { state: 'gone' }
  | { state: 'waiting'; title: string; round: number; rounds: number }
  | { state: 'voting'; title: string; round: number; rounds: number; dilemma: LocalDilemma; voted: boolean }
  | { state: 'discussing'; title: string; round: number; rounds: number; dilemma: LocalDilemma; distribution: Distribution };

/** What a participant's screen shows now; 'gone' when the session ended or the browser never joined. */
export async function viewTeamParticipant(s: Pick<Services, 'db' | 'now' | 'sodium'>, organisationId: string, token: string | undefined, lang: Language): Promise<ParticipantView> {
  const found = await findParticipant(s, organisationId, token);
  if (!found) return { state: 'gone' };
  const session = found.session;
  const rounds = await s.db.select({ position: teamRounds.position }).from(teamRounds).where(eq(teamRounds.sessionId, session.id));
  const base = { title: session.title, round: session.position + 1, rounds: rounds.length };
  if (session.state === 'waiting' || session.state === 'ended') return { state: 'waiting', ...base };
  const [round] = await s.db.select().from(teamRounds).where(and(eq(teamRounds.sessionId, session.id), eq(teamRounds.position, session.position)));
  if (!round) return { state: 'waiting', ...base };
  const dilemma = localiseDilemma(round.dilemma, lang);
  if (session.state === 'voting') return { state: 'voting', ...base, dilemma, voted: found.votedPosition >= session.position };
  const [org] = await s.db.select({ minimum: organisations.dilemmaMinCount }).from(organisations).where(inOrg(organisationId, organisations));
  return { state: 'discussing', ...base, dilemma, distribution: distributionOf(round.counts, org?.minimum ?? 5) };
}

import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { caseDecisions, caseRecommendations, decisionVotes, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { AppError, refusal } from '../errors.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { requireId } from '../ids.js';
import type { CaseView, StaffActor } from './open-case.js';
import { validate } from '../validate.js';
import { caseStep, entryTarget } from './case-step.js';
import { decisionMembersOf } from './decision-members.js';
import { requireAdmittedAs } from '../admission/admitted-readers.js';
import { quorumGap } from './decision-quorum.js';
import { insertSealedEntry } from './insert-entry.js';
import { mailNotices, noticeTo } from '../admission/announce.js';

export const decisionOutcomes = ['founded', 'partly_founded', 'unfounded', 'not_established', 'referred'] as const;
export { nominatingSides } from './decision-quorum.js';

const text = (max: number) => z.string().trim().max(max, { error: 'errors.field.tooLong' });

export const draftSchema = z.object({
  outcome: z.enum(decisionOutcomes, { error: 'errors.choice.required' }),
  conclusion: text(20_000).min(1, { error: 'errors.field.required' }),
});
// Agreeing may carry a remark; a dissent must say why.
export const voteSchema = z
  .object({ position: z.enum(['agree', 'dissent'], { error: 'errors.choice.required' }), reason: text(10_000) })
  .refine((v) => v.position === 'agree' || v.reason.length > 0, { path: ['reason'], error: 'errors.dissent.reason' });
export const recommendationSchema = z.object({
  addressee: text(500).min(1, { error: 'errors.field.required' }),
  text: text(10_000).min(1, { error: 'errors.field.required' }),
});

/** A draft conclusion; a new draft replaces an open one (whose votes stay with it, as history). */
export async function draftDecision(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(draftSchema, input);
  const decisionId = randomUUID();
  await caseStep(s, actor, caseId, ['in_handling'], 'decision.drafted', async ({ tx, current, at }) => {
    await tx.update(caseDecisions).set({ status: 'superseded' }).where(and(eq(caseDecisions.caseId, caseId), eq(caseDecisions.status, 'open')));
    await tx.insert(caseDecisions).values({ id: decisionId, caseId, status: 'open', outcome: form.outcome, draftedBy: actor!.userId, draftedAt: at });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'decision-draft', decisionId, ...form });
    return {};
  }, { decision: decisionId, outcome: form.outcome });
}

async function openDecision(tx: Parameters<Parameters<Services['db']['transaction']>[0]>[0], caseId: string, decisionId: string) {
  const [decision] = await tx.select().from(caseDecisions).where(and(eq(caseDecisions.id, decisionId), eq(caseDecisions.caseId, caseId))).for('update');
  if (!decision || decision.status !== 'open') throw new AppError('conflict');
  return decision;
}

/** A member agrees or dissents, once per draft; their nominating side is recorded with the vote. */
export async function voteOnDecision(s: Services, actor: StaffActor | null, caseId: string, decisionId: string, input: unknown): Promise<void> {
  const form = validate(voteSchema, input);
  requireId(decisionId);
  let told: string[] = [];
  await caseStep(s, actor, caseId, ['in_handling'], 'decision.vote', async ({ tx, current, at }) => {
    await openDecision(tx, caseId, decisionId);
    // Only a member the commission admitted votes, whatever roles the account row carries.
    const members = await decisionMembersOf({ ...s, db: tx }, caseId);
    if (!members.some((m) => m.userId === actor!.userId)) throw refusal('forbidden', 'errors.decision.notMember');
    const [voter] = await tx.select({ nominatedBy: users.nominatedBy }).from(users).where(inOrg(actor!.organisationId, users, eq(users.id, actor!.userId)));
    const inserted = await tx
      .insert(decisionVotes)
      .values({ decisionId, userId: actor!.userId, position: form.position, nominatedBy: voter?.nominatedBy ?? null, at })
      .onConflictDoNothing()
      .returning({ userId: decisionVotes.userId });
    if (inserted.length !== 1) throw new AppError('conflict');
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'decision-vote', decisionId, ...form });
    // The vote that meets the quorum tells the chair that the decision waits for closing.
    const voted = (await tx.select({ userId: decisionVotes.userId }).from(decisionVotes).where(eq(decisionVotes.decisionId, decisionId))).map((v) => v.userId);
    const rule = (await getOrganisation({ db: tx }, actor!.organisationId)).decisionQuorum === 'majority' ? 'majority' : 'all';
    const before = quorumGap(rule, members, voted.filter((id) => id !== actor!.userId));
    if (!before.met && quorumGap(rule, members, voted).met) {
      const chairs = members.filter((m) => m.chair && m.userId !== actor!.userId).map((m) => m.userId);
      told = await noticeTo({ ...s, db: tx }, chairs, 'decision.ready', { number: current.number });
    }
    return {};
  }, { decision: decisionId, position: form.position }, 'cases.vote');
  await mailNotices(s, told);
}

/**
 * The chair closes the decision: the case is concluded with its outcome (the only way a commission
 * case becomes "concluded"). Refused, with the reason, until the commission's quorum is met; the
 * decision page says what is missing. Who voted how is in the audit; dissents stay with the decision.
 */
export async function closeDecision(s: Services, actor: StaffActor | null, caseId: string, decisionId: string): Promise<void> {
  requireId(decisionId);
  let tally = { agree: 0, dissent: 0 };
  let outcome = '';
  let quorum = '';
  await caseStep(s, actor, caseId, ['in_handling'], 'decision.closed', async ({ tx, current, at }) => {
    await requireAdmittedAs({ ...s, db: tx }, actor!, 'commission', 'chair');
    const decision = await openDecision(tx, caseId, decisionId);
    const votes = await tx.select({ userId: decisionVotes.userId, position: decisionVotes.position }).from(decisionVotes).where(eq(decisionVotes.decisionId, decisionId));
    quorum = (await getOrganisation({ db: tx }, actor!.organisationId)).decisionQuorum;
    const members = await decisionMembersOf({ ...s, db: tx }, caseId);
    const gap = quorumGap(quorum === 'majority' ? 'majority' : 'all', members, votes.map((v) => v.userId));
    if (!gap.met) throw refusal('conflict', 'errors.decision.noQuorum');
    // Only votes that count: a member who voted and later stepped aside counts for the quorum no more, nor here.
    const counting = new Set(members.map((m) => m.userId));
    const counted = votes.filter((v) => counting.has(v.userId));
    tally = { agree: counted.filter((v) => v.position === 'agree').length, dissent: counted.filter((v) => v.position === 'dissent').length };
    outcome = decision.outcome;
    await tx.update(caseDecisions).set({ status: 'closed', closedBy: actor!.userId, closedAt: at }).where(eq(caseDecisions.id, decisionId));
    // The timeline shows the decision as taken, with its tally; who voted how stays in the votes.
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'decision-closed', decisionId, outcome, ...tally });
    return { status: 'concluded', outcome: decision.outcome };
  }, () => ({ decision: decisionId, outcome, quorum, ...tally }), 'cases.decide');
}

/** A recommendation, apart from the decision, so that it can be followed up later. */
export async function recordRecommendation(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(recommendationSchema, input);
  const recommendationId = randomUUID();
  await caseStep(s, actor, caseId, ['in_handling', 'concluded', 'feedback_given'], 'recommendation.recorded', async ({ tx, current, at }) => {
    const [latest] = await tx
      .select({ id: caseDecisions.id })
      .from(caseDecisions)
      .where(and(eq(caseDecisions.caseId, caseId), inArray(caseDecisions.status, ['open', 'closed'])))
      .orderBy(desc(caseDecisions.draftedAt))
      .limit(1);
    await tx.insert(caseRecommendations).values({ id: recommendationId, caseId, decisionId: latest?.id ?? null, recordedBy: actor!.userId, recordedAt: at });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'recommendation', recommendationId, ...form });
    return {};
  }, { recommendation: recommendationId });
}

export interface VoteView {
  userId: string;
  name: string;
  nominatedBy: string | null;
  position: 'agree' | 'dissent';
  reason: string;
  at: Date;
}

export interface DecisionView {
  id: string;
  status: 'open' | 'superseded' | 'closed';
  outcome: string;
  conclusion: string;
  draftedBy: string | null;
  draftedAt: Date;
  closedAt: Date | null;
  votes: VoteView[];
  /** Members (see decisionMembersOf) who have not voted on this draft yet. */
  notVoted: Array<{ userId: string; name: string; nominatedBy: string | null }>;
}

export interface DecisionOverview {
  decisions: DecisionView[];
  recommendations: Array<{ id: string; addressee: string; text: string; by: string | null; at: Date; status: string }>;
}

/** The decisions and recommendations of a case: metadata from the tables, texts from the decrypted notes. */
export async function decisionOverview(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, view: CaseView): Promise<DecisionOverview> {
  const rows = await s.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, view.id));
  const voteRows = rows.length
    ? await s.db
        .select({ decisionId: decisionVotes.decisionId, userId: decisionVotes.userId, name: users.displayName, position: decisionVotes.position, nominatedBy: decisionVotes.nominatedBy, at: decisionVotes.at })
        .from(decisionVotes)
        .innerJoin(users, eq(users.id, decisionVotes.userId))
        .where(inOrg(view.handledBy, users, inArray(decisionVotes.decisionId, rows.map((r) => r.id))))
    : [];
  const members = await decisionMembersOf(s, view.id);
  const notes = view.notes.map((n) => ({ ...n, c: n.content }));
  const decisions = rows
    .sort((a, b) => a.draftedAt.getTime() - b.draftedAt.getTime())
    .map((row): DecisionView => {
      const draft = notes.find((n) => n.c.type === 'decision-draft' && n.c.decisionId === row.id);
      const votes = voteRows
        .filter((v) => v.decisionId === row.id)
        .map((v) => {
          const note = notes.find((n) => n.c.type === 'decision-vote' && n.c.decisionId === row.id && n.authorUserId === v.userId);
          return { userId: v.userId, name: v.name, nominatedBy: v.nominatedBy, position: v.position, reason: String(note?.c.reason ?? ''), at: v.at };
        });
      const voted = new Set(voteRows.filter((v) => v.decisionId === row.id).map((v) => v.userId));
      return {
        id: row.id,
        status: row.status,
        outcome: row.outcome,
        conclusion: String(draft?.c.conclusion ?? ''),
        draftedBy: draft?.authorName ?? null,
        draftedAt: row.draftedAt,
        closedAt: row.closedAt,
        votes,
        notVoted: row.status === 'open' ? members.filter((m) => !voted.has(m.userId)).map((m) => ({ userId: m.userId, name: m.name, nominatedBy: m.nominatedBy })) : [],
      };
    });
  const statusRows = await s.db.select({ id: caseRecommendations.id, status: caseRecommendations.status }).from(caseRecommendations).where(eq(caseRecommendations.caseId, view.id));
  const recommendations = notes
    .filter((n) => n.c.type === 'recommendation')
    .map((n) => ({ id: String(n.c.recommendationId), addressee: String(n.c.addressee), text: String(n.c.text), by: n.authorName, at: n.createdAt, status: statusRows.find((r) => r.id === n.c.recommendationId)?.status ?? 'open' }));
  return { decisions, recommendations };
}

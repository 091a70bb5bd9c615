import { and, asc, eq } from 'drizzle-orm';
import { identityRequests, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { Actor } from '../access/authorize.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import type { CaseView } from '../cases/open-case.js';
import { isCustodianOf } from './identity-custodian.js';
import { runningRequestStatuses } from './request-identity.js';
import { grantedTerms } from './granted-terms.js';
import { inOrg } from '../../db/scoped.js';

/** Where a request stands, in the words the identity page uses. */
export type IdentityRequestState =
  | 'pending'
  | 'refused'
  | 'awaiting_reporter'
  | 'consented'
  | 'objected'
  | 'withdrawn'
  | 'released_legal_duty'
  | 'released_after_waiting'
  /** Granted before the reporter was asked (earlier versions): released at once. */
  | 'released';

export interface IdentityRequestView {
  id: string;
  requestedBy: string;
  requestedByUserId: string;
  requestedAt: Date;
  reason: string;
  state: IdentityRequestState;
  /** The moment that belongs to the state: waiting until, answered, or released. */
  stateAt: Date | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** What the reporter wrote with their answer, if anything. */
  reporterComment: string | null;
}

export interface IdentityPageModel {
  requests: IdentityRequestView[];
  /** The commission's waiting period, in days (its chair's setting). */
  waitDays: number;
  /** The request the custodian decides now (the oldest pending one), when the viewer is the custodian. */
  decide: { requestId: string; requesterName: string } | null;
  /** The viewer may ask for the name: a confidential report, not known to them, nothing of theirs running. */
  mayAsk: boolean;
}

type Row = typeof identityRequests.$inferSelect;

function stateOf(row: Row): { state: IdentityRequestState; stateAt: Date | null } {
  switch (row.status) {
    case 'pending':
      return { state: 'pending', stateAt: null };
    case 'refused':
      return { state: 'refused', stateAt: row.decidedAt };
    case 'awaiting_reporter':
      return { state: 'awaiting_reporter', stateAt: row.releaseAfter };
    case 'objected':
      return { state: 'objected', stateAt: row.reporterAnsweredAt };
    case 'withdrawn':
      return { state: 'withdrawn', stateAt: null };
    case 'granted':
      return { state: 'released', stateAt: row.decidedAt };
    case 'released':
      if (row.legalDuty) return { state: 'released_legal_duty', stateAt: row.releasedAt };
      if (row.reporterAnswer === 'consent') return { state: 'consented', stateAt: row.releasedAt };
      return { state: 'released_after_waiting', stateAt: row.releasedAt };
  }
}

/** The requests of one case with their reasons (from the sealed notes the viewer has opened). */
export async function identityRequestsOf(s: Pick<Services, 'db'>, view: CaseView): Promise<IdentityRequestView[]> {
  const rows = await s.db
    .select({ request: identityRequests, name: users.displayName })
    .from(identityRequests)
    .innerJoin(users, eq(users.id, identityRequests.requestedBy))
    .where(inOrg(view.handledBy, users, eq(identityRequests.caseId, view.id)))
    .orderBy(asc(identityRequests.requestedAt));
  return rows.map(({ request, name }) => {
    const asked = view.notes.find((n) => n.content.type === 'identity-request' && n.content.requestId === request.id);
    const decided = view.notes.find((n) => n.content.type === 'identity-decision' && n.content.requestId === request.id);
    const answered = view.messages.find((m) => m.type === 'identity-answer' && m.content.requestId === request.id);
    return {
      id: request.id,
      requestedBy: name,
      requestedByUserId: request.requestedBy,
      requestedAt: request.requestedAt,
      reason: String(asked?.content.reason ?? ''),
      ...stateOf(request),
      decisionReason: decided ? String(decided.content.reason ?? '') : null,
      decidedBy: decided?.authorName ?? null,
      decidedAt: request.decidedAt,
      reporterComment: answered?.text ? answered.text : null,
    };
  });
}

/** What the identity page shows and offers to this handler (permissions decided here, not in the view). */
export async function presentIdentityPage(s: Pick<Services, 'db'>, actor: Actor, view: CaseView): Promise<IdentityPageModel> {
  const requests = await identityRequestsOf(s, view);
  const custodian = await isCustodianOf(s, actor, view.id);
  const pending = requests.find((r) => r.state === 'pending');
  const ownRunning = requests.some((r) => r.requestedByUserId === actor.userId && (runningRequestStatuses as readonly string[]).includes(r.state));
  return {
    requests,
    waitDays: (await getOrganisation(s, actor.organisationId)).identityWaitDays,
    decide: custodian && pending ? { requestId: pending.id, requesterName: pending.requestedBy } : null,
    mayAsk: view.anonymity !== 'anonymous' && !view.identity && !custodian && !ownRunning && view.status !== 'closed',
  };
}

/** A granted request that waits for the reporter's answer, as the reporter sees it. */
export interface IdentityQuestion {
  requestId: string;
  requester: string;
  reason: string;
  answerBy: Date;
  /** False once the waiting period is over (the name is then released, by the job or on the next visit). */
  open: boolean;
}

/** The questions about their name that wait for this reporter (their own case only). */
export async function identityQuestionsFor(s: Pick<Services, 'db' | 'now' | 'sodium' | 'serverKeys'>, view: CaseView): Promise<IdentityQuestion[]> {
  const rows = await s.db
    .select()
    .from(identityRequests)
    .where(and(eq(identityRequests.caseId, view.id), eq(identityRequests.status, 'awaiting_reporter')))
    .orderBy(asc(identityRequests.decidedAt));
  const now = s.now();
  const questions: IdentityQuestion[] = [];
  for (const row of rows) {
    const asked = view.messages.find((m) => m.type === 'identity-question' && m.content.requestId === row.id);
    // The terms the custodian granted, from the audit chain: an edited row hides no question.
    const terms = await grantedTerms(s, view.id, row.id);
    if (!asked || !terms || terms.legalDuty || !terms.releaseAfter) continue;
    questions.push({ requestId: row.id, requester: String(asked.content.requester ?? ''), reason: String(asked.content.reason ?? ''), answerBy: terms.releaseAfter, open: terms.releaseAfter > now });
  }
  return questions;
}

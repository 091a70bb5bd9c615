import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openSealed, publicKeyOf, sealToPublicKey } from '../../crypto/case-keys.js';
import { caseIdentities, cases, identityRequests, users } from '../../db/schema.js';
import { translator } from '../../i18n/index.js';
import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { notifyReporter } from '../reports/notify-reporter.js';
import type { CaseView, StaffActor } from '../reports/open-case.js';
import { getRoute } from '../routes/get-route.js';
import { validate } from '../validate.js';
import { caseStep, entryTarget } from './case-step.js';
import { insertSealedEntry } from './insert-entry.js';
import { openStatuses } from './lifecycle.js';

const reason = z.string().trim().max(5000, { error: 'errors.field.tooLong' }).min(1, { error: 'errors.field.required' });
export const identityRequestSchema = z.object({ reason });
export const identityDecisionSchema = z.object({ decision: z.enum(['grant', 'refuse'], { error: 'errors.choice.required' }), reason });


async function hasIdentityCopy(db: Db | Tx, caseId: string, userId: string) {
  const rows = await db.select({ userId: caseIdentities.custodianUserId }).from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, userId)));
  return rows.length === 1;
}

/** The custodian is whoever holds an identity copy by role on this route (not someone it was disclosed to). */
export async function isCustodianOf(s: Pick<Services, 'db'>, actor: StaffActor, caseId: string): Promise<boolean> {
  const [row] = await s.db.select({ route: cases.routeCode }).from(cases).where(eq(cases.id, caseId));
  if (!row) return false;
  const { route } = await getRoute(s as Services, row.route);
  return actor.roles.some((r) => route.custodianRoles.includes(r as Role)) && (await hasIdentityCopy(s.db, caseId, actor.userId));
}

/** A handler who needs to know who the reporter is asks, with a reason, the identity custodian. */
export async function requestIdentity(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(identityRequestSchema, input);
  const requestId = randomUUID();
  await caseStep(s, actor, caseId, openStatuses, 'identity.requested', async ({ tx, current, at }) => {
    const [row] = await tx.select({ anonymity: cases.anonymity }).from(cases).where(eq(cases.id, caseId));
    // Nothing to ask for an anonymous report, nor by someone who can already see it.
    if (row?.anonymity === 'anonymous' || (await hasIdentityCopy(tx, caseId, actor!.userId))) throw new AppError('conflict');
    const pending = await tx
      .select({ id: identityRequests.id })
      .from(identityRequests)
      .where(and(eq(identityRequests.caseId, caseId), eq(identityRequests.requestedBy, actor!.userId), eq(identityRequests.status, 'pending')));
    if (pending.length > 0) throw new AppError('conflict');
    await tx.insert(identityRequests).values({ id: requestId, caseId, requestedBy: actor!.userId, requestedAt: at });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'identity-request', requestId, reason: form.reason });
    return {};
  }, { request: requestId });
}

/**
 * The custodian grants or refuses, with a reason. A grant first tells the reporter, in their
 * inbox, that their identity is being shared, with whom and why (the law requires this before
 * disclosure); only then is the identity sealed to the requester's key, in the same transaction.
 */
export async function decideIdentityRequest(s: Services, actor: StaffActor | null, caseId: string, requestId: string, input: unknown): Promise<void> {
  const form = validate(identityDecisionSchema, input);
  requireId(requestId);
  if (!actor || !(await isCustodianOf(s, actor, caseId))) throw new AppError('forbidden');
  await caseStep(s, actor, caseId, openStatuses, form.decision === 'grant' ? 'identity.granted' : 'identity.refused', async ({ tx, current, at }) => {
    const [request] = await tx.select().from(identityRequests).where(and(eq(identityRequests.id, requestId), eq(identityRequests.caseId, caseId))).for('update');
    if (!request || request.status !== 'pending') throw new AppError('conflict');
    await tx.update(identityRequests).set({ status: form.decision === 'grant' ? 'granted' : 'refused', decidedBy: actor.userId, decidedAt: at }).where(eq(identityRequests.id, requestId));
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor, current, at, 'note'), 'note', { type: 'identity-decision', requestId, ...form });
    if (form.decision === 'refuse') return {};

    const [requester] = await tx.select({ name: users.displayName, publicKey: users.publicKey }).from(users).where(eq(users.id, request.requestedBy));
    const [own] = await tx.select().from(caseIdentities).where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, actor.userId)));
    if (!requester?.publicKey || !own || !actor.privateKey) throw new AppError('conflict');
    const identity = openSealed(s.sodium, publicKeyOf(s.sodium, actor.privateKey), actor.privateKey, own.sealedIdentity);
    if (!identity) throw new AppError('tampered');
    const language = current.language === 'en' ? 'en' : 'nl';
    const told = translator(language)('identity.reporterMessage', { name: requester.name, reason: form.reason });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor, current, at), 'message', { type: 'identity-disclosure', text: told });
    await tx.insert(caseIdentities).values({ caseId, custodianUserId: request.requestedBy, sealedIdentity: sealToPublicKey(s.sodium, requester.publicKey, identity) });
    return {};
  }, { request: requestId }, 'cases.read');
  if (form.decision === 'grant') await notifyReporter(s, caseId);
}

export interface IdentityRequestView {
  id: string;
  requestedBy: string;
  requestedByUserId: string;
  requestedAt: Date;
  reason: string;
  status: 'pending' | 'granted' | 'refused';
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export async function identityRequestsOf(s: Pick<Services, 'db'>, view: CaseView): Promise<IdentityRequestView[]> {
  const rows = await s.db
    .select({ id: identityRequests.id, requestedBy: identityRequests.requestedBy, name: users.displayName, at: identityRequests.requestedAt, status: identityRequests.status, decidedAt: identityRequests.decidedAt })
    .from(identityRequests)
    .innerJoin(users, eq(users.id, identityRequests.requestedBy))
    .where(eq(identityRequests.caseId, view.id));
  return rows
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((row) => {
      const asked = view.notes.find((n) => n.content.type === 'identity-request' && n.content.requestId === row.id);
      const decided = view.notes.find((n) => n.content.type === 'identity-decision' && n.content.requestId === row.id);
      return {
        id: row.id,
        requestedBy: row.name,
        requestedByUserId: row.requestedBy,
        requestedAt: row.at,
        reason: String(asked?.content.reason ?? ''),
        status: row.status,
        decisionReason: decided ? String(decided.content.reason) : null,
        decidedBy: decided?.authorName ?? null,
        decidedAt: row.decidedAt,
      };
    });
}

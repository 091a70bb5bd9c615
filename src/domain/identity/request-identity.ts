import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { cases, identityRequests } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { caseStep, entryTarget } from '../cases/case-step.js';
import { insertSealedEntry } from '../cases/insert-entry.js';
import { openStatuses } from '../cases/lifecycle.js';
import { AppError } from '../errors.js';
import type { StaffActor } from '../cases/open-case.js';
import { validate } from '../validate.js';
import { custodiansOf, holdsIdentityCopy } from './identity-custodian.js';
import { mailNotices, noticeTo } from '../admission/announce.js';
import { identityRequestSchema } from './schemas.js';

/** Requests still running: the custodian has to decide, or the reporter has to answer. */
export const runningRequestStatuses = ['pending', 'awaiting_reporter'] as const;

/**
 * A handler who needs to know who the reporter is asks the identity custodian, with a reason. The
 * reason is an internal note (handlers only): the reporter later reads the custodian's reason.
 */
export async function requestIdentity(s: Services, actor: StaffActor | null, caseId: string, input: unknown): Promise<void> {
  const form = validate(identityRequestSchema, input);
  const requestId = randomUUID();
  let told: string[] = [];
  await caseStep(s, actor, caseId, openStatuses, 'identity.requested', async ({ tx, current, at }) => {
    const [row] = await tx.select({ anonymity: cases.anonymity }).from(cases).where(inCommission(actor!.organisationId, cases, eq(cases.id, caseId)));
    // Nothing to ask for an anonymous report, nor by someone who can already see the name.
    if (row?.anonymity === 'anonymous' || (await holdsIdentityCopy(tx, caseId, actor!.userId))) throw new AppError('conflict');
    // One running request per handler: a second would ask the reporter twice for the same thing.
    const running = await tx
      .select({ id: identityRequests.id })
      .from(identityRequests)
      .where(and(eq(identityRequests.caseId, caseId), eq(identityRequests.requestedBy, actor!.userId), inArray(identityRequests.status, [...runningRequestStatuses])));
    if (running.length > 0) throw new AppError('conflict');
    await tx.insert(identityRequests).values({ id: requestId, caseId, requestedBy: actor!.userId, requestedAt: at });
    await insertSealedEntry(tx, s.sodium, entryTarget(caseId, actor!, current, at, 'note'), 'note', { type: 'identity-request', requestId, reason: form.reason });
    // The custodian decides, so the custodian is told: on the staff home page, and by a content-free mail.
    told = await noticeTo({ ...s, db: tx }, await custodiansOf(tx, caseId), 'identity.requested', { number: current.number });
    return {};
  }, { request: requestId });
  await mailNotices(s, told);
}

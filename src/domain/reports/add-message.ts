import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sealEntry } from '../../crypto/case-keys.js';
import { caseEntries, cases } from '../../db/schema.js';
import { inCommission, inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { AppError, fieldError } from '../errors.js';
import { prepareUploads, type IncomingFile } from '../files/prepare-upload.js';
import { storeAttachments } from '../files/store-attachments.js';
import { validate } from '../validate.js';
import { unsafeHandlerCaseKeys, type StaffActor } from '../cases/open-case.js';
import { messageSchema } from './schemas.js';
import { notifyReporter } from './notify-reporter.js';
import { handlingOrganisationOf } from '../cases/handling-organisation.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireId } from '../ids.js';

/** A message, files, or both; an empty message without files is refused. */
async function storeMessage(s: Services, organisationId: string, caseId: string, author: 'reporter' | 'handler', authorUserId: string | null, text: string, files: IncomingFile[]) {
  const prepared = await prepareUploads(files, s.config.uploadMaxBytes);
  if (!text && prepared.length === 0) throw fieldError('text', 'errors.message.empty');
  // The reporter reaches the case at the organisation it concerns (organisationId is the session's);
  // a handler through the commission that handles it (organisationId is the handler's).
  const [row] = await s.db
    .select({ publicKey: cases.publicKey })
    .from(cases)
    .where(author === 'reporter' ? inOrg(organisationId, cases, eq(cases.id, caseId)) : inCommission(organisationId, cases, eq(cases.id, caseId)));
  if (!row) throw new AppError('not_found');
  const id = randomUUID();
  const now = s.now();
  const sealed = sealEntry(s.sodium, row.publicKey, { caseId, entryId: id, kind: 'message' }, s.sodium.from_string(JSON.stringify({ text })));
  await s.db.transaction(async (tx) => {
    if (text) await tx.insert(caseEntries).values({ id, caseId, kind: 'message', author, authorUserId, ...sealed, createdAt: now });
    await storeAttachments(tx, s.sodium, { caseId, casePublicKey: row.publicKey, author, authorUserId, at: now }, prepared);
    await appendAudit({ ...s, db: tx }, { organisationId: await handlingOrganisationOf(tx, caseId), actorKind: author === 'reporter' ? 'reporter' : 'staff', actorUserId: authorUserId, action: 'message.added', caseId, detail: { text: !!text, files: prepared.length } });
    await tx
      .update(cases)
      .set(author === 'reporter' ? { lastReporterActivityAt: now } : { lastHandlerActivityAt: now })
      .where(author === 'reporter' ? inOrg(organisationId, cases, eq(cases.id, caseId)) : inCommission(organisationId, cases, eq(cases.id, caseId)));
  });
}

export async function addReporterMessage(s: Services, session: { caseId: string; organisationId: string }, input: unknown, files: IncomingFile[] = []): Promise<void> {
  const { text } = validate(messageSchema, input);
  await storeMessage(s, session.organisationId, session.caseId, 'reporter', null, text, files);
}

/** A handler writes to the reporter; only someone who holds the case key may. */
export async function addHandlerMessage(s: Services, actor: StaffActor | null, caseId: string, input: unknown, files: IncomingFile[] = []): Promise<void> {
  authorize(actor, 'cases.read');
  requireId(caseId);
  const { text } = validate(messageSchema, input);
  await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  await storeMessage(s, actor.organisationId, caseId, 'handler', actor.userId, text, files);
  await notifyReporter(s, caseId);
}

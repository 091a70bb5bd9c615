import { randomUUID } from 'node:crypto';
import { createCaseKeyPair, sealCaseKeyForReceipt, sealEntry, sealIdentity, sealToPublicKey } from '../../crypto/case-keys.js';
import { deriveReceiptSecrets, newReceipt, normaliseReceipt } from '../../crypto/receipts.js';
import { caseEntries, caseIdentities, caseKeys, cases, reportSubmissions } from '../../db/schema.js';
import { receiptOfEarlierSend, submissionRow } from './repeated-send.js';
import { DRAFT_HOURS } from './report-draft.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { getRoute } from '../routes/get-route.js';
import { admittedReadersOfRoute } from '../admission/admitted-readers.js';
import { validate } from '../validate.js';
import { KdfBusyError } from '../../crypto/kdf-pool.js';
import { hasDatabaseCode, UNIQUE_VIOLATION } from '../../db/database-errors.js';
import { checkAllAnswers } from './check-answers.js';
import { getReceiptSalt } from './receipt-salt.js';
import { submitReportSchema } from './schemas.js';
import { sealNotifyEmail } from './notify-reporter.js';
import { appendAudit } from '../audit/append-audit.js';
import { prepareUploads, type IncomingFile } from '../files/prepare-upload.js';
import { storeAttachments } from '../files/store-attachments.js';
import { takeCaseNumber } from '../cases/case-number.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import { dueOn } from '../cases/due-on.js';
import { localDate } from './deadlines.js';

/**
 * Stores a report so that only the route's handlers and the reporter (through the receipt) can
 * read it. Everything written is encrypted here, before the single transaction that stores it.
 * Returns the receipt, which exists nowhere else afterwards.
 */
export async function submitReport(
  s: Services,
  /** The organisation the report is made at (the request's); its route decides who reads it. */
  organisationId: string,
  input: unknown,
  files: IncomingFile[] = [],
  /** Set when the secretariat enters an oral report on the reporter's behalf ("operator mode"). */
  operator: { userId: string } | null = null,
  /** The report form's draft nonce: the same draft sent twice stores one report and gives one receipt. */
  nonce: string | null = null,
  /** Whose body read the route when the reporter saw its readers: if another body reads it now, the send is refused once. */
  expectedReaders: string | null = null,
): Promise<{ receipt: string; caseId: string | null; repeated: boolean; files: number | null }> {
  if (nonce) {
    const earlier = await receiptOfEarlierSend(s, nonce);
    if (earlier) return { receipt: earlier, caseId: null, repeated: true, files: null };
  }
  try {
    return { ...(await storeReport(s, organisationId, input, files, operator, nonce, expectedReaders)), repeated: false };
  } catch (error) {
    // A double click: the other request stored the same draft a moment ago (its row blocked ours).
    const earlier = nonce && hasDatabaseCode(error, [UNIQUE_VIOLATION]) ? await receiptOfEarlierSend(s, nonce) : null;
    if (earlier) return { receipt: earlier, caseId: null, repeated: true, files: null };
    throw error;
  }
}

async function storeReport(
  s: Services,
  organisationId: string,
  input: unknown,
  files: IncomingFile[],
  operator: { userId: string } | null,
  nonce: string | null,
  expectedReaders: string | null,
): Promise<{ receipt: string; caseId: string; files: number; number: string }> {
  const form = validate(submitReportSchema, input);
  const { route, version, definition } = await getRoute(s, organisationId, form.route);
  // A shared commission began or ended while the person was writing: they were shown other readers.
  if (expectedReaders && expectedReaders !== route.bodyOrganisationId) throw new AppError('route_unavailable', [{ field: 'form', message: 'errors.route.readersChanged' }]);
  const answers = checkAllAnswers(definition, form.answers);
  if (form.anonymity !== 'anonymous' && !form.identity) throw new AppError('validation', [{ field: 'name', message: 'errors.field.required' }]);

  const sets = await admittedReadersOfRoute(s, route);
  const handlers = sets.readers.map((m) => ({ id: m.userId, publicKey: m.boxPublicKey }));
  // Storing what nobody can read would be worse than refusing: the reporter must go elsewhere.
  if (handlers.length === 0) throw new AppError('route_unavailable', [{ field: 'form', message: 'errors.route.noHandlers' }]);
  // "Confidential": only the route's identity custodian holds the name. "Open": every handler of
  // the case holds it (and the custodian, should that be someone else).
  const custodians = form.anonymity === 'confidential' ? sets.custodians.map((m) => ({ id: m.userId, publicKey: m.boxPublicKey })) : [];
  if (form.anonymity === 'confidential' && custodians.length === 0) {
    throw new AppError('route_unavailable', [{ field: 'anonymity', message: 'errors.route.noCustodian' }]);
  }
  const nameReaders = form.anonymity === 'open' ? handlers : custodians;

  const prepared = await prepareUploads(files, s.config.uploadMaxBytes);

  const receipt = newReceipt(s.sodium);
  const secrets = await deriveReceiptSecrets(s.kdf, s.sodium, normaliseReceipt(receipt)!, await getReceiptSalt(s, organisationId)).catch((error: unknown) => {
    // Too many derivations waiting: refused with a reason, so the form comes back with all that was typed.
    if (error instanceof KdfBusyError) throw new AppError('busy', [{ field: 'form', message: 'errors.busy.text' }], 5);
    throw error;
  });
  const keys = createCaseKeyPair(s.sodium);
  const internal = createCaseKeyPair(s.sodium);
  const caseId = randomUUID();
  const entryId = randomUUID();
  const now = s.now();
  // The year of the case number is the handling organisation's local year.
  const timeZone = await timeZoneOf(s, route.bodyOrganisationId);
  const year = Number(localDate(now, timeZone).slice(0, 4));
  let number = '';
  const sealedAnswers = sealEntry(
    s.sodium,
    keys.publicKey,
    { caseId, entryId, kind: 'answers' },
    s.sodium.from_string(JSON.stringify({ answers, language: form.language })),
  );

  const submission = nonce ? submissionRow(s.sodium, nonce, receipt, new Date(now.getTime() + DRAFT_HOURS * 3600_000)) : null;
  await s.db.transaction(async (tx) => {
    // First, so that a second send of the same draft waits here and then finds this one.
    if (submission) await tx.insert(reportSubmissions).values(submission);
    number = await takeCaseNumber(tx, route.bodyOrganisationId, route.code, year);
    await tx.insert(cases).values({
      id: caseId,
      number,
      organisationId,
      handledBy: route.bodyOrganisationId,
      routeCode: route.code,
      questionnaireVersion: version,
      anonymity: form.anonymity,
      receivedAt: now,
      dueOn: dueOn({ status: 'received', receivedAt: now, acknowledgedAt: null, feedbackExtendedTo: null }, timeZone),
      receiptLookup: secrets.lookup,
      publicKey: keys.publicKey,
      internalPublicKey: internal.publicKey,
      privateKeyByReceipt: sealCaseKeyForReceipt(s.sodium, secrets.key, keys.privateKey),
      notifyEmailSealed: form.notificationEmail ? sealNotifyEmail(s, caseId, form.notificationEmail) : null,
      reporterLanguage: form.language,
      lastReporterActivityAt: now,
      enteredBy: operator ? 'operator' : 'reporter',
    });
    await tx.insert(caseKeys).values(
      handlers.map((h) => ({
        caseId,
        userId: h.id,
        sealedPrivateKey: sealToPublicKey(s.sodium, h.publicKey, keys.privateKey),
        sealedInternalKey: sealToPublicKey(s.sodium, h.publicKey, internal.privateKey),
        grantedAt: now,
      })),
    );
    await tx.insert(caseEntries).values({ id: entryId, caseId, kind: 'answers', author: 'reporter', ...sealedAnswers, createdAt: now });
    await storeAttachments(tx, s.sodium, { caseId, casePublicKey: keys.publicKey, author: 'reporter', authorUserId: null, at: now }, prepared);
    await appendAudit(
      { ...s, db: tx },
      operator
        ? { organisationId: route.bodyOrganisationId, actorKind: 'staff', actorUserId: operator.userId, action: 'report.entered', caseId, detail: { route: route.code, anonymity: form.anonymity, files: prepared.length } }
        : { organisationId: route.bodyOrganisationId, actorKind: 'reporter', actorUserId: null, action: 'report.submitted', caseId, detail: { route: route.code, anonymity: form.anonymity, files: prepared.length } },
    );
    if (form.identity && nameReaders.length > 0) {
      const identity = JSON.stringify(form.identity);
      await tx.insert(caseIdentities).values(nameReaders.map((c) => ({ caseId, custodianUserId: c.id, sealedIdentity: sealIdentity(s.sodium, c.publicKey, caseId, identity) })));
    }
  });
  keys.privateKey.fill(0);
  internal.privateKey.fill(0);
  return { receipt, caseId, files: prepared.length, number };
}

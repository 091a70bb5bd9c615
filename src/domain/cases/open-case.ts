import { languageOf } from '../../i18n/index.js';
import { shownStatus } from './lifecycle.js';
import { reporterWroteLast } from './reporter-waits.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { openEntry, openIdentity, openSealed, publicKeyOf, type CaseKeyPair } from '../../crypto/case-keys.js';
import { attachments, caseEntries, caseIdentities, caseKeys, cases, users } from '../../db/schema.js';
import { inCommission, inOrg } from '../../db/scoped.js';
import { fromBase64Url } from '../../crypto/encoding.js';
import { decryptFile } from '../../crypto/file-stream.js';
import type { AttachmentMeta } from '../files/store-attachments.js';
import { handlingOrganisationOf } from './handling-organisation.js';
import { appendAudit } from '../audit/append-audit.js';
import { declarationOf } from './declarations.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { getOrganisation, timeZoneOf } from '../organisation/get-organisation.js';
import { getRoute } from '../routes/get-route.js';
import type { Answers, QuestionnaireDefinition } from '../routes/questionnaire.js';
import type { RouteRow } from '../routes/get-route.js';
import { computeDeadlines, type Deadlines } from '../reports/deadlines.js';
import type { Identity } from '../reports/schemas.js';
import { requireId } from '../ids.js';
import { releaseDueIdentitiesFor } from '../identity/release-identity.js';

export interface CaseAttachment {
  id: string;
  author: 'reporter' | 'handler';
  name: string;
  mime: string;
  size: number;
  createdAt: Date;
}

/** Handlers only: never decrypted for, nor shown to, the reporter. */
export interface CaseNote {
  id: string;
  authorUserId: string | null;
  authorName: string | null;
  content: Record<string, unknown>;
  createdAt: Date;
}

export interface CaseMessage {
  id: string;
  author: 'reporter' | 'handler';
  text: string;
  /** 'message', or a special message: minutes of a meeting, the reporter's answer to them, a disclosure notice. */
  type: string;
  content: Record<string, unknown>;
  createdAt: Date;
}

/** The decrypted case as both the reporter and its handlers see it; leaves the server only rendered. */
export interface CaseView {
  id: string;
  /** The case number people use (IC-2026-0042). */
  number: string;
  /** The organisation the report concerns, when a shared commission handles it for another one. */
  organisationName: string | null;
  /** The organisation whose commission handles it: its handlers, voters and requesters are accounts there. */
  handledBy: string;
  route: RouteRow;
  definition: QuestionnaireDefinition;
  status: string;
  /** The status as shown to people (an inadmissible report reads "not taken into handling"). */
  shownStatus: string;
  anonymity: 'anonymous' | 'confidential' | 'open';
  receivedAt: Date;
  deadlines: Deadlines;
  /** An extension put feedback beyond the legal term (reports under the law only). */
  beyondLegalTerm: boolean;
  /** Closed, and the reporter wrote after the handlers last did: a message that must not be lost. */
  wroteAfterClosing: boolean;
  timeZone: string;
  answers: Answers;
  language: 'nl' | 'en';
  messages: CaseMessage[];
  attachments: CaseAttachment[];
  notes: CaseNote[];
  /** Only for an identity custodian of a confidential or open case. */
  identity?: Identity;
}

export interface StaffActor extends Actor {
  privateKey: Uint8Array | null;
}

/** Every entry of the case, decrypted; any entry that does not open makes the whole read fail. */
async function decryptEntries(s: Services, caseId: string, keys: CaseKeyPair, internal: CaseKeyPair | null = null) {
  const all = await s.db.select().from(caseEntries).where(eq(caseEntries.caseId, caseId)).orderBy(asc(caseEntries.createdAt), asc(caseEntries.id));
  const entries = internal ? all : all.filter((entry) => entry.kind !== 'note');
  return entries.map((entry) => {
    // Internal notes are sealed to the internal key pair, which the reporter's receipt never opens.
    const plain = openEntry(s.sodium, entry.kind === 'note' ? internal! : keys, { caseId, entryId: entry.id, kind: entry.kind }, entry);
    // A ciphertext that does not open was altered or moved: refuse rather than show half a case.
    if (!plain) throw new AppError('tampered');
    return { entry, content: JSON.parse(s.sodium.to_string(plain)) as Record<string, unknown> };
  });
}

/** One attachment's contents, after checking it belongs to this case and decrypts intact. */
export type Reader = { kind: 'reporter'; userId: null } | { kind: 'staff'; userId: string };

export async function readAttachment(s: Services, reader: Reader, caseId: string, keys: CaseKeyPair, attachmentId: string): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const meta = (await decryptEntries(s, caseId, keys))
    .filter(({ entry }) => entry.kind === 'attachment')
    .map(({ content }) => content as unknown as AttachmentMeta)
    .find((m) => m.attachmentId === attachmentId);
  if (!meta) throw new AppError('not_found');
  const [row] = await s.db.select().from(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.caseId, caseId)));
  const key = fromBase64Url(meta.key);
  const bytes = row && key ? decryptFile(s.sodium, key, row.header, row.ciphertext) : null;
  if (!bytes) throw new AppError('tampered');
  await appendAudit(s, { organisationId: await handlingOrganisationOf(s.db, caseId), actorKind: reader.kind, actorUserId: reader.userId, action: 'attachment.downloaded', caseId, detail: { attachment: attachmentId } });
  return { name: meta.name, mime: meta.mime, bytes };
}

/** Every attachment of the case, decrypted, in the order they came (for the case file's zip); the caller audits. */
export async function readAllAttachments(s: Services, caseId: string, keys: CaseKeyPair): Promise<Array<{ name: string; mime: string; bytes: Uint8Array; createdAt: Date }>> {
  const metas = (await decryptEntries(s, caseId, keys)).filter(({ entry }) => entry.kind === 'attachment');
  const rows = new Map((await s.db.select().from(attachments).where(eq(attachments.caseId, caseId))).map((row) => [row.id, row]));
  return metas.map(({ entry, content }) => {
    const meta = content as unknown as AttachmentMeta;
    const row = rows.get(meta.attachmentId);
    const key = fromBase64Url(meta.key);
    const bytes = row && key ? decryptFile(s.sodium, key, row.header, row.ciphertext) : null;
    if (!bytes) throw new AppError('tampered');
    return { name: meta.name, mime: meta.mime, bytes, createdAt: entry.createdAt };
  });
}

/** Who reads the case: the reporter, at the organisation the report concerns, or the commission that handles it. */
type CaseSide = { side: 'reporter' | 'commission'; organisationId: string };

async function decryptCase(s: Services, reader: CaseSide, caseId: string, keys: CaseKeyPair, internal: CaseKeyPair | null, identity?: Identity): Promise<CaseView> {
  const [row] =
    reader.side === 'reporter'
      ? await s.db.select().from(cases).where(inOrg(reader.organisationId, cases, eq(cases.id, caseId)))
      : await s.db.select().from(cases).where(inCommission(reader.organisationId, cases, eq(cases.id, caseId)));
  if (!row) throw new AppError('not_found');
  if (s.sodium.to_hex(row.publicKey) !== s.sodium.to_hex(keys.publicKey)) throw new AppError('tampered');
  const { route, definition } = await getRoute(s, row.organisationId, row.routeCode, row.questionnaireVersion);
  let answers: Answers = {};
  let language: 'nl' | 'en' = 'nl';
  const messages: CaseMessage[] = [];
  const files: CaseAttachment[] = [];
  const notes: CaseNote[] = [];
  for (const { entry, content } of await decryptEntries(s, caseId, keys, internal)) {
    if (entry.kind === 'note') {
      notes.push({ id: entry.id, authorUserId: entry.authorUserId, authorName: null, content, createdAt: entry.createdAt });
    } else if (entry.kind === 'answers') {
      answers = (content.answers as Answers | undefined) ?? {};
      language = languageOf(content.language);
    } else if (entry.kind === 'message') {
      messages.push({ id: entry.id, author: entry.author, text: String(content.text ?? ''), type: typeof content.type === 'string' ? content.type : 'message', content, createdAt: entry.createdAt });
    } else {
      const meta = content as unknown as AttachmentMeta;
      files.push({ id: meta.attachmentId, author: entry.author, name: meta.name, mime: meta.mime, size: meta.size, createdAt: entry.createdAt });
    }
  }
  const timeZone = await timeZoneOf(s, row.handledBy);
  return {
    id: row.id,
    number: row.number,
    // A shared commission handles reports of several organisations: the case says whose it is.
    organisationName: row.organisationId === row.handledBy ? null : (await getOrganisation(s, row.organisationId)).name,
    handledBy: row.handledBy,
    route,
    definition,
    status: row.status,
    shownStatus: shownStatus(row.status, row.outcome),
    anonymity: row.anonymity,
    receivedAt: row.receivedAt,
    deadlines: computeDeadlines(row.receivedAt, row.acknowledgedAt, timeZone, row.feedbackExtendedTo),
    beyondLegalTerm: row.beyondLegalTerm,
    wroteAfterClosing: row.status === 'closed' && reporterWroteLast(row.lastReporterActivityAt, row.lastHandlerActivityAt),
    timeZone,
    answers,
    language,
    messages,
    attachments: files,
    notes,
    ...(identity ? { identity } : {}),
  };
}

export async function readCaseAsReporter(s: Services, session: { caseId: string; organisationId: string; casePrivateKey: Uint8Array }): Promise<CaseView> {
  const view = await decryptCase(s, { side: 'reporter', organisationId: session.organisationId }, session.caseId, { privateKey: session.casePrivateKey, publicKey: publicKeyOf(s.sodium, session.casePrivateKey) }, null);
  await appendAudit(s, { organisationId: await handlingOrganisationOf(s.db, session.caseId), actorKind: 'reporter', actorUserId: null, action: 'case.opened', caseId: session.caseId, detail: {} });
  return view;
}

/** The names of the notes' authors: handlers of the commission, so accounts of its organisation. */
async function authorNames(s: Services, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await s.db.select({ id: users.id, name: users.displayName }).from(users).where(inOrg(organisationId, users, inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface HandlerKeys extends CaseKeyPair {
  /** The key pair for internal notes; handlers only. */
  internal: CaseKeyPair | null;
}

/** The case key of a handler: only from their own sealed copy, opened with their session's private key. */
export async function unsafeHandlerCaseKeys(s: Services, actor: StaffActor, caseId: string): Promise<HandlerKeys> {
  if (!actor.privateKey) throw new AppError('unauthenticated');
  const [grant] = await s.db.select().from(caseKeys).where(and(eq(caseKeys.caseId, caseId), eq(caseKeys.userId, actor.userId)));
  // Someone who stepped aside is told so, rather than that their role gives no access.
  if (!grant) throw new AppError((await declarationOf(s, caseId, actor.userId)) === 'recused' ? 'recused' : 'forbidden');
  // No key is used before the handler has declared they have no personal relation to the case.
  if ((await declarationOf(s, caseId, actor.userId)) !== 'no_relation') throw new AppError('declaration_required');
  const ownPublic = publicKeyOf(s.sodium, actor.privateKey);
  const privateKey = openSealed(s.sodium, ownPublic, actor.privateKey, grant.sealedPrivateKey);
  if (!privateKey) throw new AppError('tampered');
  const internalKey = grant.sealedInternalKey ? openSealed(s.sodium, ownPublic, actor.privateKey, grant.sealedInternalKey) : null;
  if (grant.sealedInternalKey && !internalKey) throw new AppError('tampered');
  return {
    privateKey,
    publicKey: publicKeyOf(s.sodium, privateKey),
    internal: internalKey ? { privateKey: internalKey, publicKey: publicKeyOf(s.sodium, internalKey) } : null,
  };
}

export async function readCaseAsHandler(s: Services, actor: StaffActor | null, caseId: string): Promise<CaseView> {
  authorize(actor, 'cases.read');
  requireId(caseId);
  const keys = await unsafeHandlerCaseKeys(s, actor as StaffActor, caseId);
  // A name whose waiting period has passed is released when its requester opens the case, whether or not the job has run yet.
  await releaseDueIdentitiesFor(s, caseId, actor.userId);
  const [sealedIdentity] = await s.db
    .select()
    .from(caseIdentities)
    .where(and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.custodianUserId, actor.userId)));
  let identity: Identity | undefined;
  if (sealedIdentity && (actor as StaffActor).privateKey) {
    const plain = openIdentity(s.sodium, (actor as StaffActor).privateKey!, caseId, sealedIdentity.sealedIdentity);
    if (!plain) throw new AppError('tampered');
    identity = JSON.parse(plain) as Identity;
  }
  const view = await decryptCase(s, { side: 'commission', organisationId: actor.organisationId }, caseId, keys, keys.internal, identity);
  const names = await authorNames(s, actor.organisationId, view.notes.map((n) => n.authorUserId).filter((id): id is string => !!id));
  for (const note of view.notes) note.authorName = note.authorUserId ? (names.get(note.authorUserId) ?? null) : null;
  await appendAudit(s, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'case.opened', caseId, detail: { identityShown: !!identity } });
  return view;
}

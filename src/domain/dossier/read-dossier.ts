import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { appendAudit } from '../audit/append-audit.js';
import { auditRowsOfCase, type AuditRow } from '../audit/list-audit.js';
import { caseFrameOf, type CaseFrame } from '../cases/commission-route.js';
import { timelineOf, type TimelineEntry } from '../cases/timeline.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { readAllAttachments, readCaseAsHandler, unsafeHandlerCaseKeys, type CaseView, type StaffActor } from '../cases/open-case.js';
import { zipSync } from 'fflate';
import type { dossierPurposes } from './produce-dossier.js';

/** A produced file can be printed and downloaded for a day; after that, it is produced again, with a new reason. */
export const DOSSIER_HOURS = 24;

export interface DossierModel {
  id: string;
  producedAt: Date;
  producedBy: string | null;
  purpose: (typeof dossierPurposes)[number];
  reason: string;
  /** The case without the reporter's identity: a file that leaves the commission never carries the name. */
  view: Omit<CaseView, 'identity'>;
  frame: CaseFrame;
  timeline: TimelineEntry[];
  audit: AuditRow[];
}

export type DossierFormat = 'page' | 'pdf' | 'zip';

/** The case and the file's own note, for its producer only, while the file is fresh. */
async function openDossier(s: Services, actor: StaffActor | null, caseId: string, dossierId: string): Promise<{ view: CaseView; note: CaseView['notes'][number] }> {
  authorize(actor, 'cases.dossier');
  requireId(caseId);
  requireId(dossierId);
  const view = await readCaseAsHandler(s, actor, caseId);
  const note = view.notes.find((n) => n.id === dossierId && n.content.type === 'dossier');
  // Someone else's file, or an old one, is produced again: each production has its own reason and notice.
  if (!note || note.authorUserId !== actor.userId || s.now().getTime() - note.createdAt.getTime() > DOSSIER_HOURS * 3_600_000) throw new AppError('not_found');
  return { view, note };
}

const audited = (s: Services, actor: StaffActor, caseId: string, dossierId: string, format: DossierFormat) =>
  appendAudit(s, { organisationId: actor.organisationId, actorKind: 'staff', actorUserId: actor.userId, action: 'dossier.downloaded', caseId, detail: { dossier: dossierId, format } });

/** The case file as a printable page or the source of its PDF: every message, note, decision, vote and intervention, and the case's audit. */
export async function readDossier(s: Services, actor: StaffActor | null, caseId: string, dossierId: string, format: 'page' | 'pdf'): Promise<DossierModel> {
  const { view, note } = await openDossier(s, actor, caseId, dossierId);
  const { identity: _identity, ...withoutIdentity } = view;
  const frame = caseFrameOf(view.route);
  const model: DossierModel = {
    id: dossierId,
    producedAt: note.createdAt,
    producedBy: note.authorName,
    purpose: note.content.purpose as DossierModel['purpose'],
    reason: String(note.content.reason ?? ''),
    view: withoutIdentity,
    frame,
    timeline: timelineOf(view.notes, frame.legalFrame),
    audit: await auditRowsOfCase(s, caseId),
  };
  await audited(s, actor!, caseId, dossierId, format);
  return model;
}

// Path separators, characters Windows refuses, and control characters (by code, so the pattern stays readable).
// Also C1 controls and the direction marks that can make "invoice‮fdp.exe" read as another name.
const unsafeCode = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x200e && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
const safeName = (name: string) => [...name].map((c) => (/[\\/:*?"<>|]/.test(c) || unsafeCode(c.codePointAt(0)!) ? '_' : c)).join('');

/** The case's attachments as one zip, numbered in the order they came, names made safe for any file system. */
export async function downloadDossierAttachments(s: Services, actor: StaffActor | null, caseId: string, dossierId: string): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const { view } = await openDossier(s, actor, caseId, dossierId);
  const files = await readAllAttachments(s, caseId, await unsafeHandlerCaseKeys(s, actor!, caseId));
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  files.forEach((file, index) => {
    const name = `${String(index + 1).padStart(2, '0')}-${safeName(file.name).slice(0, 150) || 'file'}`;
    // Stored, not compressed: attachments are mostly compressed already, and storing costs no CPU.
    entries[name] = [file.bytes, { level: 0, mtime: file.createdAt }];
  });
  await audited(s, actor!, caseId, dossierId, 'zip');
  return { name: `${view.number}.zip`, mime: 'application/zip', bytes: zipSync(entries) };
}

import { asc, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, cases, users } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import { handlingOrganisationOf } from '../cases/handling-organisation.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { caseReference } from '../cases/case-number.js';
import { unsafeVerifyAuditChain, type AuditVerdict } from './verify-audit.js';

export interface AuditRow {
  seq: number;
  at: Date;
  actorKind: 'staff' | 'reporter' | 'system';
  actorName: string | null;
  action: string;
  caseId: string | null;
  /** The case's number, while the case exists (a purged case keeps only its random id here). */
  caseNumber: string | null;
}

export const AUDIT_PAGE_SIZE = 100;
/** An export is bounded: a chain this long is exported in parts, by case or by paging back. */
export const AUDIT_EXPORT_MAX = 50_000;

// From a GET form and paging links: anything unknown is no filter rather than an error.
export const auditQuerySchema = z.object({
  // A case number (IC-2026-0042) or the start of a case's random id, as this page shows them.
  case: z.string().trim().max(60).optional().catch(undefined),
  // Entries before this number: the next page back through the chain.
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional().catch(undefined),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export interface AuditReview {
  verdict: AuditVerdict;
  rows: AuditRow[];
  query: AuditQuery;
  /** The number to page back from, when older entries exist. */
  olderBefore: number | null;
  /** A case filter that names no case: said, never silently ignored. */
  unknownCase: boolean;
}

function caseCondition(query: AuditQuery): SQL | null | 'unknown' {
  if (!query.case) return null;
  const reference = caseReference(query.case);
  if (!reference) return 'unknown';
  if ('number' in reference) return sql`${auditLog.caseId} in (select ${cases.id} from ${cases} where ${cases.number} = ${reference.number})`;
  return sql`${auditLog.caseId}::text like ${`${reference.idPrefix}%`}`;
}

async function auditRows(s: Pick<Services, 'db'>, organisationId: string, query: AuditQuery, limit: number, condition: SQL | null): Promise<AuditRow[]> {
  const rows = await s.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorKind: auditLog.actorKind, actorName: users.displayName, action: auditLog.action, caseId: auditLog.caseId, caseNumber: cases.number })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(cases, eq(cases.id, auditLog.caseId))
    .where(inOrg(organisationId, auditLog, condition ?? undefined, query.before ? lt(auditLog.seq, query.before) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows as AuditRow[];
}

/**
 * For the chair: the verdict over their organisation's whole chain on top, then its entries, newest
 * first, a hundred at a time back to the first, all of them or one case's.
 */
export async function reviewAudit(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'config'>, actor: Actor | null, rawQuery: unknown = {}): Promise<AuditReview> {
  authorize(actor, 'audit.verify');
  const query = auditQuerySchema.parse(rawQuery ?? {});
  const verdict = await unsafeVerifyAuditChain(s, actor.organisationId);
  const condition = caseCondition(query);
  if (condition === 'unknown') return { verdict, rows: [], query, olderBefore: null, unknownCase: true };
  const rows = await auditRows(s, actor.organisationId, query, AUDIT_PAGE_SIZE + 1, condition);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { verdict, rows: page, query, olderBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.seq : null, unknownCase: false };
}

/** The same entries for a spreadsheet (newest first, at most AUDIT_EXPORT_MAX), for the chair only. */
export async function exportAudit(s: Pick<Services, 'db'>, actor: Actor | null, rawQuery: unknown = {}): Promise<AuditRow[]> {
  authorize(actor, 'audit.verify');
  const query = auditQuerySchema.parse(rawQuery ?? {});
  const condition = caseCondition(query);
  if (condition === 'unknown') return [];
  return auditRows(s, actor.organisationId, query, AUDIT_EXPORT_MAX, condition);
}

/**
 * One case's entries, oldest first, for its case file. Not authorized here: the caller has already
 * opened the case with its own key (produce-dossier.ts), and no details leave (as in the export).
 */
export async function auditRowsOfCase(s: Pick<Services, 'db'>, caseId: string): Promise<AuditRow[]> {
  // A case's entries are written to the chain of the commission that handles it.
  const chain = await handlingOrganisationOf(s.db, caseId);
  const rows = await s.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorKind: auditLog.actorKind, actorName: users.displayName, action: auditLog.action, caseId: auditLog.caseId, caseNumber: cases.number })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(cases, eq(cases.id, auditLog.caseId))
    .where(inOrg(chain, auditLog, eq(auditLog.caseId, caseId)))
    .orderBy(asc(auditLog.seq))
    .limit(AUDIT_EXPORT_MAX);
  return rows as AuditRow[];
}

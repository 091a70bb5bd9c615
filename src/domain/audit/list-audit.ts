import { desc, eq } from 'drizzle-orm';
import { auditLog, cases, users } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
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

/** For the chair: the verdict over their organisation's whole chain and its latest entries. */
export async function reviewAudit(s: Pick<Services, 'db' | 'sodium' | 'serverKeys' | 'config'>, actor: Actor | null): Promise<{ verdict: AuditVerdict; rows: AuditRow[] }> {
  authorize(actor, 'audit.verify');
  const verdict = await unsafeVerifyAuditChain(s, actor.organisationId);
  const rows = await s.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorKind: auditLog.actorKind, actorName: users.displayName, action: auditLog.action, caseId: auditLog.caseId, caseNumber: cases.number })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(cases, eq(cases.id, auditLog.caseId))
    .where(eq(auditLog.organisationId, actor.organisationId))
    .orderBy(desc(auditLog.seq))
    .limit(50);
  return { verdict, rows };
}

import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { AppError } from '../errors.js';
import { requireId } from '../ids.js';
import { unsafeHandlerCaseKeys, type StaffActor } from '../cases/open-case.js';

/** What the form that asks for a case file needs: the case's number, for those who may produce its file. */
export async function dossierRequest(s: Services, actor: StaffActor | null, caseId: string): Promise<{ caseId: string; number: string }> {
  authorize(actor, 'cases.dossier');
  requireId(caseId);
  // Only someone who can open the case may ask for its file; the page says nothing of a case they cannot.
  await unsafeHandlerCaseKeys(s, actor, caseId);
  const [row] = await s.db.select({ number: cases.number }).from(cases).where(inCommission(actor.organisationId, cases, eq(cases.id, caseId)));
  if (!row) throw new AppError('not_found');
  return { caseId, number: row.number };
}

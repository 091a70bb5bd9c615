import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { requireId } from '../ids.js';
import { declarationOf } from './declarations.js';
import { holdsKey } from './holds-key.js';
import { readCaseAsHandler, type CaseView, type StaffActor } from './open-case.js';

export type OpenedCase = { declarationNeeded: true } | { declarationNeeded: false; view: CaseView };

/**
 * A handler opening a case page: a key holder who has not yet declared whether they have a personal
 * relation to it is asked that first, and nothing of the case is decrypted until they have.
 */
export async function openCaseForHandler(s: Services, actor: StaffActor | null, caseId: string): Promise<OpenedCase> {
  authorize(actor, 'cases.read');
  requireId(caseId);
  if ((await declarationOf(s, caseId, actor.userId)) === null && (await holdsKey(s, caseId, actor.userId))) return { declarationNeeded: true };
  return { declarationNeeded: false, view: await readCaseAsHandler(s, actor, caseId) };
}

import type { Services } from '../../services.js';
import { authorize } from '../access/authorize.js';
import { requireId } from '../ids.js';
import { readAttachment, unsafeHandlerCaseKeys, type StaffActor } from './open-case.js';

/** One attachment for a handler: opened with their own key copy, checked to belong to the case, audited. */
export async function downloadCaseFile(s: Services, actor: StaffActor | null, caseId: string, fileId: string): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  authorize(actor, 'cases.read');
  requireId(caseId);
  requireId(fileId);
  return readAttachment(s, { kind: 'staff', userId: actor.userId }, caseId, await unsafeHandlerCaseKeys(s, actor, caseId), fileId);
}

import { publicKeyOf } from '../../crypto/case-keys.js';
import type { Services } from '../../services.js';
import { readAttachment } from '../cases/open-case.js';
import { AppError } from '../errors.js';
import { isUuid } from '../ids.js';

/** One attachment for the reporter: opened with the case key their receipt session holds, audited. */
export async function downloadReporterFile(s: Services, session: { caseId: string; casePrivateKey: Uint8Array }, fileId: string): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  if (!isUuid(fileId)) throw new AppError('not_found');
  const keys = { privateKey: session.casePrivateKey, publicKey: publicKeyOf(s.sodium, session.casePrivateKey) };
  return readAttachment(s, { kind: 'reporter', userId: null }, session.caseId, keys, fileId);
}

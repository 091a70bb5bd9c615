import { eq, gt } from 'drizzle-orm';
import { openCaseKeyWithReceipt } from '../../crypto/case-keys.js';
import { deriveReceiptSecrets, normaliseReceipt, receiptBucket } from '../../crypto/receipts.js';
import { openForSession, sealForSession, sessionLookupHash } from '../../crypto/session-secrets.js';
import { isWellFormedToken, newToken } from '../../crypto/tokens.js';
import { cases, reporterSessions } from '../../db/schema.js';
import { inOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { fieldError } from '../errors.js';
import { validate } from '../validate.js';
import { getReceiptSalt } from './receipt-salt.js';
import { releaseReceiptAttempt, reserveReceiptAttempt } from './receipt-throttle.js';
import { receiptInputSchema } from './schemas.js';

export const REPORTER_SESSION_MINUTES = 30;

export interface ReporterSession {
  caseId: string;
  organisationId: string;
  casePrivateKey: Uint8Array;
}

/**
 * The reporter returns with the receipt: one Argon2id derivation finds the case and opens its
 * key. The result is a short session whose token is the only way to that key.
 */
export async function startReporterSession(s: Services, organisationId: string, input: unknown): Promise<{ token: string; caseId: string }> {
  const { receipt } = validate(receiptInputSchema, input);
  const digits = normaliseReceipt(receipt);
  if (!digits) throw fieldError('receipt', 'errors.receipt.format');
  // Guessing budgets per organisation, as receipts are: a flood at one cannot lock out another's reporters.
  const bucket = `${organisationId}:${receiptBucket(digits)}`;
  await reserveReceiptAttempt(s, bucket);
  const secrets = await deriveReceiptSecrets(s.kdf, s.sodium, digits, await getReceiptSalt(s, organisationId));
  const [found] = await s.db
    .select({ id: cases.id, sealed: cases.privateKeyByReceipt })
    .from(cases)
    .where(inOrg(organisationId, cases, eq(cases.receiptLookup, secrets.lookup)));
  const privateKey = found ? openCaseKeyWithReceipt(s.sodium, secrets.key, found.sealed) : null;
  if (!found || !privateKey) throw fieldError('receipt', 'errors.receipt.unknown');
  await releaseReceiptAttempt(s, bucket);
  // Counted in the figures: how many anonymous reporters come back through their receipt.
  await s.db.update(cases).set({ reporterReturned: true }).where(inOrg(organisationId, cases, eq(cases.id, found.id), eq(cases.reporterReturned, false)));
  const token = newToken(s.sodium);
  await s.db.insert(reporterSessions).values({
    idHash: sessionLookupHash(s.sodium, token),
    caseId: found.id,
    privateKeySealed: sealForSession(s.sodium, token, privateKey),
    expiresAt: new Date(s.now().getTime() + REPORTER_SESSION_MINUTES * 60_000),
  });
  return { token, caseId: found.id };
}

/** The reporter's session behind the token, only at the address of the organisation their report was made at. */
export async function resolveReporterSession(
  s: Pick<Services, 'db' | 'sodium' | 'now'>,
  organisationId: string | null,
  token: string | null | undefined,
): Promise<ReporterSession | null> {
  if (!token || !isWellFormedToken(token) || !organisationId) return null;
  const [row] = await s.db
    .select({ caseId: reporterSessions.caseId, privateKeySealed: reporterSessions.privateKeySealed })
    .from(reporterSessions)
    .innerJoin(cases, eq(cases.id, reporterSessions.caseId))
    .where(inOrg(organisationId, cases, eq(reporterSessions.idHash, sessionLookupHash(s.sodium, token)), gt(reporterSessions.expiresAt, s.now())));
  if (!row) return null;
  const casePrivateKey = openForSession(s.sodium, token, row.privateKeySealed);
  return casePrivateKey ? { caseId: row.caseId, organisationId, casePrivateKey } : null;
}

export async function endReporterSession(s: Pick<Services, 'db' | 'sodium'>, token: string | null | undefined): Promise<void> {
  if (!token || !isWellFormedToken(token)) return;
  await s.db.delete(reporterSessions).where(eq(reporterSessions.idHash, sessionLookupHash(s.sodium, token)));
}

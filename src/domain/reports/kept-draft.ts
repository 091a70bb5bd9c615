import { eq } from 'drizzle-orm';
import { openWithKey, sealWithKey } from '../../crypto/aead.js';
import { fromBase64Url } from '../../crypto/encoding.js';
import { reportDrafts } from '../../db/schema.js';
import type { Services } from '../../services.js';
import type { FieldError } from '../errors.js';
import type { DraftRoute, ReportDraft } from './report-draft.js';

// A report draft kept for the browser's Back and Forward buttons. The report form's steps are
// separate addresses (GET /report/:route/:position) so that history holds plain pages a browser
// may fetch again, never a form post it would have to resend; those pages are rebuilt from this
// kept copy. It is found by, and sealed under, keys derived from the browser's pre-session
// cookie, which exists only in that browser: the server alone, a database dump or the server key
// cannot open it, and the quick exit (which deletes the cookie) makes it unreadable for good.
// Pages stay no-store, so no step is written to the browser's disk cache.

export type KeptDraft =
  | { state: 'open'; draft: ReportDraft; position: string; errors: FieldError[] }
  /** Sent: the receipt was shown; Back from it shows that, not the form again. */
  | { state: 'sent' }
  /** Past its life: cannot be sent any more, but what was typed is shown back to copy. */
  | { state: 'expired'; draft: ReportDraft };

type Payload = { draft: ReportDraft; position: string; errors: FieldError[] } | { sent: true };

/** After a draft expires its row stays this long, so that returning the next morning still shows the text. */
export const KEPT_AFTER_EXPIRY_MS = 24 * 3600_000;

export type DraftKeys = { idHash: Uint8Array; key: Uint8Array; context: string };

/** The row's id and sealing key for one browser and one organisation's route; null for a malformed cookie value. */
export function draftKeys(s: Pick<Services, 'sodium'>, preSession: string, route: DraftRoute): DraftKeys | null {
  const secret = fromBase64Url(preSession);
  if (!secret || secret.length !== 32) return null;
  const scope = `${route.organisationId}:${route.code}`;
  const derive = (purpose: string) => s.sodium.crypto_generichash(32, s.sodium.from_string(`tegenspraak:${purpose}:v2:${scope}`), secret);
  return { idHash: derive('kept-draft-id'), key: derive('kept-draft-key'), context: `kept-draft:${scope}` };
}

export function sealPayload(s: Pick<Services, 'sodium'>, keys: DraftKeys, payload: Payload): Uint8Array {
  return sealWithKey(s.sodium, keys.key, s.sodium.from_string(JSON.stringify(payload)), keys.context);
}

/** The kept draft of this browser for this route, or null when there is none (or it was altered). */
export async function findKeptDraft(s: Pick<Services, 'db' | 'sodium' | 'now'>, preSession: string | null, route: DraftRoute): Promise<KeptDraft | null> {
  const keys = preSession ? draftKeys(s, preSession, route) : null;
  if (!keys) return null;
  const [row] = await s.db.select().from(reportDrafts).where(eq(reportDrafts.idHash, keys.idHash));
  if (!row || row.expiresAt.getTime() <= s.now().getTime()) return null;
  const plain = openWithKey(s.sodium, keys.key, row.sealed, keys.context);
  if (!plain) return null;
  const payload = JSON.parse(s.sodium.to_string(plain)) as Payload;
  if ('sent' in payload) return { state: 'sent' };
  if (payload.draft.route !== route.code || payload.draft.organisationId !== route.organisationId) return null;
  if (payload.draft.expiresAt <= s.now().getTime()) return { state: 'expired', draft: payload.draft };
  return { state: 'open', draft: payload.draft, position: payload.position, errors: payload.errors };
}

import { openWithKey, sealWithKey } from '../../crypto/aead.js';
import { fromBase64Url, toBase64Url } from '../../crypto/encoding.js';
import type { Services } from '../../services.js';
import type { Answers } from '../routes/questionnaire.js';
import type { Anonymity, Identity } from './schemas.js';

// Between the steps of the report form nothing is stored: what was typed so far travels in the
// form itself, sealed under the server key so it is unreadable in transit logs and cannot be
// altered, and it expires DRAFT_HOURS after the last step (every step seals it afresh). Only the
// final "send" stores anything.
export const DRAFT_HOURS = 4;

/** A route of one organisation: a draft begun at one organisation's address is nobody's at another's. */
export interface DraftRoute {
  organisationId: string;
  code: string;
  /** Whose body reads the route (a shared commission's organisation, or its own). */
  bodyOrganisationId?: string;
}

export interface ReportDraft {
  organisationId: string;
  route: string;
  version: number;
  anonymity?: Anonymity;
  answers: Answers;
  identity?: Partial<Identity>;
  notifyEmail?: string;
  /** The secretary entering an oral report on the reporter's behalf ("operator mode"). */
  operator?: string;
  /** Random, per draft: sending the same draft twice stores one report (see repeated-send.ts). */
  nonce?: string;
  /** Whose body read the route when the person began (and saw its readers): a change refuses the send once. */
  readers?: string;
  expiresAt: number;
}

type Crypto = Pick<Services, 'sodium' | 'serverKeys' | 'now'>;

export function newDraft(s: Crypto, route: DraftRoute, version: number, operator?: string): ReportDraft {
  return { organisationId: route.organisationId, route: route.code, ...(route.bodyOrganisationId ? { readers: route.bodyOrganisationId } : {}), version, answers: {}, ...(operator ? { operator } : {}), nonce: toBase64Url(s.sodium.randombytes_buf(32)), expiresAt: s.now().getTime() + DRAFT_HOURS * 3600_000 };
}

export function sealDraft(s: Crypto, draft: ReportDraft): string {
  // Sliding: the draft lives as long as the person keeps working.
  draft.expiresAt = s.now().getTime() + DRAFT_HOURS * 3600_000;
  return toBase64Url(sealWithKey(s.sodium, s.serverKeys.forms, s.sodium.from_string(JSON.stringify(draft)), `report-draft:${draft.organisationId}:${draft.route}`));
}

/** The draft from a form, or null when it was altered, belongs to another route or has expired. */
export function openDraft(s: Crypto, value: string, route: DraftRoute): ReportDraft | null {
  const draft = openAnyDraft(s, value, route);
  return draft && draft.expiresAt > s.now().getTime() ? draft : null;
}

/**
 * An expired draft that is otherwise genuine: it cannot be sent any more, but what the person
 * typed is theirs, and is shown back to them to copy rather than lost.
 */
export function openExpiredDraft(s: Crypto, value: string, route: DraftRoute): ReportDraft | null {
  const draft = openAnyDraft(s, value, route);
  return draft && draft.expiresAt <= s.now().getTime() ? draft : null;
}

function openAnyDraft(s: Crypto, value: string, route: DraftRoute): ReportDraft | null {
  const sealed = value.length < 2_000_000 ? fromBase64Url(value) : null;
  const plain = sealed ? openWithKey(s.sodium, s.serverKeys.forms, sealed, `report-draft:${route.organisationId}:${route.code}`) : null;
  if (!plain) return null;
  const draft = JSON.parse(s.sodium.to_string(plain)) as ReportDraft;
  return draft.route === route.code && draft.organisationId === route.organisationId ? draft : null;
}

import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import { bodiesOf, readingBodiesOf, writeNotices } from './announce.js';
import { bodyOfRole, type Body } from './bodies.js';

type Ctx = Pick<Services, 'sodium' | 'serverKeys' | 'now'> & { db: Db | Tx };

export type AccountChange = 'invited' | 'activated' | 'roles' | 'status';

/**
 * Every change to an account is audited with its before and after, and announced to the admitted
 * members of the bodies whose roles it touches: an administrator cannot quietly give someone a
 * reading role. Returns who was told, for the mail after committing.
 */
export async function recordAccountChange(
  s: Ctx,
  organisationId: string,
  actorUserId: string | null,
  account: { id: string; displayName: string; rolesBefore: readonly string[]; rolesAfter: readonly string[] },
  change: AccountChange,
  before: string,
  after: string,
): Promise<string[]> {
  await appendAudit(s, { organisationId, actorKind: actorUserId ? 'staff' : 'system', actorUserId, action: 'account.changed', caseId: null, detail: { user: account.id, change, before, after } });
  const concerned = [...account.rolesBefore, ...account.rolesAfter].map((role) => bodyOfRole[role as Role]).filter((b): b is Body => !!b);
  return writeNotices(s, bodiesOf(organisationId, concerned), 'account.changed', { name: account.displayName, change, before, after });
}

/**
 * A change to a text that reporters read (settings, start page, questionnaires): audited with
 * each changed field's before and after, and announced to every body's admitted members.
 */
export async function recordTextChange(s: Ctx, organisationId: string, actorUserId: string, what: string, changes: ReadonlyArray<[field: string, before: string, after: string]>): Promise<string[]> {
  if (changes.length === 0) return [];
  const detail: Record<string, string> = { what };
  for (const [field, before, after] of changes) {
    detail[`before:${field}`] = before;
    detail[`after:${field}`] = after;
  }
  await appendAudit(s, { organisationId, actorKind: 'staff', actorUserId, action: 'text.changed', caseId: null, detail });
  return writeNotices(s, await readingBodiesOf(s.db, organisationId), 'text.changed', { what });
}

/** The fields that differ between two flat records of texts. */
export function changedFields(before: Record<string, string>, after: Record<string, string>): Array<[string, string, string]> {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => (before[key] ?? '') !== (after[key] ?? '')).map((key) => [key, before[key] ?? '', after[key] ?? '']);
}

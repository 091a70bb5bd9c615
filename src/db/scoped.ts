import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import * as t from './schema.js';

// The one access path to organisation-owned rows. Every query on a table named below carries its
// organisation's condition through `inOrg` (or, for cases a commission handles, `inCommission`);
// the lint rule `tegenspraak/org-scoped` (eslint-rules/org-scoped.js) refuses any select,
// update, delete or insert on these tables that does not, so a query cannot forget its
// organisation. Work that spans organisations on purpose (the jobs, backup, the platform
// operator, resolving which organisation a request is for) says so with `unsafeAnyOrg` and why.
//
// Rows without an organisation column (a case's entries, keys, identity, decisions; a user's
// sessions) are reached only through a case or account that was read this way.

/** Each organisation-owned table and the column that names its organisation. */
const organisationColumn = new Map<unknown, PgColumn>([
  [t.organisations, t.organisations.id],
  [t.organisationLogos, t.organisationLogos.organisationId],
  [t.users, t.users.organisationId],
  [t.bodyAdmissions, t.bodyAdmissions.organisationId],
  [t.routes, t.routes.organisationId],
  [t.questionnaires, t.questionnaires.organisationId],
  // A case belongs to the organisation it concerns; the commission handling it reads it through `inCommission`.
  [t.cases, t.cases.organisationId],
  [t.caseNumbers, t.caseNumbers.organisationId],
  [t.letterTemplates, t.letterTemplates.organisationId],
  [t.auditLog, t.auditLog.organisationId],
  [t.caseStatistics, t.caseStatistics.organisationId],
  [t.advisorRegistrations, t.advisorRegistrations.organisationId],
  [t.surveyOrganisations, t.surveyOrganisations.ownerId],
  [t.surveyWaves, t.surveyWaves.ownerId],
]);

export type OrgTable =
  | typeof t.organisations
  | typeof t.organisationLogos
  | typeof t.users
  | typeof t.bodyAdmissions
  | typeof t.routes
  | typeof t.questionnaires
  | typeof t.cases
  | typeof t.caseNumbers
  | typeof t.letterTemplates
  | typeof t.auditLog
  | typeof t.caseStatistics
  | typeof t.advisorRegistrations
  | typeof t.surveyOrganisations
  | typeof t.surveyWaves;

/** Table names the lint rule guards; kept beside the map so the two cannot drift (tested). */
export const orgTableNames = [
  'organisations',
  'organisationLogos',
  'users',
  'bodyAdmissions',
  'routes',
  'questionnaires',
  'cases',
  'caseNumbers',
  'letterTemplates',
  'auditLog',
  'caseStatistics',
  'advisorRegistrations',
  'surveyOrganisations',
  'surveyWaves',
] as const;

export function organisationColumnOf(table: OrgTable): PgColumn {
  const column = organisationColumn.get(table);
  if (!column) throw new Error('not an organisation-owned table');
  return column;
}

function requireId(organisationId: string): string {
  // An empty or missing organisation would match nothing at best and everything at worst: refuse.
  if (typeof organisationId !== 'string' || organisationId.length === 0) throw new Error('organisation scope missing');
  return organisationId;
}

/** The condition of a query on an organisation-owned table: this organisation's rows, and the given conditions. */
export function inOrg(organisationId: string, table: OrgTable, ...conditions: Array<SQL | undefined>): SQL {
  return and(eq(organisationColumnOf(table), requireId(organisationId)), ...conditions) as SQL;
}

/**
 * Cases handled by this organisation's bodies (and the figures kept of them after the purge): its
 * own, and, for a shared commission, those of the organisations it serves.
 */
export function inCommission(organisationId: string, table: typeof t.cases | typeof t.caseStatistics, ...conditions: Array<SQL | undefined>): SQL {
  return and(eq(table.handledBy, requireId(organisationId)), ...conditions) as SQL;
}

/**
 * Across organisations on purpose. `why` is for the reader (and for grep): the scheduled jobs,
 * backup and restore, the platform operator's content-free lists, and resolving a request's
 * organisation from its address are the legitimate cases.
 */
export function unsafeAnyOrg(why: string, ...conditions: Array<SQL | undefined>): SQL | undefined {
  void why;
  return conditions.length === 0 ? undefined : and(...conditions);
}

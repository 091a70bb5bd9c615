import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import * as t from './schema.js';

// The one access path to organisation-owned rows. Every query on a table named below carries its
// organisation's condition through `inOrg` (or, for cases a commission handles, `inCommission`;
// for the account commands that the platform operator's accounts share, `inAccountsOf`);
// the lint rule `tegenspraak/org-scoped` (eslint-rules/org-scoped.js) refuses any select,
// update, delete or insert on these tables that does not, so a query cannot forget its
// organisation. Work that spans organisations on purpose (the jobs, backup, the platform
// operator, resolving which organisation a request is for) says so with `unsafeAnyOrg` and why.
//
// Rows without an organisation column (a case's entries, keys, identity, decisions; a user's
// sessions) are reached only through a case or account that was read this way.

/** Each organisation-owned table, by the name the schema exports, and the column that names its organisation. */
const organisationColumns = {
  organisations: t.organisations.id,
  organisationLogos: t.organisationLogos.organisationId,
  users: t.users.organisationId,
  bodyAdmissions: t.bodyAdmissions.organisationId,
  routes: t.routes.organisationId,
  questionnaires: t.questionnaires.organisationId,
  // A case belongs to the organisation it concerns; the commission handling it reads it through `inCommission`.
  cases: t.cases.organisationId,
  caseNumbers: t.caseNumbers.organisationId,
  letterTemplates: t.letterTemplates.organisationId,
  auditLog: t.auditLog.organisationId,
  caseStatistics: t.caseStatistics.organisationId,
  advisorRegistrations: t.advisorRegistrations.organisationId,
  annualReportTexts: t.annualReportTexts.organisationId,
  surveyOrganisations: t.surveyOrganisations.ownerId,
  surveyWaves: t.surveyWaves.ownerId,
  dilemmas: t.dilemmas.organisationId,
  dilemmaProposals: t.dilemmaProposals.organisationId,
  teamSessions: t.teamSessions.organisationId,
  deliberations: t.deliberations.organisationId,
} satisfies { [Name in keyof typeof t]?: PgColumn };

type OrgTableName = keyof typeof organisationColumns;
export type OrgTable = (typeof t)[OrgTableName];

/** Table names the lint rule guards (its own list is tested against this one). */
export const orgTableNames = Object.keys(organisationColumns) as OrgTableName[];

const columnOfTable = new Map<unknown, PgColumn>(orgTableNames.map((name) => [t[name], organisationColumns[name]]));

export function organisationColumnOf(table: OrgTable): PgColumn {
  const column = columnOfTable.get(table);
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
 * Accounts of this organisation, or (null) the platform operator's accounts, which belong to no
 * organisation: the one place that says so, for the account commands both kinds of account use.
 */
export function inAccountsOf(organisationId: string | null, table: typeof t.users, ...conditions: Array<SQL | undefined>): SQL {
  return organisationId === null ? (and(isNull(table.organisationId), ...conditions) as SQL) : inOrg(organisationId, table, ...conditions);
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

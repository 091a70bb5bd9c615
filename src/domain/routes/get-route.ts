import { asc, desc, eq } from 'drizzle-orm';
import { questionnaires, routes } from '../../db/schema.js';
import { inOrg, unsafeAnyOrg } from '../../db/scoped.js';
import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import { AppError } from '../errors.js';
import { definitionSchema, type QuestionnaireDefinition } from './questionnaire.js';

export type RouteRow = typeof routes.$inferSelect;

export interface RouteWithQuestionnaire {
  route: RouteRow;
  version: number;
  definition: QuestionnaireDefinition;
}

/** The organisation's routes that take reports, in their order. */
export async function listActiveRoutes(s: Pick<Services, 'db'>, organisationId: string): Promise<RouteRow[]> {
  return s.db
    .select()
    .from(routes)
    .where(inOrg(organisationId, routes, eq(routes.active, true)))
    .orderBy(asc(routes.position));
}

/** The active routes, of any organisation, whose reports this organisation's bodies read (its own, and those of organisations it serves as shared commission). */
export async function listRoutesReadBy(s: Pick<Services, 'db'>, bodyOrganisationId: string): Promise<RouteRow[]> {
  return s.db
    .select()
    .from(routes)
    .where(unsafeAnyOrg('routes of the organisations this commission serves belong to them; matched on the body organisation', eq(routes.bodyOrganisationId, bodyOrganisationId), eq(routes.active, true)))
    .orderBy(asc(routes.position), asc(routes.organisationId));
}

/** The route and its questionnaire: the latest version, or the given one (answers keep theirs). */
// Route codes are short lower-case words: anything else (a NUL byte, a path of 10,000 characters)
// is not a route, and never reaches the database.
const ROUTE_CODE = /^[a-z_]{1,40}$/;

export async function getRoute(s: { db: Db | Tx }, organisationId: string, code: string, version?: number): Promise<RouteWithQuestionnaire> {
  if (!ROUTE_CODE.test(code)) throw new AppError('not_found');
  const [route] = await s.db
    .select()
    .from(routes)
    .where(inOrg(organisationId, routes, eq(routes.code, code)));
  if (!route || (!route.active && version === undefined)) throw new AppError('not_found');
  const [row] = await s.db
    .select()
    .from(questionnaires)
    .where(inOrg(organisationId, questionnaires, eq(questionnaires.routeCode, code), version === undefined ? undefined : eq(questionnaires.version, version)))
    .orderBy(desc(questionnaires.version))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return { route, version: row.version, definition: definitionSchema.parse(row.definition) };
}

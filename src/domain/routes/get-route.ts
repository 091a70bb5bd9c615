import { and, arrayOverlaps, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { questionnaires, routes, users } from '../../db/schema.js';
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

export async function listActiveRoutes(s: Pick<Services, 'db'>): Promise<RouteRow[]> {
  return s.db.select().from(routes).where(eq(routes.active, true)).orderBy(asc(routes.position));
}

/** The route and its questionnaire: the latest version, or the given one (answers keep theirs). */
export async function getRoute(s: { db: Db | Tx }, code: string, version?: number): Promise<RouteWithQuestionnaire> {
  const [route] = await s.db.select().from(routes).where(eq(routes.code, code));
  if (!route || (!route.active && version === undefined)) throw new AppError('not_found');
  const [row] = await s.db
    .select()
    .from(questionnaires)
    .where(version === undefined ? eq(questionnaires.routeCode, code) : and(eq(questionnaires.routeCode, code), eq(questionnaires.version, version)))
    .orderBy(desc(questionnaires.version))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return { route, version: row.version, definition: definitionSchema.parse(row.definition) };
}

export interface KeyHolder {
  id: string;
  publicKey: Uint8Array;
}

/** Active users holding one of the roles and a key pair: the people a case is sealed to. */
export async function keyHoldersWithRoles(s: { db: Db | Tx }, roleList: readonly string[]): Promise<KeyHolder[]> {
  if (roleList.length === 0) return [];
  const rows = await s.db
    .select({ id: users.id, publicKey: users.publicKey, roles: users.roles })
    .from(users)
    .where(and(eq(users.status, 'active'), isNotNull(users.publicKey), arrayOverlaps(users.roles, [...roleList])));
  // Belt and braces: an administrator never receives a case key, whatever the roles say.
  return rows.filter((row) => !row.roles.includes('administrator')).map((row) => ({ id: row.id, publicKey: row.publicKey! }));
}

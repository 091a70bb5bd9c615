import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import { refusal } from '../errors.js';
import { bodyOfRoute, readingRolesOf, type Body } from './bodies.js';
import { verifiedBodyState, type AdmittedMember } from './verify-admissions.js';

type Ctx = Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx };

export interface RouteReaderSets {
  /** Who a new case on the route is sealed to. */
  readers: AdmittedMember[];
  /** Who holds a confidential reporter's name. */
  custodians: AdmittedMember[];
}

/**
 * The one rule for who reads a route, given its body's verified members: members the route's own
 * body admitted, whose admitted roles include one of the route's roles of that body (never a
 * grant-only role). Holding a role (which the administrator sets), or a route row edited to name
 * other roles, gives nothing. Sealing and the pages that name the readers both use it.
 */
export function readersOfRoute(route: { code: string; handlerRoles: readonly string[]; custodianRoles: readonly string[] }, bodyMembers: readonly AdmittedMember[]): RouteReaderSets {
  const having = (list: readonly string[]) => {
    const roles: readonly string[] = readingRolesOf(route, list);
    return bodyMembers.filter((m) => m.roles.some((role) => roles.includes(role)));
  };
  return { readers: having(route.handlerRoles), custodians: having(route.custodianRoles) };
}

/** Verifies the route's body once and applies the rule: for sealing a new report. */
export async function admittedReadersOfRoute(
  s: Ctx,
  route: { code: string; bodyOrganisationId: string; handlerRoles: readonly string[]; custodianRoles: readonly string[] },
): Promise<RouteReaderSets> {
  const body = bodyOfRoute(route);
  return readersOfRoute(route, body ? (await verifiedBodyState(s, route.bodyOrganisationId, body)).members : []);
}

/** Whether one account is an admitted reader of the organisation's body (any role in it). */
export async function admittedMember(s: Ctx, organisationId: string, body: Body, userId: string): Promise<AdmittedMember | null> {
  const { members } = await verifiedBodyState(s, organisationId, body);
  return members.find((m) => m.userId === userId) ?? null;
}

/**
 * The powers of a body's role (the chair's grants, closing a decision, the commission's settings)
 * belong to the member the body admitted in that role, not to whoever's account row carries it.
 */
export async function requireAdmittedAs(s: Ctx, actor: { userId: string; organisationId: string }, body: Body, role: string): Promise<AdmittedMember> {
  const member = await admittedMember(s, actor.organisationId, body, actor.userId);
  if (!member || !(member.roles as string[]).includes(role)) throw refusal('forbidden', 'errors.admission.notAdmittedAs');
  return member;
}

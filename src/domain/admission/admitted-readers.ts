import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import { refusal } from '../errors.js';
import { bodyOfRoute, readingRolesOf, type Body } from './bodies.js';
import { verifiedBodyState, type AdmittedMember } from './verify-admissions.js';

export interface KeyHolder {
  id: string;
  /** The X25519 key the body signed. */
  publicKey: Uint8Array;
}

type Ctx = Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx };

/**
 * The people a case on this route is sealed to: members admitted by the route's own body, with a
 * verified signature up to its founding statement, whose admitted roles include one of the given
 * roles of that body. Holding a role (which the administrator sets), or a route row edited to
 * name other roles, gives nothing.
 */
export async function admittedReadersOf(s: Ctx, route: { code: string }, roleList: readonly string[]): Promise<KeyHolder[]> {
  return (await admittedMembersOf(s, route, roleList)).map((m) => ({ id: m.userId, publicKey: m.boxPublicKey }));
}

export async function admittedMembersOf(s: Ctx, route: { code: string }, roleList: readonly string[]): Promise<AdmittedMember[]> {
  const body = bodyOfRoute(route);
  const wanted = readingRolesOf(route, roleList);
  if (!body || wanted.length === 0) return [];
  const { members } = await verifiedBodyState(s, body);
  return members.filter((m) => m.roles.some((role) => wanted.includes(role)));
}

/** Whether one account is an admitted reader of the body (any role in it). */
export async function admittedMember(s: Ctx, body: Body, userId: string): Promise<AdmittedMember | null> {
  const { members } = await verifiedBodyState(s, body);
  return members.find((m) => m.userId === userId) ?? null;
}

/**
 * The powers of a body's role (the chair's grants, closing a decision, the commission's settings)
 * belong to the member the body admitted in that role, not to whoever's account row carries it.
 */
export async function requireAdmittedAs(s: Ctx, actorUserId: string, body: Body, role: string): Promise<AdmittedMember> {
  const member = await admittedMember(s, body, actorUserId);
  if (!member || !(member.roles as string[]).includes(role)) throw refusal('forbidden', 'errors.admission.notAdmittedAs');
  return member;
}

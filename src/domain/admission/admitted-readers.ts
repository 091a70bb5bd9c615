import type { Db, Tx } from '../../db/client.js';
import type { Services } from '../../services.js';
import type { Role } from '../access/roles.js';
import { bodyOfRole, type Body } from './bodies.js';
import { verifiedBodyState, type AdmittedMember } from './verify-admissions.js';

export interface KeyHolder {
  id: string;
  /** The X25519 key the body signed. */
  publicKey: Uint8Array;
}

/**
 * The people a case is sealed to: members admitted by their body, with a verified signature up to
 * its founding statement, whose admitted roles include one of the given roles. Holding the role
 * alone (which the administrator sets) gives nothing.
 */
export async function admittedReadersWithRoles(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, roleList: readonly string[]): Promise<KeyHolder[]> {
  const members = await admittedMembersWithRoles(s, roleList);
  return members.map((m) => ({ id: m.userId, publicKey: m.boxPublicKey }));
}

export async function admittedMembersWithRoles(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, roleList: readonly string[]): Promise<AdmittedMember[]> {
  const wanted = new Set(roleList);
  const bodiesWanted = new Set(roleList.map((role) => bodyOfRole[role as Role]).filter((b): b is Body => !!b));
  const out: AdmittedMember[] = [];
  for (const body of bodiesWanted) {
    const { members } = await verifiedBodyState(s, body);
    for (const m of members) if (m.roles.some((role) => wanted.has(role))) out.push(m);
  }
  return out;
}

/** Whether one account is an admitted reader of the body (any role in it). */
export async function admittedMember(s: Pick<Services, 'sodium' | 'serverKeys'> & { db: Db | Tx }, body: Body, userId: string): Promise<AdmittedMember | null> {
  const { members } = await verifiedBodyState(s, body);
  return members.find((m) => m.userId === userId) ?? null;
}

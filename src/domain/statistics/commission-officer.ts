import type { Services } from '../../services.js';
import type { Actor } from '../access/authorize.js';
import { admittedMember } from '../admission/admitted-readers.js';

const officerRoles = ['chair', 'secretary'];

/**
 * A chair or secretary the commission itself admitted: not whoever's account row the administrator
 * gave the role. They see the commission's exact figures and write its annual report.
 */
export async function isCommissionOfficer(s: Pick<Services, 'db' | 'sodium' | 'serverKeys'>, actor: Actor): Promise<boolean> {
  if (!actor.roles.some((r) => officerRoles.includes(r))) return false;
  const member = await admittedMember(s, actor.organisationId, 'commission', actor.userId);
  return !!member && member.roles.some((r) => officerRoles.includes(r));
}

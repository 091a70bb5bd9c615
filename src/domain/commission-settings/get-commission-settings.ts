import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import type { Role } from '../access/roles.js';
import { bodyOfRoute, readingRolesOf } from '../admission/bodies.js';
import type { DecisionQuorum } from '../cases/decision-quorum.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { listRoutesReadBy } from '../routes/get-route.js';

export interface CustodianSetting {
  route: string;
  name: { nl: string; en: string };
  /** The roles that may be the identity custodian: the route's own handler roles. */
  choices: Role[];
  current: Role | null;
}

export interface CommissionSettings {
  decisionQuorum: DecisionQuorum;
  identityWaitDays: number;
  custodians: CustodianSetting[];
}

/** The route's reading roles that can hold identities: the same rule as sealing (never a grant-only role). */
export function custodianChoices(route: { code: string; handlerRoles: readonly string[] }): Role[] {
  return readingRolesOf(route, route.handlerRoles);
}

/** The commission's settings as its chair sees them on the settings page. */
export async function getCommissionSettings(s: Pick<Services, 'db'>, actor: Actor | null): Promise<CommissionSettings> {
  authorize(actor, 'commission.settings');
  const organisation = await getOrganisation(s, actor.organisationId);
  // The commission names the custodian of its own routes only (those of every organisation it
  // serves, one choice per route); the advisors and the panel keep theirs.
  const seen = new Set<string>();
  const routes = (await listRoutesReadBy(s, actor.organisationId)).filter((route) => bodyOfRoute(route) === 'commission' && !seen.has(route.code) && !!seen.add(route.code));
  return {
    decisionQuorum: organisation.decisionQuorum,
    identityWaitDays: organisation.identityWaitDays,
    custodians: routes.map((route) => {
      const choices = custodianChoices(route);
      return { route: route.code, name: route.name, choices, current: choices.find((role) => route.custodianRoles.includes(role)) ?? null };
    }),
  };
}

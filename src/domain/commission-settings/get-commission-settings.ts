import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { caseRoles, type Role } from '../access/roles.js';
import type { DecisionQuorum } from '../cases/decision-quorum.js';
import { AppError } from '../errors.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { listActiveRoutes } from '../routes/get-route.js';

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

/** The route's handler roles that can hold identities (never the administrator). */
export function custodianChoices(route: { handlerRoles: readonly string[] }): Role[] {
  return route.handlerRoles.filter((role): role is Role => caseRoles.includes(role as Role));
}

/** The commission's settings as its chair sees them on the settings page. */
export async function getCommissionSettings(s: Pick<Services, 'db'>, actor: Actor | null): Promise<CommissionSettings> {
  authorize(actor, 'commission.settings');
  const organisation = await getOrganisation(s);
  if (!organisation) throw new AppError('not_found');
  const routes = await listActiveRoutes(s);
  return {
    decisionQuorum: organisation.decisionQuorum,
    identityWaitDays: organisation.identityWaitDays,
    custodians: routes.map((route) => {
      const choices = custodianChoices(route);
      return { route: route.code, name: route.name, choices, current: choices.find((role) => route.custodianRoles.includes(role)) ?? null };
    }),
  };
}

import type { Role } from '../access/roles.js';

// The three bodies that read reports. Each decides itself who its readers are.
export const bodies = ['commission', 'advisors', 'ethics_panel'] as const;
export type Body = (typeof bodies)[number];

/** Which body a case role belongs to; fixed in code, so a database edit cannot move a role. */
export const bodyOfRole: Partial<Record<Role, Body>> = {
  chair: 'commission',
  secretary: 'commission',
  commission_member: 'commission',
  external_investigator: 'commission',
  confidential_advisor: 'advisors',
  ethics_panel_member: 'ethics_panel',
};

/** Who admits new readers: the chair for the commission, an advisor for advisors, a panel member for the panel. */
export const admitterRole: Record<Body, Role> = {
  commission: 'chair',
  advisors: 'confidential_advisor',
  ethics_panel: 'ethics_panel_member',
};

export function isBody(value: unknown): value is Body {
  return typeof value === 'string' && (bodies as readonly string[]).includes(value);
}

export function rolesOfBody(body: Body, roles: readonly string[]): Role[] {
  return roles.filter((role) => bodyOfRole[role as Role] === body) as Role[];
}

// Which body reads each route, fixed in code: editing a route's roles in the database cannot send
// the advisors' reports to the commission or the other way round.
const routeBodies: Record<string, Body> = { commission: 'commission', risk_signal: 'commission', ethics: 'ethics_panel', advisor: 'advisors' };

/** The body that reads a route; null for a route this version does not know (nobody reads it). */
export function bodyOfRoute(route: { code: string }): Body | null {
  return Object.hasOwn(routeBodies, route.code) ? routeBodies[route.code]! : null;
}

/** The routes a body reads. */
export function routesOfBody(body: Body): string[] {
  return Object.keys(routeBodies).filter((code) => routeBodies[code] === body);
}

// Investigators receive single cases by the chair's grant only, never a report on submission.
const grantOnlyRoles: readonly Role[] = ['external_investigator'];

/** Of a route's role list (handlers or custodians), the roles that really read: those of the route's own body. */
export function readingRolesOf(route: { code: string }, roles: readonly string[]): Role[] {
  const body = bodyOfRoute(route);
  return roles.filter((role) => !!body && bodyOfRole[role as Role] === body && !grantOnlyRoles.includes(role as Role)) as Role[];
}

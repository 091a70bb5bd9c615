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

/** The body that reads a route: the body of its handler roles (routes never mix bodies). */
export function bodyOfRoute(route: { handlerRoles: readonly string[] }): Body | null {
  const found = new Set(route.handlerRoles.map((role) => bodyOfRole[role as Role]).filter((b): b is Body => !!b));
  return found.size === 1 ? [...found][0]! : null;
}

import { z } from 'zod';

export const roles = [
  'administrator',
  'secretary',
  'commission_member',
  'chair',
  'confidential_advisor',
  'ethics_panel_member',
  'analyst',
  // Top management: reads the risk-signal view and the monitor's headline of its organisation, suppressed; never a case.
  'management',
  // Leads dilemma sessions and moral deliberation for teams; reads nothing of cases or reports.
  'facilitator',
  // Receives single commission cases only when the chair grants one; never a report on submission.
  'external_investigator',
] as const;

export type Role = (typeof roles)[number];

export const roleSchema = z.enum(roles);

/** Roles that handle cases and therefore may hold case keys. */
export const caseRoles: readonly Role[] = ['secretary', 'commission_member', 'chair', 'confidential_advisor', 'ethics_panel_member', 'external_investigator'];

/**
 * The administrator manages accounts and settings and must never see case content. A person who
 * needs both is given two accounts; one account never combines them.
 */
export function rolesConflict(selected: readonly Role[]): boolean {
  // Management is the employer's side too: never together with a role that reads cases.
  return (selected.includes('administrator') || selected.includes('management')) && selected.some((role) => caseRoles.includes(role));
}

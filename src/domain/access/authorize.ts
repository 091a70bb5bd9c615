import { AppError } from '../errors.js';
import { caseRoles, type Role } from './roles.js';

export interface Actor {
  userId: string;
  roles: readonly Role[];
  /** The organisation the account works for: every use-case acts on this organisation's data only. */
  organisationId: string;
}

// Who may do what, in one table. A new action without an entry here does not compile.
const policy = {
  'users.manage': ['administrator'],
  'settings.manage': ['administrator'],
  'questionnaires.manage': ['administrator'],
  'audit.verify': ['chair'],
  'cases.grant': ['chair'],
  // Members vote on a draft decision; only the chair closes it.
  'cases.vote': ['commission_member', 'chair'],
  'cases.decide': ['chair'],
  // The commission's own settings (quorum, identity waiting period, custodians): its chair, never the administrator.
  'commission.settings': ['chair'],
  // The secretariat enters an oral report on the reporter's behalf.
  'cases.intake': ['secretary'],
  // Founding and admitting are checked again inside, against the body's signed admissions.
  'admission.found': ['chair', 'confidential_advisor', 'ethics_panel_member'],
  'admission.manage': ['chair', 'confidential_advisor', 'ethics_panel_member'],
  'admission.view': caseRoles,
  'cases.reassign': ['chair'],
  // Who leads a case: the secretariat or the chair chooses among those who can read it.
  'cases.assign': ['secretary', 'chair'],
  // The commission's standard letters: its secretariat and its chair.
  'letters.edit': ['secretary', 'chair'],
  // The case file for a legal procedure or a referral: the secretariat that keeps the file, and the chair.
  'cases.dossier': ['secretary', 'chair'],
  'cases.list': caseRoles,
  'cases.read': caseRoles,
  'surveys.manage': ['analyst'],
  // Counts of reports per year, route and organisation: the commission exactly, the analyst suppressed.
  'figures.view': ['chair', 'secretary', 'analyst'],
  // Risk signals for the top: themes, months, trend, follow-up, and the monitor's headline; suppressed like all figures beyond the commission.
  'signals.view': ['management'],
  'advisor.register': ['confidential_advisor'],
  // Learning: a facilitator or a manager leads team dilemma sessions and moral deliberation;
  // the ethics panel curates the dilemma library and reads what employees submit to it.
  'learning.facilitate': ['facilitator', 'management'],
  'learning.curate': ['ethics_panel_member'],
  'account.manage-own': 'any-staff',
} as const satisfies Record<string, readonly Role[] | 'any-staff'>;

export type Action = keyof typeof policy;

export function isAllowed(actor: Pick<Actor, 'roles'> | null, action: Action): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] | 'any-staff' = policy[action];
  if (allowed === 'any-staff') return true;
  // Belt and braces: even a forged role set that mixes administrator with a case role gets no case access.
  if ((action.startsWith('cases.') || action.startsWith('commission.') || action.startsWith('admission.') || action.startsWith('letters.') || action.startsWith('audit.')) && actor.roles.includes('administrator')) return false;
  return actor.roles.some((role) => allowed.includes(role));
}

/** Throws unless the actor may perform the action; call before touching any data. */
export function authorize<T extends Pick<Actor, 'roles'>>(actor: T | null, action: Action): asserts actor is T {
  if (!actor) throw new AppError('unauthenticated');
  if (!isAllowed(actor, action)) throw new AppError('forbidden');
}

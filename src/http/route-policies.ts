import type { Action } from '../domain/access/authorize.js';

// Who may use each route, in one table. The handlers enforce it (requireStaff, the reporter
// session, the one-time token); test/http/route-policies.test.ts enumerates the app's routes and
// every role against this table, and fails when a route has no entry here.
export type RoutePolicy =
  | 'public'
  /** Public, but useless without a one-time secret in the address (setup, invitation, open survey link). */
  | 'token'
  /** A reporter with a receipt session (cookie, or bearer token on the API). */
  | 'reporter'
  /** The platform operator, an account of no organisation, at /platform/… only. */
  | 'operator'
  | { staff: Action };

const staff = (action: Action): RoutePolicy => ({ staff: action });
const cases = staff('cases.read');
const surveys = staff('surveys.manage');

export const routePolicies: Record<string, RoutePolicy> = {
  'GET /assets/:name': 'public',
  'GET /healthz': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/v1/organisation': 'public',
  'GET /api/v1/routes': 'public',
  'POST /api/v1/reports': 'public',
  'POST /api/v1/reporter/session': 'public',
  'GET /api/v1/reporter/case': 'reporter',
  'POST /api/v1/reporter/messages': 'reporter',

  'GET /': 'public',
  'GET /self-check': 'public',
  'POST /self-check': 'public',
  'GET /route-finder': 'public',
  'POST /route-finder': 'public',
  'POST /report/:route/send': 'public',
  'GET /report': 'public',
  'GET /report/:route': 'public',
  'POST /report/:route': 'public',
  'POST /report/:route/prefill': 'public',
  'GET /report/:route/:position': 'public',
  'POST /report/:route/discard': 'public',
  'GET /exit': 'public',
  'GET /receipt': 'public',
  'POST /receipt': 'public',
  'GET /my-report': 'reporter',
  'GET /my-report/files/:id': 'reporter',
  'POST /my-report/messages': 'reporter',
  'POST /my-report/minutes/:id': 'reporter',
  'POST /my-report/transfers/:id': 'reporter',
  'GET /my-report/identity/:id': 'reporter',
  'POST /my-report/identity/:id': 'reporter',
  'POST /my-report/logout': 'public',
  'GET /survey': 'public',
  'POST /survey/start': 'public',
  'POST /survey': 'public',
  'GET /survey/open/:token': 'token',

  'GET /setup/:token': 'token',
  'POST /setup/:token': 'token',
  'GET /invitation/:token': 'token',
  'POST /invitation/:token': 'token',
  'GET /login': 'public',
  'POST /login': 'public',
  'GET /recover': 'public',
  'POST /recover': 'public',
  'POST /logout': 'public',

  'GET /organisations': 'operator',
  'POST /organisations': 'operator',

  'GET /staff': staff('account.manage-own'),
  'POST /staff/notices/read': staff('account.manage-own'),
  'GET /staff/account': staff('account.manage-own'),
  'POST /staff/account/password': staff('account.manage-own'),
  'POST /staff/account/sessions/:id/end': staff('account.manage-own'),
  'GET /staff/users': staff('users.manage'),
  'POST /staff/users': staff('users.manage'),
  'GET /staff/users/:id': staff('users.manage'),
  'POST /staff/users/:id/roles': staff('users.manage'),
  'POST /staff/users/:id/status': staff('users.manage'),
  'GET /staff/settings': staff('settings.manage'),
  'POST /staff/settings': staff('settings.manage'),
  'GET /staff/questionnaires': staff('questionnaires.manage'),
  'GET /staff/questionnaires/:route': staff('questionnaires.manage'),
  'POST /staff/questionnaires/:route': staff('questionnaires.manage'),
  'GET /staff/audit': staff('audit.verify'),
  'GET /staff/commission-settings': staff('commission.settings'),
  'POST /staff/commission-settings/quorum': staff('commission.settings'),
  'POST /staff/commission-settings/identity-wait': staff('commission.settings'),
  'POST /staff/commission-settings/custodian/:route': staff('commission.settings'),

  'GET /staff/cases': staff('cases.list'),
  'GET /staff/cases/:id': cases,
  'GET /staff/cases/:id/files/:fileId': cases,
  'POST /staff/cases/:id/declaration': cases,
  'POST /staff/cases/:id/step-aside': cases,
  'POST /staff/cases/:id/acknowledge': cases,
  'POST /staff/cases/:id/assess': cases,
  'POST /staff/cases/:id/advance': cases,
  'POST /staff/cases/:id/extend': cases,
  'POST /staff/cases/:id/notes': cases,
  'POST /staff/cases/:id/messages': cases,
  'POST /staff/cases/:id/access/grant': staff('cases.grant'),
  'POST /staff/cases/:id/access/revoke': staff('cases.grant'),
  'GET /staff/cases/:id/interventions': cases,
  'POST /staff/cases/:id/interventions': cases,
  'POST /staff/cases/:id/interventions/:iid/result': cases,
  'GET /staff/cases/:id/decision': cases,
  'POST /staff/cases/:id/decision': cases,
  'POST /staff/cases/:id/decision/:did/vote': cases,
  'POST /staff/cases/:id/decision/:did/close': cases,
  'POST /staff/cases/:id/recommendations': cases,
  'GET /staff/cases/:id/identity': cases,
  'POST /staff/cases/:id/identity': cases,
  'POST /staff/cases/:id/identity/:rid/decide': cases,
  'GET /staff/cases/:id/minutes': cases,
  'POST /staff/cases/:id/minutes': cases,
  'GET /staff/cases/:id/transfer': cases,
  'POST /staff/cases/:id/transfer': cases,
  'GET /staff/intake': staff('cases.intake'),
  'GET /staff/bodies': staff('admission.view'),
  'GET /staff/bodies/:body': staff('admission.view'),
  // Founding, admitting and removing are checked again in the command against the body's own signed admissions.
  'POST /staff/bodies/:body/found': staff('admission.view'),
  'POST /staff/bodies/:body/admit': staff('admission.view'),
  'POST /staff/bodies/:body/remove': staff('admission.view'),
  'POST /staff/bodies/:body/reassign': staff('admission.view'),
  'GET /staff/registrations': staff('advisor.register'),
  'POST /staff/registrations': staff('advisor.register'),

  'GET /staff/surveys': surveys,
  'POST /staff/surveys': surveys,
  'POST /staff/surveys/organisations': surveys,
  'GET /staff/surveys/:id': surveys,
  'POST /staff/surveys/:id/codes': surveys,
  'POST /staff/surveys/:id/open-link': surveys,
  'POST /staff/surveys/:id/import': surveys,
  'POST /staff/surveys/:id/close': surveys,
  'GET /staff/surveys/:id/results': surveys,
  'GET /staff/surveys/:id/results.csv': surveys,
};

import type { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.js';

// Everything that makes up an installation, in an order in which every row's references already
// exist. Sessions, guessing windows, one-time setup tokens and job claims are left out: they are
// short-lived, and a restored installation starts without anyone signed in.
export const backupTables: Array<[name: string, table: PgTable]> = [
  ['organisations', schema.organisations],
  ['users', schema.users],
  ['invitations', schema.invitations],
  ['body_admissions', schema.bodyAdmissions],
  ['staff_notices', schema.staffNotices],
  ['installation', schema.installation],
  ['routes', schema.routes],
  ['questionnaires', schema.questionnaires],
  ['cases', schema.cases],
  ['case_keys', schema.caseKeys],
  ['case_entries', schema.caseEntries],
  ['case_identities', schema.caseIdentities],
  ['attachments', schema.attachments],
  ['audit_log', schema.auditLog],
  ['case_declarations', schema.caseDeclarations],
  ['case_statistics', schema.caseStatistics],
  ['case_interventions', schema.caseInterventions],
  ['case_decisions', schema.caseDecisions],
  ['decision_votes', schema.decisionVotes],
  ['case_recommendations', schema.caseRecommendations],
  ['identity_requests', schema.identityRequests],
  ['case_minutes', schema.caseMinutes],
  ['case_transfers', schema.caseTransfers],
  ['advisor_registrations', schema.advisorRegistrations],
  ['survey_organisations', schema.surveyOrganisations],
  ['survey_waves', schema.surveyWaves],
  ['survey_wave_organisations', schema.surveyWaveOrganisations],
  ['survey_invitations', schema.surveyInvitations],
  ['survey_responses', schema.surveyResponses],
];

export const BACKUP_FORMAT = 'tegenspraak-backup';
export const BACKUP_VERSION = 1;

/** Rows as JSON lines: bytes as base64 and times as ISO strings, tagged so they come back as they were. */
export function encodeValue(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  return value;
}

export function decodeValue(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$bytes' in value) return new Uint8Array(Buffer.from(String((value as { $bytes: string }).$bytes), 'base64'));
  if (value && typeof value === 'object' && '$date' in value) return new Date(String((value as { $date: string }).$date));
  return value;
}

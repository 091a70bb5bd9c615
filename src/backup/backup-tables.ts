import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.js';

// Everything that makes up an installation, in an order in which every row's references already
// exist. Sessions, guessing windows, one-time setup tokens and job claims are left out: they are
// short-lived, and a restored installation starts without anyone signed in.
export const backupTables: Array<[name: string, table: PgTable]> = [
  ['organisations', schema.organisations],
  ['organisation_logos', schema.organisationLogos],
  ['letter_templates', schema.letterTemplates],
  ['users', schema.users],
  ['invitations', schema.invitations],
  ['body_admissions', schema.bodyAdmissions],
  ['staff_notices', schema.staffNotices],
  ['installation', schema.installation],
  ['routes', schema.routes],
  ['questionnaires', schema.questionnaires],
  ['cases', schema.cases],
  // The counters: without them a restored installation would give a number again.
  ['case_numbers', schema.caseNumbers],
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
  ['annual_report_texts', schema.annualReportTexts],
  ['survey_organisations', schema.surveyOrganisations],
  ['survey_waves', schema.surveyWaves],
  ['survey_wave_organisations', schema.surveyWaveOrganisations],
  ['survey_invitations', schema.surveyInvitations],
  ['survey_responses', schema.surveyResponses],
  ['dilemmas', schema.dilemmas],
  ['dilemma_proposals', schema.dilemmaProposals],
  ['dilemma_proposal_copies', schema.dilemmaProposalCopies],
  ['team_sessions', schema.teamSessions],
  ['team_rounds', schema.teamRounds],
  ['deliberations', schema.deliberations],
];

/** Tables left out of a backup on purpose: sign-in state, throttles, one-time tokens and job claims, all short-lived; and reporters' unsent drafts, which expire within days. */
export const notBackedUp = ['setup_tokens', 'sessions', 'reporter_sessions', 'report_submissions', 'report_drafts', 'login_attempts', 'receipt_attempts', 'job_runs', 'team_participants'];

/**
 * One organisation's share of each table, for a backup of that organisation alone: its own row,
 * its accounts and what hangs off them, its cases and what hangs off those, its audit chain and its
 * surveys. The installation's own row and the platform's chain belong to no organisation.
 */
export function organisationRows(name: string, organisationId: string): SQL | 'none' {
  const own = (column: string) => sql`${sql.identifier(column)} = ${organisationId}`;
  const ofUsers = sql`user_id in (select id from users where organisation_id = ${organisationId})`;
  const ofCases = sql`case_id in (select id from cases where organisation_id = ${organisationId})`;
  const ofTeamSessions = sql`session_id in (select id from team_sessions where organisation_id = ${organisationId})`;
  const ofProposals = sql`proposal_id in (select id from dilemma_proposals where organisation_id = ${organisationId})`;
  const ofWaves = sql`wave_id in (select id from survey_waves where owner_id = ${organisationId})`;
  switch (name) {
    case 'organisations':
      return own('id');
    case 'installation':
      return 'none';
    case 'invitations':
    case 'staff_notices':
      return ofUsers;
    case 'survey_organisations':
    case 'survey_waves':
      return own('owner_id');
    case 'survey_wave_organisations':
    case 'survey_invitations':
    case 'survey_responses':
      return ofWaves;
    case 'decision_votes':
      return sql`decision_id in (select id from case_decisions where ${ofCases})`;
    case 'organisation_logos':
    case 'users':
    case 'body_admissions':
    case 'routes':
    case 'questionnaires':
    case 'cases':
    case 'audit_log':
    case 'case_numbers':
    case 'letter_templates':
    case 'case_statistics':
    case 'advisor_registrations':
    case 'annual_report_texts':
    case 'dilemmas':
    case 'dilemma_proposals':
    case 'team_sessions':
    case 'deliberations':
      return own('organisation_id');
    case 'team_rounds':
      return ofTeamSessions;
    case 'dilemma_proposal_copies':
      return ofProposals;
    case 'case_keys':
    case 'case_entries':
    case 'case_identities':
    case 'attachments':
    case 'case_declarations':
    case 'case_interventions':
    case 'case_decisions':
    case 'case_recommendations':
    case 'identity_requests':
    case 'case_minutes':
    case 'case_transfers':
      return ofCases;
    default:
      // A table added to the backup must say here how it belongs to an organisation.
      throw new Error(`No organisation scope for table ${name}`);
  }
}

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

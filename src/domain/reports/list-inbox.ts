import { desc, eq } from 'drizzle-orm';
import { caseKeys, cases } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { computeDeadlines, type Deadlines } from './deadlines.js';

export interface InboxItem {
  id: string;
  routeCode: string;
  status: string;
  anonymity: string;
  receivedAt: Date;
  deadlines: Deadlines;
  reporterWroteLast: boolean;
}

/** Cases whose key this handler holds: metadata only, nothing is decrypted for the list. */
export async function listInbox(s: Pick<Services, 'db'>, actor: Actor | null): Promise<InboxItem[]> {
  authorize(actor, 'cases.list');
  const timeZone = (await getOrganisation(s))?.timeZone ?? 'Europe/Amsterdam';
  const rows = await s.db
    .select({
      id: cases.id,
      routeCode: cases.routeCode,
      status: cases.status,
      anonymity: cases.anonymity,
      receivedAt: cases.receivedAt,
      acknowledgedAt: cases.acknowledgedAt,
      feedbackExtendedTo: cases.feedbackExtendedTo,
      lastReporter: cases.lastReporterActivityAt,
      lastHandler: cases.lastHandlerActivityAt,
    })
    .from(caseKeys)
    .innerJoin(cases, eq(cases.id, caseKeys.caseId))
    .where(eq(caseKeys.userId, actor.userId))
    .orderBy(desc(cases.receivedAt))
    .limit(200);
  return rows.map((row) => ({
    id: row.id,
    routeCode: row.routeCode,
    status: row.status,
    anonymity: row.anonymity,
    receivedAt: row.receivedAt,
    deadlines: computeDeadlines(row.receivedAt, row.acknowledgedAt, timeZone, row.feedbackExtendedTo),
    reporterWroteLast: !!row.lastReporter && (!row.lastHandler || row.lastReporter > row.lastHandler),
  }));
}

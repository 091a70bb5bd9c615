import { reporterWroteLast, reporterWroteLastSql } from './reporter-waits.js';
import { asc, desc, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { caseKeys, cases, organisations, users } from '../../db/schema.js';
import { inCommission } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { caseKinds, caseStatuses, shownStatus } from './lifecycle.js';
import { timeZoneOf } from '../organisation/get-organisation.js';
import { caseReference } from './case-number.js';
import { isLocalDate } from '../validate.js';
import { addDays, computeDeadlines, localDate, type Deadlines } from '../reports/deadlines.js';

export interface InboxItem {
  id: string;
  number: string;
  /** The handler who leads the case, if one was chosen. */
  ownerName: string | null;
  routeCode: string;
  status: string;
  /** The status as shown (an inadmissible report reads "not taken into handling"). */
  shownStatus: string;
  anonymity: string;
  receivedAt: Date;
  deadlines: Deadlines;
  /** The commission's classification, once assessed. */
  kind: string | null;
  /** The legal deadline that comes next for this case, and whether it has passed (local dates). */
  nextDeadline: { kind: 'acknowledge' | 'feedback'; date: string; overdue: boolean } | null;
  reporterWroteLast: boolean;
  /** Closed, and the reporter wrote afterwards: shown apart, so it is not lost among closed cases. */
  wroteAfterClosing: boolean;
  /** For a shared commission: the organisation the report concerns, when it is not the reader's own. */
  organisationName: string | null;
}

export const PAGE_SIZE = 50;

const localDateField = z.string().refine(isLocalDate).optional().catch(undefined);

// Filters arrive from a GET form: anything unknown falls back to "all" rather than an error.
export const inboxQuerySchema = z.object({
  status: z.enum(caseStatuses).optional().catch(undefined),
  route: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  overdue: z.enum(['1']).optional().catch(undefined),
  // Who leads it: the reader, nobody yet, or anyone.
  owner: z.enum(['me', 'none']).optional().catch(undefined),
  // The reporter wrote last and waits for an answer, closed cases included.
  waiting: z.enum(['1']).optional().catch(undefined),
  // The commission's classification and priority from the assessment, and the reporter's choice of anonymity.
  kind: z.enum(caseKinds).optional().catch(undefined),
  priority: z.enum(['low', 'normal', 'high']).optional().catch(undefined),
  anonymity: z.enum(['anonymous', 'confidential', 'open']).optional().catch(undefined),
  // Received between two local dates (either may be left open), as a date field sends them.
  from: localDateField,
  to: localDateField,
  // The next legal deadline has passed, or falls within the coming week.
  deadline: z.enum(['passed', 'near']).optional().catch(undefined),
  sort: z.enum(['newest', 'oldest', 'deadline']).default('newest').catch('newest'),
  // A case number (IC-2026-0042) or the start of a case's random id, as the audit shows it. Anything
  // else is kept to say so: the content is encrypted and cannot be searched.
  search: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;

/** Days ahead in which a deadline counts as near. */
export const NEAR_DAYS = 7;

export interface InboxPage {
  items: InboxItem[];
  /** A search that is not a case number or id: said on the page, never silently ignored. */
  searchNotANumber: boolean;
  page: number;
  hasNext: boolean;
  query: InboxQuery;
}

/**
 * Cases whose key this handler holds: metadata only, nothing is decrypted for the list. Filter on
 * status, route and unacknowledged-after-7-days, search on the case number, paged.
 */
export async function listInbox(s: Pick<Services, 'db' | 'now'>, actor: Actor | null, rawQuery: unknown = {}): Promise<InboxPage> {
  authorize(actor, 'cases.list');
  const query = inboxQuerySchema.parse(rawQuery ?? {});
  const timeZone = await timeZoneOf(s, actor.organisationId);
  const today = localDate(s.now(), timeZone);
  // Walk the cases in date order and keep those this handler holds a key for: with an index on
  // the date this reads one page, not every case, however many there are. No total is counted
  // for the same reason; one row more than a page tells whether there is a next page.
  // Only the handling organisation's handlers ever hold a case's key, so the commission's scope (in the
  // query below) changes no answer; it keeps the scan to the cases the reader's organisation handles.
  const conditions: SQL[] = [
    sql`exists (select 1 from ${caseKeys} where ${caseKeys.caseId} = ${cases.id} and ${caseKeys.userId} = ${actor.userId})`,
  ];
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.route) conditions.push(eq(cases.routeCode, query.route));
  if (query.overdue) conditions.push(isNull(cases.acknowledgedAt), lt(cases.receivedAt, new Date(s.now().getTime() - 7 * 24 * 3600_000)));
  if (query.waiting) conditions.push(reporterWroteLastSql);
  if (query.owner === 'me') conditions.push(eq(cases.ownerId, actor.userId));
  if (query.owner === 'none') conditions.push(isNull(cases.ownerId));
  if (query.kind) conditions.push(eq(cases.kind, query.kind));
  if (query.priority) conditions.push(eq(cases.priority, query.priority));
  if (query.anonymity) conditions.push(eq(cases.anonymity, query.anonymity));
  // Local days of the handling organisation, turned into instants by the database (summer time included).
  if (query.from) conditions.push(sql`${cases.receivedAt} >= (${query.from}::date::timestamp at time zone ${timeZone})`);
  if (query.to) conditions.push(sql`${cases.receivedAt} < ((${query.to}::date + 1)::timestamp at time zone ${timeZone})`);
  if (query.deadline === 'passed') conditions.push(lt(cases.dueOn, today));
  if (query.deadline === 'near') conditions.push(gte(cases.dueOn, today), lte(cases.dueOn, addDays(today, NEAR_DAYS)));
  const reference = query.search ? caseReference(query.search) : null;
  // A case number exactly; else a uuid column compared as text, by prefix: the short id the audit log shows.
  if (reference && 'number' in reference) conditions.push(eq(cases.number, reference.number));
  else if (reference) conditions.push(sql`${cases.id}::text like ${`${reference.idPrefix}%`}`);
  const page = query.page;
  // Each order follows one index to its last column; cases without a running deadline come last.
  const order = {
    newest: [desc(cases.receivedAt), desc(cases.id)],
    oldest: [asc(cases.receivedAt), asc(cases.id)],
    deadline: [sql`${cases.dueOn} asc nulls last`, asc(cases.id)],
  };
  const rows = await s.db
    .select({
      id: cases.id,
      number: cases.number,
      ownerName: sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${cases.ownerId})`,
      organisationName: sql<string | null>`case when ${cases.organisationId} = ${actor.organisationId} then null else (select ${organisations.name} from ${organisations} where ${organisations.id} = ${cases.organisationId}) end`,
      routeCode: cases.routeCode,
      status: cases.status,
      outcome: cases.outcome,
      anonymity: cases.anonymity,
      kind: cases.kind,
      receivedAt: cases.receivedAt,
      acknowledgedAt: cases.acknowledgedAt,
      feedbackExtendedTo: cases.feedbackExtendedTo,
      dueOn: cases.dueOn,
      lastReporter: cases.lastReporterActivityAt,
      lastHandler: cases.lastHandlerActivityAt,
    })
    .from(cases)
    .where(inCommission(actor.organisationId, cases, ...conditions))
    .orderBy(...order[query.sort])
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return {
    page,
    searchNotANumber: !!query.search && !reference,
    hasNext: rows.length > PAGE_SIZE,
    query,
    items: rows.slice(0, PAGE_SIZE).map((row) => {
      const deadlines = computeDeadlines(row.receivedAt, row.acknowledgedAt, timeZone, row.feedbackExtendedTo);
      // The next deadline is the one kept on the case (due-on.ts), the same the filters and the sort use.
      const next = row.dueOn ? { kind: row.status === 'received' ? ('acknowledge' as const) : ('feedback' as const), date: row.dueOn } : null;
      return {
        id: row.id,
        number: row.number,
        ownerName: row.ownerName,
        organisationName: row.organisationName,
        routeCode: row.routeCode,
        status: row.status,
        shownStatus: shownStatus(row.status, row.outcome),
        anonymity: row.anonymity,
        receivedAt: row.receivedAt,
        deadlines,
        kind: row.kind,
        nextDeadline: next ? { ...next, overdue: today > next.date } : null,
        reporterWroteLast: reporterWroteLast(row.lastReporter, row.lastHandler),
        wroteAfterClosing: row.status === 'closed' && reporterWroteLast(row.lastReporter, row.lastHandler),
      };
    }),
  };
}

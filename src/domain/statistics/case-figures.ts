import { count, inArray, isNotNull, sql } from 'drizzle-orm';
import { cases, caseStatistics, organisations, routes } from '../../db/schema.js';
import { inCommission, inOrg, unsafeAnyOrg } from '../../db/scoped.js';
import type { Services } from '../../services.js';
import { authorize, type Actor } from '../access/authorize.js';
import { isCommissionOfficer } from './commission-officer.js';
import { routesOfBody } from '../admission/bodies.js';
import { AppError } from '../errors.js';
import { getOrganisation } from '../organisation/get-organisation.js';
import { exactCounts, type Count } from './counts.js';
import { yearStatistics, type YearStatistics } from './year-statistics.js';
import { keptFigures } from './figures-cache.js';
import { monitorHeadline, type MonitorHeadline } from './monitor-headline.js';

// The figures page: how many reports came in and how many were closed, per year, per route and
// per organisation, with the organisation's own monitor results beside them. Counts only: never a
// case, a date finer than the year, or anything written.
//
// Two views. The commission (its chair and secretariat) sees the cases its bodies handle, split
// by the organisation they concern (a shared commission serves several), exactly: it reads these
// cases anyway. The organisation's analyst sees the cases that concern their organisation,
// whoever handles them, with small numbers suppressed as in the monitor: they are beyond the
// commission. Live cases and the anonymous rows kept after the purge are counted together.

/** The routes in the order the page shows them. */
export const figureRoutes = ['commission', 'risk_signal', 'ethics', 'advisor'] as const;

export interface RouteFigures {
  route: string;
  received: Count;
  closed: Count;
}

export interface OrganisationFigures {
  id: string;
  name: string;
  /** The actor's own organisation (its monitor results are shown beside it). */
  own: boolean;
  routes: RouteFigures[];
  total: { received: Count; closed: Count };
  monitor: MonitorHeadline | null;
}

export interface FiguresView {
  year: number;
  /** Every year with figures, newest first: for the commission up to the current one, beyond it whole years only. */
  years: number[];
  /** Commission: exact counts up to the running year. Organisation: suppressed, whole years only. */
  view: 'commission' | 'organisation';
  /** The smallest group shown (organisation view); null when counts are exact. */
  k: number | null;
  organisations: OrganisationFigures[];
  /** All organisations together, when the commission serves more than one. */
  together: { routes: RouteFigures[]; total: { received: Count; closed: Count } } | null;
  /** The year's figures by every dimension, with the year before: the commission's cases, or the organisation's. */
  statistics: YearStatistics;
}

export async function viewFigures(s: Pick<Services, 'db' | 'config' | 'now' | 'sodium' | 'serverKeys' | 'figuresCache'>, actor: Actor | null, input: { year?: string | undefined }): Promise<FiguresView> {
  authorize(actor, 'figures.view');
  const own = await getOrganisation(s, actor.organisationId);
  // Exact counts are the commission's: a chair or secretary the commission itself admitted, not
  // whoever's account row the administrator gave the role. Anyone else sees the analyst's view, if an analyst.
  const view = (await isCommissionOfficer(s, actor)) ? 'commission' : 'organisation';
  if (view === 'organisation' && !actor.roles.includes('analyst')) throw new AppError('forbidden');
  const shownRoutes: readonly string[] = view === 'commission' ? routesOfBody('commission') : figureRoutes;
  const ordered = figureRoutes.filter((r) => shownRoutes.includes(r));
  const tz = own.timeZone;

  // (organisation, route, year) -> counts, from live cases and purged ones.
  const receivedYear = sql<number>`extract(year from ${cases.receivedAt} at time zone ${tz})::int`;
  const closedYear = sql<number>`extract(year from ${cases.closedAt} at time zone ${tz})::int`;
  const commission = view === 'commission';
  const caseRoutes = inArray(cases.routeCode, [...shownRoutes]);
  const purgedRoutes = inArray(caseStatistics.routeCode, [...shownRoutes]);
  const statsReceivedYear = sql<number>`substr(${caseStatistics.receivedOn}, 1, 4)::int`;
  const statsClosedYear = sql<number>`substr(${caseStatistics.closedOn}, 1, 4)::int`;
  // By position: the year expression carries the time zone as a parameter, which a repeated expression would not match.
  const byColumns = sql`1, 2, 3`;
  const [received, closed, purgedReceived, purgedClosed] = await keptFigures(s, own.id, ['routes', view, tz], () => Promise.all([
    s.db.select({ org: cases.organisationId, route: cases.routeCode, year: receivedYear, n: count() }).from(cases).where(commission ? inCommission(own.id, cases, caseRoutes) : inOrg(own.id, cases)).groupBy(byColumns),
    s.db.select({ org: cases.organisationId, route: cases.routeCode, year: closedYear, n: count() }).from(cases).where(commission ? inCommission(own.id, cases, caseRoutes, isNotNull(cases.closedAt)) : inOrg(own.id, cases, isNotNull(cases.closedAt))).groupBy(byColumns),
    s.db
      .select({ org: caseStatistics.organisationId, route: caseStatistics.routeCode, year: statsReceivedYear, n: count() })
      .from(caseStatistics)
      .where(commission ? inCommission(own.id, caseStatistics, purgedRoutes) : inOrg(own.id, caseStatistics))
      .groupBy(byColumns),
    s.db
      .select({ org: caseStatistics.organisationId, route: caseStatistics.routeCode, year: statsClosedYear, n: count() })
      .from(caseStatistics)
      .where(commission ? inCommission(own.id, caseStatistics, purgedRoutes, isNotNull(caseStatistics.closedOn)) : inOrg(own.id, caseStatistics, isNotNull(caseStatistics.closedOn)))
      .groupBy(byColumns),
  ]));

  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric' }).format(s.now()));
  // Beyond the commission only whole years: counts of a running year, looked at from day to day,
  // would tell by their changes that one more report came in, on which route and when.
  const lastYear = view === 'commission' ? thisYear : thisYear - 1;
  const years = [...new Set([lastYear, ...[...received, ...purgedReceived, ...closed, ...purgedClosed].map((r) => Number(r.year))])]
    .filter((y) => Number.isFinite(y) && y <= lastYear)
    .sort((a, b) => b - a);
  const asked = Number(input.year);
  const year = Number.isInteger(asked) && years.includes(asked) ? asked : lastYear;

  // Which organisations: the commission's own and those it serves (also when nothing came in yet); the analyst's own.
  const orgIds = new Set<string>([own.id]);
  if (view === 'commission') {
    const served = await s.db
      .select({ id: routes.organisationId })
      .from(routes)
      .where(unsafeAnyOrg('the organisations whose reports this commission reads', sql`${routes.bodyOrganisationId} = ${own.id}`, inArray(routes.code, [...shownRoutes])));
    for (const r of served) orgIds.add(r.id);
    for (const r of [...received, ...closed, ...purgedReceived, ...purgedClosed]) orgIds.add(r.org);
  }
  const names = new Map(
    (await s.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(unsafeAnyOrg('names of the organisations this commission serves, as public as their start pages', inArray(organisations.id, [...orgIds])))).map(
      (o) => [o.id, o.name],
    ),
  );

  const cells = new Map<string, number>();
  const add = (id: string, n: number) => cells.set(id, (cells.get(id) ?? 0) + n);
  const ids = [...orgIds];
  for (const org of ids) for (const route of [...ordered, 'total']) for (const what of ['received', 'closed']) cells.set(`${org}:${route}:${what}`, 0);
  const tally = (rows: Array<{ org: string; route: string; year: number; n: number }>, what: 'received' | 'closed') => {
    for (const r of rows) {
      if (Number(r.year) !== year || !ordered.includes(r.route as (typeof ordered)[number]) || !orgIds.has(r.org)) continue;
      add(`${r.org}:${r.route}:${what}`, Number(r.n));
      add(`${r.org}:total:${what}`, Number(r.n));
    }
  };
  tally(received, 'received');
  tally(purgedReceived, 'received');
  tally(closed, 'closed');
  tally(purgedClosed, 'closed');
  const together = view === 'commission' && ids.length > 1;
  if (together) {
    for (const route of [...ordered, 'total'])
      for (const what of ['received', 'closed']) cells.set(`all:${route}:${what}`, ids.reduce((sum, org) => sum + (cells.get(`${org}:${route}:${what}`) ?? 0), 0));
  }

  // The year's statistics of the same scope: beyond the commission the route counts are taken from
  // them, so one suppression covers everything the page (and the annual report) shows.
  const statistics = await yearStatistics(s, { kind: view, organisationId: own.id }, year, tz, own.headcount);
  let published: Map<string, Count>;
  if (view === 'commission') published = exactCounts(cells);
  else {
    published = new Map();
    for (const what of ['received', 'closed'] as const) {
      const table = statistics.tables.find((tb) => tb.id === what)!;
      for (const row of table.rows) published.set(`${own.id}:${row.code}:${what}`, row.counts[0]);
    }
  }
  const get = (id: string): Count => published.get(id)!;
  const routeRows = (org: string): RouteFigures[] => ordered.map((route) => ({ route, received: get(`${org}:${route}:received`), closed: get(`${org}:${route}:closed`) }));

  const sortedIds = [own.id, ...ids.filter((id) => id !== own.id).sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'nl'))];
  const monitor = await monitorHeadline(s, own.id);
  return {
    year,
    years,
    view,
    k: view === 'commission' ? null : s.config.surveyMinGroup,
    organisations: sortedIds.map((id) => ({
      id,
      name: names.get(id) ?? '',
      own: id === own.id,
      routes: routeRows(id),
      total: { received: get(`${id}:total:received`), closed: get(`${id}:total:closed`) },
      monitor: id === own.id ? monitor : null,
    })),
    statistics,
    together: together ? { routes: routeRows('all'), total: { received: get('all:total:received'), closed: get('all:total:closed') } } : null,
  };
}

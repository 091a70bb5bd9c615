import { sql, type SQL } from 'drizzle-orm';
import { keptFigures } from './figures-cache.js';
import type { Services } from '../../services.js';
import { aimsCodes, codedOutcomes, intakeChannels, meansCodes, measureCodes, personalEffectCodes, publicEffectCodes, registrationCategories, sourceCodes, substantiated, themeCodes } from '../coding/codes.js';
import { caseKinds } from '../cases/lifecycle.js';
import { interventionKinds } from '../cases/interventions.js';
import type { AdditiveTable } from '../surveys/suppression.js';
import { exactCounts, suppressCounts, type Count } from './counts.js';

// A year's figures of the cases a scope covers, with the year before beside them: counts and
// shares by route, classification, registration category, the research codes, anonymity, intake
// channel, outcome; handling times; legal terms; interventions; recommendations; risk signals by
// theme and month; advisor registrations. Live cases and the anonymous rows kept after the purge
// together. Everything the statistics page, the annual report, its exports, the registration
// export and the management's risk view show comes from one call, so that beyond the commission
// one suppression covers all of it: no page can give back by subtraction what another hides.

export type StatisticsScope =
  /** The commission: the cases its bodies handle (reports and risk signals), exactly. */
  | { kind: 'commission'; organisationId: string }
  /** Beyond the commission: the cases about one organisation, whoever handles them; suppressed below k. */
  | { kind: 'organisation'; organisationId: string };

export const statisticsRoutes = { commission: ['commission', 'risk_signal'], organisation: ['commission', 'risk_signal', 'ethics', 'advisor'] } as const;

/** A row of a table: its code and its count in the year and in the year before. */
export interface StatisticsRow {
  code: string;
  counts: [Count, Count];
}

export interface StatisticsTable {
  /** Which dimension (its label keys are `statistics.table.<id>` and the codes' own). */
  id: TableId;
  rows: StatisticsRow[];
  /** The table's base (the share's denominator), when its rows add up to it or are a share of it. */
  base: [Count, Count] | null;
  /** Several codes per case: the rows do not add up to the base. */
  several: boolean;
}

/**
 * Days from receipt, median and 90th percentile; null where hidden or none. No count of cases per
 * step is published: the closing step's count is the closed reports' cell and the difference of two
 * steps is the inadmissible ones, which would give hidden cells back.
 */
export interface HandlingTime {
  step: 'acknowledged' | 'feedback' | 'closed';
  median: number | null;
  p90: number | null;
}

export interface YearStatistics {
  year: number;
  /** The organisation's headcount setting (reports per 100 employees need it). */
  headcount: number | null;
  /** The smallest group shown, or null for the commission's exact figures. */
  k: number | null;
  routes: string[];
  tables: StatisticsTable[];
  times: [HandlingTime[], HandlingTime[]];
  /** Shares derived from shown counts only (null when a count they need is hidden or the base is empty). */
  rates: {
    substantiated: [number | null, number | null];
    returnedAnonymous: [number | null, number | null];
    per100: [number | null, number | null];
    riskFollowedUp: [number | null, number | null];
  };
}

export const tableIds = [
  'received',
  'closed',
  'kind',
  'category',
  'anonymity',
  'channel',
  'sources',
  'means',
  'aims',
  'effectsPersonal',
  'effectsPublic',
  'outcome',
  'termsMet',
  'measures',
  'extensions',
  'interventions',
  'recommendations',
  'themes',
  'riskMonths',
  'riskFollowed',
  'returned',
  'advisor',
] as const;
export type TableId = (typeof tableIds)[number];

const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const uncoded = 'uncoded';

/** The codes of each table, in the order shown (codes the data holds beyond these are shown after them). */
function codesOf(id: TableId, routes: readonly string[]): readonly string[] {
  switch (id) {
    case 'received':
    case 'closed':
      return routes;
    case 'kind':
      return [...caseKinds, uncoded];
    case 'category':
      return [...registrationCategories, uncoded];
    case 'anonymity':
      return ['anonymous', 'confidential', 'open', 'unknown'];
    case 'channel':
      return [...intakeChannels, uncoded];
    case 'sources':
      return sourceCodes;
    case 'means':
      return meansCodes;
    case 'aims':
      return aimsCodes;
    case 'effectsPersonal':
      return personalEffectCodes;
    case 'effectsPublic':
      return publicEffectCodes;
    case 'outcome':
      return [...codedOutcomes, uncoded];
    case 'termsMet':
      return ['yes', 'no', uncoded];
    case 'measures':
      return measureCodes;
    case 'extensions':
      return ['extended', 'beyond'];
    case 'interventions':
      return interventionKinds.flatMap((kind) => [kind, `${kind}:done`]);
    case 'recommendations':
      return ['followed', 'not_followed', 'open'];
    case 'themes':
      return themeCodes;
    case 'riskMonths':
      return months;
    case 'riskFollowed':
    case 'returned':
      return ['yes'];
    case 'advisor':
      return ['registrations'];
  }
}

/** Which tables add up to which cell: [table, its total's table, the total's code]. Other tables' cells stand alone. */
const additive: Array<[TableId, TableId, string]> = [
  ['kind', 'received', 'commission'],
  ['category', 'received', 'commission'],
  ['anonymity', 'received', 'commission'],
  ['channel', 'received', 'commission'],
  ['outcome', 'closed', 'commission'],
  ['termsMet', 'closed', 'commission'],
  ['riskMonths', 'received', 'risk_signal'],
];
/** The base a table's shares are taken of. */
const baseOf: Partial<Record<TableId, [TableId, string]>> = {
  ...Object.fromEntries(additive.map(([table, totalTable, code]) => [table, [totalTable, code]])),
  sources: ['received', 'commission'],
  means: ['received', 'commission'],
  aims: ['received', 'commission'],
  effectsPersonal: ['received', 'commission'],
  effectsPublic: ['received', 'commission'],
  measures: ['closed', 'commission'],
  extensions: ['closed', 'commission'],
  themes: ['received', 'risk_signal'],
  riskFollowed: ['received', 'risk_signal'],
  returned: ['anonymity', 'anonymous'],
};
const severalTables: readonly TableId[] = ['sources', 'means', 'aims', 'effectsPersonal', 'effectsPublic', 'measures', 'themes', 'extensions', 'interventions'];

const cellId = (year: number, table: string, code: string) => `${year}:${table}:${code}`;

interface RawRow {
  y: number;
  dim: string;
  code: string | null;
  n: number;
}

export async function yearStatistics(s: Pick<Services, 'db' | 'config' | 'now' | 'figuresCache'>, scope: StatisticsScope, year: number, timeZone: string, headcount: number | null): Promise<YearStatistics> {
  return keptFigures(s, scope.organisationId, ['statistics', scope.kind, year, timeZone, headcount ?? '', s.config.surveyMinGroup], () => computeYearStatistics(s, scope, year, timeZone, headcount));
}

async function computeYearStatistics(s: Pick<Services, 'db' | 'config'>, scope: StatisticsScope, year: number, timeZone: string, headcount: number | null): Promise<YearStatistics> {
  const routes = [...statisticsRoutes[scope.kind]];
  const years = [year, year - 1] as const;
  const from = `${year - 1}-01-01`;
  const until = `${year + 1}-01-01`;
  const own = scope.organisationId;
  // Raw SQL (one of the few named places, see docs/threat-model.md): every table read below is
  // limited to the scope's organisation by these two conditions, written once.
  const liveScope: SQL = scope.kind === 'commission' ? sql`c.handled_by = ${own}` : sql`c.organisation_id = ${own}`;
  const purgedScope: SQL = scope.kind === 'commission' ? sql`st.handled_by = ${own}` : sql`st.organisation_id = ${own}`;
  const routeList = sql.join(routes.map((r) => sql`${r}`), sql`, `);
  const local = (column: SQL) => sql`(${column} at time zone ${timeZone})::date`;
  const followed = sql`(status in ('in_handling', 'concluded', 'feedback_given', 'closed') and coalesce(outcome, '') <> 'not_admissible')`;
  // Cheap bounds first (a day's margin for any zone), the exact local years below.
  const fromInstant = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000);
  // One pass over the cases: every combination of the single-valued codes counted once (a few
  // hundred groups at most), and the multi-valued codes and day counts unnested in the same pass;
  // the tables and the percentiles are summed from these in memory.
  const countsQuery = sql`
    with base as (
      select c.route_code as route, c.anonymity, coalesce(c.coding->>'kind', c.kind) as kind, c.coding,
        coalesce(nullif(c.coding->>'outcome', ''), c.outcome) as outcome, c.status,
        ${local(sql`c.received_at`)} as rec_d, ${local(sql`c.acknowledged_at`)} as ack_d, ${local(sql`c.feedback_given_at`)} as fb_d, ${local(sql`c.closed_at`)} as closed_d,
        c.feedback_extended_to is not null as extended, c.beyond_legal_term as beyond, c.reporter_returned as returned,
        coalesce(c.intake_channel, case when c.entered_by = 'operator' then 'oral' else 'form' end) as channel
      from cases as c
      where ${liveScope} and c.route_code in (${routeList}) and (c.received_at >= ${fromInstant} or c.closed_at >= ${fromInstant})
      union all
      select st.route_code, st.anonymity, coalesce(st.coding->>'kind', st.kind), st.coding,
        coalesce(nullif(st.coding->>'outcome', ''), st.outcome), 'closed',
        st.received_on::date, st.acknowledged_on::date, st.feedback_on::date, st.closed_on::date,
        st.extended, st.beyond_legal_term, st.reporter_returned, null
      from case_statistics as st
      where ${purgedScope} and st.route_code in (${routeList}) and (st.received_on >= ${from} or st.closed_on >= ${from})
    ),
    b as (
      select *,
        case when rec_d >= ${from}::date and rec_d < ${until}::date then extract(year from rec_d)::int end as ry,
        case when closed_d >= ${from}::date and closed_d < ${until}::date then extract(year from closed_d)::int end as cy
      from base
    )
    select 'flat' as part, ry, cy, route, coalesce(kind, ${uncoded}) as kind, coalesce(coding->>'category', ${uncoded}) as category,
      coalesce(anonymity, 'unknown') as anonymity, coalesce(coding->>'channel', channel, ${uncoded}) as channel, coalesce(outcome, ${uncoded}) as outcome,
      coalesce(coding->>'termsMet', ${uncoded}) as terms, extract(month from rec_d)::int as month, ${followed} as followed, returned, extended, beyond,
      null::text as key, null::text as code, count(*)::int as n
    from b where ry is not null or cy is not null
    group by ry, cy, route, 5, 6, 7, 8, 9, 10, 11, 12, returned, extended, beyond
    union all
    select 'each', ry, cy, route, null, null, null, null, null, null, null, null, null, null, null, e.key, e.code, count(*)::int
    from b, lateral (
      select k as key, jsonb_array_elements_text(coalesce(b.coding->k, '[]'::jsonb)) as code from unnest(array['sources', 'means', 'aims', 'effectsPersonal', 'effectsPublic', 'themes', 'measures']) as k where b.coding is not null
      union all select 'ack', (b.ack_d - b.rec_d)::text where b.cy is not null and b.ack_d is not null
      union all select 'fb', (b.fb_d - b.rec_d)::text where b.cy is not null and b.fb_d is not null
      union all select 'closed', (b.closed_d - b.rec_d)::text where b.cy is not null
    ) as e
    where (ry is not null or cy is not null) and route in ('commission', 'risk_signal') and (b.coding is not null or b.cy is not null)
    group by ry, cy, route, e.key, e.code`;
  // Interventions and recommendations of the reports closed in the year: live from their tables, purged from the kept row.
  const closedYear = (column: SQL) => sql`extract(year from ${local(column)})::int`;
  const workQuery = sql`
    select ${closedYear(sql`c.closed_at`)} as y, 'interventions' as dim, i.kind || case when i.result_recorded_at is null then '' else ':done' end as code, count(*)::int as n
      from case_interventions as i join cases as c on c.id = i.case_id
      where ${liveScope} and c.route_code = 'commission' and c.closed_at >= ${fromInstant} and ${local(sql`c.closed_at`)} >= ${from}::date and ${local(sql`c.closed_at`)} < ${until}::date group by 1, 3
    union all
    select ${closedYear(sql`c.closed_at`)}, 'recommendations', r.status, count(*)::int
      from case_recommendations as r join cases as c on c.id = r.case_id
      where ${liveScope} and c.route_code = 'commission' and c.closed_at >= ${fromInstant} and ${local(sql`c.closed_at`)} >= ${from}::date and ${local(sql`c.closed_at`)} < ${until}::date group by 1, 3
    union all
    select substr(st.closed_on, 1, 4)::int, 'interventions', (e->>'kind') || case when (e->>'done')::boolean then ':done' else '' end, count(*)::int
      from case_statistics as st, jsonb_array_elements(coalesce(st.interventions, '[]'::jsonb)) as e
      where ${purgedScope} and st.route_code = 'commission' and st.closed_on >= ${from} and st.closed_on < ${until} group by 1, 3
    union all
    select substr(st.closed_on, 1, 4)::int, 'recommendations', r, count(*)::int
      from case_statistics as st, jsonb_array_elements_text(coalesce(st.recommendations, '[]'::jsonb)) as r
      where ${purgedScope} and st.route_code = 'commission' and st.closed_on >= ${from} and st.closed_on < ${until} group by 1, 3
    ${
      scope.kind === 'organisation'
        ? sql`union all select substr(a.month, 1, 4)::int, 'advisor', 'registrations', count(*)::int from advisor_registrations as a where a.organisation_id = ${own} and a.month >= ${from.slice(0, 7)} and a.month < ${until.slice(0, 7)} group by 1`
        : sql``
    }`;
  const rowsOf = (result: unknown) => ((result as { rows: Array<Record<string, unknown>> }).rows ?? []);
  const [countRows, workRows] = [rowsOf(await s.db.execute(countsQuery)), rowsOf(await s.db.execute(workQuery))];

  // The rows as (year, table, code, n), and the day counts as histograms per year and step.
  const raw: RawRow[] = workRows.map((r) => ({ y: Number(r.y), dim: String(r.dim), code: r.code === null ? null : String(r.code), n: Number(r.n) }));
  const histograms = new Map<string, Map<number, number>>();
  const inYear = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  for (const r of countRows) {
    const ry = inYear(r.ry);
    const cy = inYear(r.cy);
    const n = Number(r.n);
    const route = String(r.route);
    const add = (y: number | null, dim: string, code: string) => {
      if (y !== null) raw.push({ y, dim, code, n });
    };
    if (r.part === 'flat') {
      add(ry, 'received', route);
      add(cy, 'closed', route);
      if (route === 'commission') {
        for (const dim of ['kind', 'category', 'anonymity', 'channel'] as const) add(ry, dim, String(r[dim]));
        if (r.anonymity === 'anonymous' && r.returned === true) add(ry, 'returned', 'yes');
        add(cy, 'outcome', String(r.outcome));
        add(cy, 'termsMet', String(r.terms));
        if (r.extended === true) add(cy, 'extensions', 'extended');
        if (r.beyond === true) add(cy, 'extensions', 'beyond');
      }
      if (route === 'risk_signal') {
        add(ry, 'riskMonths', String(r.month).padStart(2, '0'));
        if (r.followed === true) add(ry, 'riskFollowed', 'yes');
      }
      continue;
    }
    const key = String(r.key);
    if (['ack', 'fb', 'closed'].includes(key)) {
      if (route !== 'commission' || cy === null) continue;
      const id = `${cy}:${key}`;
      const histogram = histograms.get(id) ?? new Map<number, number>();
      histogram.set(Number(r.code), (histogram.get(Number(r.code)) ?? 0) + n);
      histograms.set(id, histogram);
    } else if (key === 'themes') {
      if (route === 'risk_signal') add(ry, key, String(r.code));
    } else if (route === 'commission') add(key === 'measures' ? cy : ry, key, String(r.code));
  }

  const tables = tableIds.filter((id) => id !== 'advisor' || scope.kind === 'organisation');
  // Every cell of every table, zero where nothing was counted; codes the data holds beyond the known ones join their table.
  const cells = new Map<string, number>();
  const codes = new Map<TableId, string[]>(tables.map((id) => [id, [...codesOf(id, routes)]]));
  for (const y of years) for (const id of tables) for (const code of codes.get(id)!) cells.set(cellId(y, id, code), 0);
  for (const row of raw) {
    const id = row.dim as TableId;
    if (!years.includes(row.y as (typeof years)[number]) || !codes.has(id) || row.code === null) continue;
    const list = codes.get(id)!;
    if (!list.includes(row.code)) {
      list.push(row.code);
      for (const other of years) cells.set(cellId(other, id, row.code), 0);
    }
    cells.set(cellId(row.y, id, row.code), (cells.get(cellId(row.y, id, row.code)) ?? 0) + row.n);
  }
  for (const y of years) {
    for (const what of ['received', 'closed'] as const) cells.set(cellId(y, what, 'total'), routes.reduce((sum, r) => sum + (cells.get(cellId(y, what, r)) ?? 0), 0));
    cells.set(cellId(y, 'recommendations', 'total'), codes.get('recommendations')!.reduce((sum, c) => sum + (cells.get(cellId(y, 'recommendations', c)) ?? 0), 0));
  }
  // Handling times.
  const timeSteps = [
    ['acknowledged', 'ack'],
    ['feedback', 'fb'],
    ['closed', 'closed'],
  ] as const;
  // percentile_disc: the smallest number of days with at least that share of the cases at or below it.
  const percentile = (histogram: Map<number, number> | undefined, p: number): number | null => {
    if (!histogram) return null;
    const total = [...histogram.values()].reduce((a, b) => a + b, 0);
    let seen = 0;
    for (const days of [...histogram.keys()].sort((a, b) => a - b)) {
      seen += histogram.get(days)!;
      if (seen / total >= p) return days;
    }
    return null;
  };
  const histogramOf = (y: number, col: string) => histograms.get(`${y}:${col}`);
  const stepCount = (y: number, col: string) => [...(histogramOf(y, col)?.values() ?? [])].reduce((a, b) => a + b, 0);

  let published: Map<string, Count>;
  if (scope.kind === 'commission') published = exactCounts(cells);
  else {
    const additiveTables: AdditiveTable[] = years.flatMap((y) => [
      ...(['received', 'closed'] as const).map((what) => ({ total: cellId(y, what, 'total'), parts: routes.map((r) => cellId(y, what, r)) })),
      ...additive.map(([id, totalTable, totalCode]) => ({ total: cellId(y, totalTable, totalCode), parts: codes.get(id)!.map((code) => cellId(y, id, code)) })),
      { total: cellId(y, 'recommendations', 'total'), parts: codes.get('recommendations')!.map((code) => cellId(y, 'recommendations', code)) },
    ]);
    // A count that is part of a shown total (the risk signals followed up, each research code, a
    // measure, the anonymous reporters who came back) bounds it from below: said to the audit as
    // total = part + a rest that is never shown.
    const rests: string[] = [];
    for (const y of years) {
      for (const id of tables) {
        const base = baseOf[id];
        if (!base || additive.some(([table]) => table === id)) continue;
        for (const code of codes.get(id)!) {
          const part = cellId(y, id, code);
          const rest = `${part}:rest`;
          const restSize = (cells.get(cellId(y, base[0], base[1])) ?? 0) - (cells.get(part) ?? 0);
          // No rest: the part is the whole total, and says nothing the total does not.
          if (restSize <= 0) continue;
          cells.set(rest, restSize);
          rests.push(rest);
          additiveTables.push({ total: cellId(y, base[0], base[1]), parts: [part, rest] });
        }
      }
    }
    // Each year on its own: the year before, shown beside this one, is hidden exactly as on its own page.
    published = new Map();
    for (const y of years) {
      const mine = (id: string) => id.startsWith(`${y}:`);
      const yearCells = new Map([...cells].filter(([id]) => mine(id)));
      const yearTables = additiveTables.filter((table) => mine(table.total));
      for (const [id, count] of suppressCounts(yearCells, yearTables, s.config.surveyMinGroup, rests.filter(mine))) published.set(id, count);
    }
  }
  const get = (y: number, table: string, code: string): Count => published.get(cellId(y, table, code)) ?? { kind: 'hidden' };
  const pair = (table: string, code: string): [Count, Count] => [get(years[0], table, code), get(years[1], table, code)];
  const shownN = (c: Count) => (c.kind === 'shown' ? c.n : null);
  const ratio = (part: Count, whole: Count, times = 100): number | null => {
    const p = shownN(part);
    const w = shownN(whole);
    return p === null || w === null || w === 0 ? null : Math.round((p / w) * times * 10) / 10;
  };
  const perYear = <T>(f: (y: number) => T): [T, T] => [f(years[0]), f(years[1])];

  return {
    year,
    headcount,
    k: scope.kind === 'commission' ? null : s.config.surveyMinGroup,
    routes,
    tables: tables.map((id) => {
      const base = baseOf[id];
      return {
        id,
        rows: [...codes.get(id)!, ...(id === 'received' || id === 'closed' || id === 'recommendations' ? ['total'] : [])].map((code) => ({ code, counts: pair(id, code) })),
        base: base ? pair(base[0], base[1]) : null,
        several: severalTables.includes(id),
      };
    }),
    times: perYear((y) =>
      timeSteps.map(([step, col]) => {
        // Beyond the commission, only where the closed reports are shown and the step has at least k of them.
        const enough = scope.kind === 'commission' || (get(y, 'closed', 'commission').kind === 'shown' && stepCount(y, col) >= s.config.surveyMinGroup);
        const value = (v: number | null) => (enough ? v : null);
        return { step, median: value(percentile(histogramOf(y, col), 0.5)), p90: value(percentile(histogramOf(y, col), 0.9)) };
      }),
    ),
    rates: {
      substantiated: perYear((y) => {
        const decided = codedOutcomes.filter((o) => o !== 'not_admissible' && o !== 'withdrawn').map((o) => get(y, 'outcome', o));
        if (decided.some((c) => c.kind === 'hidden')) return null;
        const founded = substantiated.reduce((sum, o) => sum + (shownN(get(y, 'outcome', o)) ?? 0), 0);
        const all = decided.reduce((sum, c) => sum + (shownN(c) ?? 0), 0);
        return all === 0 ? null : Math.round((founded / all) * 1000) / 10;
      }),
      returnedAnonymous: perYear((y) => ratio(get(y, 'returned', 'yes'), get(y, 'anonymity', 'anonymous'))),
      per100: perYear((y) => (headcount ? ratio(get(y, 'received', 'commission'), { kind: 'shown', n: headcount }) : null)),
      riskFollowedUp: perYear((y) => ratio(get(y, 'riskFollowed', 'yes'), get(y, 'received', 'risk_signal'))),
    },
  };
}

import type { Count } from '../../domain/statistics/counts.js';
import type { StatisticsTable, TableId, YearStatistics } from '../../domain/statistics/year-statistics.js';
import type { Language, MessageKey, Translate } from '../../i18n/index.js';
import { formatCount, formatPercent } from '../format.js';
import { H2, H3, P } from './text.js';
import { useUi } from '../ui-context.js';

/** The groups the tables are shown in, one heading each. */
export const statisticsGroups: Array<{ id: string; tables: TableId[] }> = [
  { id: 'reports', tables: ['received', 'closed', 'kind', 'category', 'anonymity', 'channel'] },
  { id: 'pressure', tables: ['sources', 'means', 'aims', 'effectsPersonal', 'effectsPublic'] },
  { id: 'handling', tables: ['outcome', 'termsMet', 'extensions', 'measures', 'interventions', 'recommendations'] },
  { id: 'signals', tables: ['themes', 'riskMonths', 'riskFollowed'] },
  { id: 'other', tables: ['returned', 'advisor'] },
];

/** A row's label: the codes' own labels where they have them. */
export function rowLabel(t: Translate, lang: Language, table: TableId, code: string): string {
  if (code === 'total') return t('figures.total');
  if (code === 'uncoded') return t('statistics.uncoded');
  switch (table) {
    case 'received':
    case 'closed':
      return t(`figures.route.${code}` as MessageKey);
    case 'kind':
      return t(`case.kind.${code}` as MessageKey);
    case 'anonymity':
    case 'extensions':
    case 'recommendations':
    case 'riskFollowed':
    case 'returned':
    case 'advisor':
      return t(`statistics.${table}.${code}` as MessageKey);
    case 'interventions': {
      const [kind, done] = code.split(':');
      const name = t(`intervention.kind.${kind}` as MessageKey);
      return done ? t('statistics.interventions.done', { kind: name }) : name;
    }
    case 'riskMonths':
      return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, Number(code) - 1, 1)));
    default:
      return t(`coding.${table}.${code}` as MessageKey);
  }
}

export function countText(t: Translate, lang: Language, count: Count): string {
  return count.kind === 'shown' ? formatCount(count.n, lang) : t('figures.hidden');
}

/** A row's share of the table's base, where both are shown and the base is not empty. */
export function shareOf(count: Count, base: Count | undefined): number | null {
  if (!base || count.kind !== 'shown' || base.kind !== 'shown' || base.n === 0) return null;
  return Math.round((count.n / base.n) * 1000) / 10;
}

/** Every table of a year's statistics, in groups, each with the year before beside it. */
export function StatisticsTables(props: { statistics: YearStatistics; only?: readonly TableId[] }) {
  const { t } = useUi();
  const st = props.statistics;
  const byId = new Map(st.tables.map((table) => [table.id, table]));
  return (
    <>
      {statisticsGroups.map((group) => {
        const tables = group.tables.filter((id) => byId.has(id) && (!props.only || props.only.includes(id)));
        if (tables.length === 0) return null;
        return (
          <section aria-labelledby={`statistics-${group.id}`}>
            <H2 id={`statistics-${group.id}`}>{t(`statistics.group.${group.id}` as MessageKey)}</H2>
            {group.id === 'handling' ? <HandlingTimes statistics={st} /> : null}
            {tables.map((id) => (
              <StatisticsTableView table={byId.get(id)!} year={st.year} />
            ))}
          </section>
        );
      })}
    </>
  );
}

export function StatisticsTableView(props: { table: StatisticsTable; year: number }) {
  const { t, lang } = useUi();
  const table = props.table;
  const caption = t(`statistics.table.${table.id}` as MessageKey);
  const shares = table.base !== null;
  return (
    <>
      <H3>{caption}</H3>
      {table.several ? <P>{t('statistics.several')}</P> : null}
      <div class="utrecht-table-container" tabindex={0} role="region" aria-label={caption}>
        <table class="utrecht-table utrecht-table--html-table" data-testid={`statistics-${table.id}`}>
          <caption class="utrecht-table__caption">{t('statistics.caption', { table: caption, year: props.year })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('statistics.what')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{String(props.year)}</th>
              {shares ? <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('statistics.share')}</th> : null}
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{String(props.year - 1)}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {table.rows.map((row) => {
              const share = shareOf(row.counts[0], table.base?.[0]);
              return (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{rowLabel(t, lang, table.id, row.code)}</th>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{countText(t, lang, row.counts[0])}</td>
                  {shares ? <td class="utrecht-table__cell utrecht-table__cell--numeric">{share === null ? '–' : formatPercent(share, lang)}</td> : null}
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{countText(t, lang, row.counts[1])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Median and 90th percentile of the days from receipt, and the rates derived from shown counts. */
export function HandlingTimes(props: { statistics: YearStatistics }) {
  const { t, lang } = useUi();
  const st = props.statistics;
  const days = (v: number | null) => (v === null ? t('figures.hidden') : t('statistics.days', { n: formatCount(v, lang) }));
  const rate = (v: number | null) => (v === null ? '–' : formatPercent(v, lang));
  const caption = t('statistics.table.times');
  return (
    <>
      <H3>{caption}</H3>
      <P>{t('statistics.timesExplain')}</P>
      <div class="utrecht-table-container" tabindex={0} role="region" aria-label={caption}>
        <table class="utrecht-table utrecht-table--html-table" data-testid="statistics-times">
          <caption class="utrecht-table__caption">{t('statistics.caption', { table: caption, year: st.year })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('statistics.what')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('statistics.median')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('statistics.p90')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('statistics.medianBefore', { year: st.year - 1 })}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {st.times[0].map((time, i) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">{t(`statistics.times.${time.step}` as MessageKey)}</th>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{days(time.median)}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{days(time.p90)}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{days(st.times[1][i]!.median)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="app-rates" data-testid="statistics-rates">
        <dt>{t('statistics.rate.substantiated')}</dt>
        <dd>{rate(st.rates.substantiated[0])} ({st.year - 1}: {rate(st.rates.substantiated[1])})</dd>
        <dt>{t('statistics.rate.returnedAnonymous')}</dt>
        <dd>{rate(st.rates.returnedAnonymous[0])} ({st.year - 1}: {rate(st.rates.returnedAnonymous[1])})</dd>
        <dt>{t('statistics.rate.per100')}</dt>
        <dd>{st.rates.per100[0] === null ? (st.headcount ? t('figures.hidden') : t('statistics.rate.noHeadcount')) : st.rates.per100[0].toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })}</dd>
        <dt>{t('statistics.rate.riskFollowedUp')}</dt>
        <dd>{rate(st.rates.riskFollowedUp[0])} ({st.year - 1}: {rate(st.rates.riskFollowedUp[1])})</dd>
      </dl>
    </>
  );
}

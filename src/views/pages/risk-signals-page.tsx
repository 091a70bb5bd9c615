import type { RiskSignalsView } from '../../domain/statistics/view-risk-signals.js';
import { formatPercent } from '../format.js';
import { countText, StatisticsTableView } from '../components/statistics-tables.js';
import { H1, H2, P } from '../components/text.js';
import { useUi } from '../ui-context.js';
import { Monitor } from './figures-page.js';

/** Top management's view: risk signals by theme and month, the trend, the follow-up, and the monitor's headline. */
export function RiskSignalsPage(props: { view: RiskSignalsView }) {
  const { t, lang, href } = useUi();
  const v = props.view;
  const rate = (x: number | null) => (x === null ? t('figures.hidden') : formatPercent(x, lang));
  return (
    <>
      <H1>{t('signals.title')}</H1>
      <P lead>{t('signals.lead', { organisation: v.organisation, k: v.k })}</P>
      <nav aria-label={t('figures.years')}>
        <ul class="app-year-list">
          {v.years.map((year) => (
            <li>{year === v.year ? <span aria-current="page">{year}</span> : <a class="utrecht-link" href={href(`/staff/signals?year=${year}`)}>{year}</a>}</li>
          ))}
        </ul>
      </nav>
      <dl class="app-rates" data-testid="signals-summary">
        <dt>{t('signals.received', { year: v.year })}</dt>
        <dd>{countText(t, lang, v.received[0])}</dd>
        <dt>{t('signals.received', { year: v.year - 1 })}</dt>
        <dd>{countText(t, lang, v.received[1])}</dd>
        <dt>{t('signals.followedUp')}</dt>
        <dd>{rate(v.followedUp[0])} ({v.year - 1}: {rate(v.followedUp[1])})</dd>
      </dl>
      <StatisticsTableView table={v.themes} year={v.year} />
      <StatisticsTableView table={v.months} year={v.year} />
      <P>{t('signals.noCases')}</P>
      <H2>{t('signals.monitor')}</H2>
      <Monitor organisation={{ name: v.organisation, monitor: v.monitor }} />
    </>
  );
}

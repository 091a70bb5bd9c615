import type { Count } from '../../domain/statistics/counts.js';
import type { FiguresView, OrganisationFigures, RouteFigures } from '../../domain/statistics/case-figures.js';
import type { MessageKey } from '../../i18n/index.js';
import { formatPercent } from '../format.js';
import { H1, H2, P } from '../components/text.js';
import { useUi } from '../ui-context.js';
import { StatisticsTables } from '../components/statistics-tables.js';

/** Reports per year, route and organisation, with the organisation's own monitor results beside them. */
export function FiguresPage(props: { figures: FiguresView }) {
  const { t, href } = useUi();
  const f = props.figures;
  return (
    <>
      <H1>{t('figures.title')}</H1>
      <P lead>{f.view === 'commission' ? t('figures.lead.commission') : t('figures.lead.organisation', { k: f.k ?? 0 })}</P>
      <nav aria-label={t('figures.years')}>
        <ul class="app-year-list">
          {f.years.map((year) => (
            <li>
              {year === f.year ? (
                <span aria-current="page">{year}</span>
              ) : (
                <a class="utrecht-link" href={href(`/staff/figures?year=${year}`)}>
                  {year}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <P>{t('figures.counting')}</P>
      {f.view === 'organisation' ? <P>{t('figures.runningYearHeld')}</P> : null}
      {f.organisations.length > 1 ? <P>{t('figures.shared')}</P> : null}
      {f.organisations.map((o) => (
        <section aria-labelledby={`org-${o.id}`}>
          <H2 id={`org-${o.id}`}>{o.name}</H2>
          <CountsTable caption={t('figures.caption', { organisation: o.name, year: f.year })} rows={o.routes} total={o.total} testId={`figures-${o.own ? 'own' : o.id}`} />
          {o.own ? <Monitor organisation={o} /> : null}
        </section>
      ))}
      {f.together ? (
        <section aria-labelledby="org-together">
          <H2 id="org-together">{t('figures.together')}</H2>
          <CountsTable caption={t('figures.caption', { organisation: t('figures.together'), year: f.year })} rows={f.together.routes} total={f.together.total} testId="figures-together" />
        </section>
      ) : null}
      <H2 id="statistics">{t('statistics.title', { year: f.year })}</H2>
      <P>{f.view === 'commission' ? t('statistics.lead.commission') : t('statistics.lead.organisation', { k: f.k ?? 0 })}</P>
      <StatisticsTables statistics={f.statistics} />
    </>
  );
}

function CountsTable(props: { caption: string; rows: RouteFigures[]; total: { received: Count; closed: Count }; testId: string }) {
  const { t } = useUi();
  const cell = (count: Count) => (count.kind === 'shown' ? String(count.n) : t('figures.hidden'));
  return (
    // Focusable and named, so that a table wider than a phone's screen can be scrolled with the keyboard.
    <div class="utrecht-table-container" tabindex={0} role="region" aria-label={props.caption}>
      <table class="utrecht-table utrecht-table--html-table" data-testid={props.testId}>
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('figures.route')}</th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('figures.received')}</th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('figures.closed')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((row) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{t(`figures.route.${row.route}` as MessageKey)}</th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{cell(row.received)}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{cell(row.closed)}</td>
            </tr>
          ))}
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">{t('figures.total')}</th>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{cell(props.total.received)}</td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{cell(props.total.closed)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The organisation's own monitor results (also on the management's risk view). */
export function Monitor(props: { organisation: Pick<OrganisationFigures, 'name' | 'monitor'> }) {
  const { t, lang } = useUi();
  const m = props.organisation.monitor;
  if (!m) return <P>{t('figures.monitor.none', { organisation: props.organisation.name })}</P>;
  return (
    <>
      <h3 class="utrecht-heading-3">{t('figures.monitor.heading', { wave: m.waveName })}</h3>
      <P>{m.responses === null ? t('figures.monitor.responsesHidden') : t('figures.monitor.responses', { n: m.responses })}</P>
      <P>
        <strong data-testid="figures-pressured">
          {m.pressured !== null ? t('figures.monitor.pressured', { share: formatPercent(m.pressured, lang) }) : m.pressuredHidden ? t('figures.monitor.pressuredHidden') : t('figures.monitor.pressuredNone')}
        </strong>
      </P>
      {m.pressureDetails.some((d) => d.top.length > 0) ? (
        <ul class="utrecht-unordered-list" data-testid="figures-pressure-details">
          {m.pressureDetails.map((d) => (
            <li class="utrecht-unordered-list__item">
              {d.label[lang]}{' '}
              {d.top.length > 0 ? d.top.map((o) => `${o.label[lang]} (${formatPercent(o.share, lang)})`).join(', ') : t('figures.hidden')}
              {d.hidden && d.top.length > 0 ? ` ${t('figures.monitor.someHidden')}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="utrecht-table-container" tabindex={0} role="region" aria-label={t('figures.monitor.caption', { organisation: props.organisation.name })}>
        <table class="utrecht-table utrecht-table--html-table" data-testid="figures-monitor">
          <caption class="utrecht-table__caption">{t('figures.monitor.caption', { organisation: props.organisation.name })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('figures.monitor.statement')}</th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('figures.monitor.agree')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {m.statements.map((st) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">{st.label[lang]}</th>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{st.agree !== null ? formatPercent(st.agree, lang) : st.hidden ? t('figures.hidden') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <P>{t('figures.monitor.explain')}</P>
    </>
  );
}

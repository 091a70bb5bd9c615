import { groupId, publishedN, publishedResponses, share, tableGroups, type Figure, type TrendPoint, type WaveResults } from '../../../domain/surveys/results.js';
import type { WaveSummary } from '../../../domain/surveys/waves.js';
import type { MessageKey } from '../../../i18n/index.js';
import { BarChart } from '../../components/bar-chart.js';
import { ChoiceGroup, Form, SubmitButton } from '../../components/form.js';
import { H1, H2, Link, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { formatPercent } from '../../format.js';

/** One organisation's results: itself, its sector and all others; by job level; pressure yes against no; trends. */
export function ResultsPage(props: { wave: WaveSummary; results: WaveResults; organisationId: string; trends: TrendPoint[] }) {
  const { t, lang, href } = useUi();
  const org = props.wave.organisations.find((o) => o.id === props.organisationId)!;
  const r = props.results;
  const pct = (f: Figure | undefined, part: 'agree' | 'disagree' = 'agree') => {
    const value = share(f, part);
    return value === null ? (f?.kind === 'empty' ? '–' : t('surveys.results.hidden')) : formatPercent(value, lang);
  };
  const nOf = (f: Figure | undefined) => String(publishedN(f) ?? t('surveys.results.hidden'));
  const withN = (f: Figure | undefined) => `${pct(f)} (n ${nOf(f)})`;
  const csv = (table: string) => href(`/staff/surveys/${props.wave.id}/results.csv?org=${org.id}&table=${table}`);
  const num = 'utrecht-table__cell utrecht-table__cell--numeric';
  const [own, sector, others] = tableGroups(r, org, 'statements') as [string, string, string];
  const responses = publishedResponses(r, org);
  return (
    <>
      <H1>{t('surveys.results.heading', { wave: props.wave.name, organisation: org.name })}</H1>
      <P>{t('surveys.results.explain', { k: r.k })}</P>
      <Form action={`/staff/surveys/${props.wave.id}/results`} method="get">
        <ChoiceGroup name="org" legend="surveys.results.other" choices={props.wave.organisations.map((o) => ({ value: o.id, label: o.name }))} selected={[org.id]} />
        <SubmitButton label="surveys.results.show" secondary />
      </Form>
      <P>
        {responses === null
          ? t('surveys.results.responseHidden', { invited: org.invited })
          : t('surveys.results.responseRate', {
              responses,
              invited: org.invited,
              rate: org.invited > 0 ? formatPercent(Math.round((responses / org.invited) * 1000) / 10, lang) : '–',
            })}
      </P>

      <H2>{t('surveys.results.statements')}</H2>
      <BarChart
        id="chart-statements"
        title={t('surveys.results.chartTitle', { organisation: org.name })}
        description={t('surveys.results.chartDesc')}
        series={[{ label: org.name }, { label: t('surveys.results.sector', { sector: t(`sector.${org.sector}` as MessageKey) }) }, { label: t('surveys.results.others') }]}
        rows={r.statements.map((st) => ({ label: st.code, values: [own, sector, others].map((id) => share(st.figures.get(id), 'agree')) }))}
        hiddenLabel={t('surveys.results.hidden')}
      />
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('surveys.results.statementsCaption')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.statement')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.agreeOrg', { organisation: org.name })}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.disagreeOrg')}</th>
            <th class="utrecht-table__header-cell" scope="col">n</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.agreeSector')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.agreeOthers')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {r.statements.map((st) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {st.code}: {st.label[lang]}
              </th>
              <td class={num}>{pct(st.figures.get(own))}</td>
              <td class={num}>{pct(st.figures.get(own), 'disagree')}</td>
              <td class={num}>{nOf(st.figures.get(own))}</td>
              <td class={num}>{withN(st.figures.get(sector))}</td>
              <td class={num}>{withN(st.figures.get(others))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <P>
        <Link href={csv('statements')}>{t('surveys.results.csv')}</Link>
      </P>

      <H2>{t('surveys.results.levels')}</H2>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('surveys.results.levelsCaption')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.statement')}</th>
            {r.levels.map((level) => (
              <th class="utrecht-table__header-cell" scope="col">{t(`surveys.level.${level}` as MessageKey)}</th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {r.statements.map((st) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{st.code}</th>
              {tableGroups(r, org, 'levels').map((id) => (
                <td class={num}>{withN(st.figures.get(id))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <P>
        <Link href={csv('levels')}>{t('surveys.results.csv')}</Link>
      </P>

      <H2>{t('surveys.results.pressure')}</H2>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('surveys.results.pressureCaption')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.statement')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.pressureYes', { organisation: org.name })}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.pressureNo', { organisation: org.name })}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.pressureYesAll')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.pressureNoAll')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {r.statements.map((st) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{st.code}</th>
              {tableGroups(r, org, 'pressure').map((id) => (
                <td class={num}>{withN(st.figures.get(id))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <P>
        <Link href={csv('pressure')}>{t('surveys.results.csv')}</Link>
      </P>

      {props.trends.length > 1 ? (
        <>
          <H2>{t('surveys.results.trends')}</H2>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{t('surveys.results.trendsCaption', { organisation: org.name })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.statement')}</th>
                {props.trends.map((p) => (
                  <th class="utrecht-table__header-cell" scope="col">{p.waveName}</th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {r.statements.map((st) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{st.code}</th>
                  {props.trends.map((p) => (
                    <td class={num}>{pct(p.results.statements.find((x) => x.code === st.code)?.figures.get(groupId.org(org.id)))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <P>
            <Link href={csv('trends')}>{t('surveys.results.csv')}</Link>
          </P>
        </>
      ) : null}
      <P>{t('surveys.results.print')}</P>
    </>
  );
}

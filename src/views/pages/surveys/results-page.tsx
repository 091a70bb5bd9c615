import { learningQuestions } from '../../../domain/surveys/questions.js';
import {
  benchmarksOf,
  groupId,
  pressureGroups,
  pressureTrend,
  publishedN,
  publishedResponses,
  share,
  tableGroups,
  type Benchmark,
  type Figure,
  type TrendPoint,
  type WaveResults,
} from '../../../domain/surveys/results.js';
import type { WaveSummary } from '../../../domain/surveys/waves.js';
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../i18n/index.js';
import { BarChart } from '../../components/bar-chart.js';
import { ChoiceGroup, Form, SubmitButton } from '../../components/form.js';
import { H1, H2, Link, P } from '../../components/text.js';
import { useUi } from '../../ui-context.js';
import { formatCount, formatPercent } from '../../format.js';

type Organisation = WaveSummary['organisations'][number];

/**
 * One organisation's results: itself, its sector (the organisations' or the respondents' own) and
 * all others; by job level; the share pressured and what they named; pressure yes against no; trends.
 */
export function ResultsPage(props: { wave: WaveSummary; results: WaveResults; organisationId: string; trends: TrendPoint[]; benchmark: Benchmark }) {
  const { t, lang, href } = useUi();
  const org = props.wave.organisations.find((o) => o.id === props.organisationId)!;
  const r = props.results;
  const bench = props.benchmark;
  const { pct, nOf } = useFigures();
  const withN = (f: Figure | undefined) => `${pct(f)} (n ${nOf(f)})`;
  const csv = (table: string) => href(`/staff/surveys/${props.wave.id}/results.csv?org=${org.id}&table=${table}${bench === 'answer' ? '&benchmark=answer' : ''}`);
  const num = 'utrecht-table__cell utrecht-table__cell--numeric';
  const [own, sector, others] = tableGroups(r, org, 'statements', bench) as [string, string, string];
  const responses = publishedResponses(r, org);
  const count = (n: number) => formatCount(n, lang);
  // An imported wave invited nobody: then the response stands alone, without "of 0 invited".
  const responseLine =
    responses === null
      ? org.invited > 0
        ? t('surveys.results.responseHidden', { invited: count(org.invited) })
        : t('surveys.results.responseCountHidden')
      : org.invited > 0
        ? t('surveys.results.responseRate', { responses: count(responses), invited: count(org.invited), rate: formatPercent(Math.round((responses / org.invited) * 1000) / 10, lang) })
        : t('surveys.results.responseCount', { responses: count(responses) });
  return (
    <>
      <H1>{t('surveys.results.heading', { wave: props.wave.name, organisation: org.name })}</H1>
      <P>{t('surveys.results.explain', { k: r.k })}</P>
      <Form action={`/staff/surveys/${props.wave.id}/results`} method="get">
        <ChoiceGroup name="org" legend="surveys.results.other" choices={props.wave.organisations.map((o) => ({ value: o.id, label: o.name }))} selected={[org.id]} />
        {benchmarksOf(r).length > 1 ? (
          <ChoiceGroup
            name="benchmark"
            legend="surveys.results.benchmark"
            description="surveys.results.benchmarkHelp"
            choices={benchmarksOf(r).map((b) => ({ value: b, label: t(`surveys.results.benchmark.${b}` as MessageKey) }))}
            selected={[bench]}
          />
        ) : null}
        <SubmitButton label="surveys.results.show" secondary />
      </Form>
      <P>{responseLine}</P>

      <H2>{t('surveys.results.statements')}</H2>
      <BarChart
        id="chart-statements"
        title={t('surveys.results.chartTitle', { organisation: org.name })}
        description={t('surveys.results.chartDesc')}
        series={[{ label: org.name }, { label: sectorLabel(t, org, bench) }, { label: t('surveys.results.others') }]}
        rows={r.statements.map((st) => ({ label: st.code, values: [own, sector, others].map((id) => share(st.figures.get(id), 'agree')) }))}
        hiddenLabel={t('surveys.results.hidden')}
      />
      <Scroll label={t('surveys.results.statementsCaption')}>
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
      </Scroll>
      {r.statements.some((st) => learningQuestions.some((q) => q.code === st.code)) ? <P>{t('surveys.results.learningNote')}</P> : null}
      <P>
        <Link href={csv('statements')}>{t('surveys.results.csv')}</Link>
      </P>

      <H2>{t('surveys.results.levels')}</H2>
      <Scroll label={t('surveys.results.levelsCaption')}>
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
      </Scroll>
      <P>
        <Link href={csv('levels')}>{t('surveys.results.csv')}</Link>
      </P>

      {r.pressure ? <PressureHeadline wave={props.wave} results={r} organisation={org} benchmark={bench} trends={props.trends} csv={csv('pressured')} /> : null}

      <H2>{t('surveys.results.pressure')}</H2>
      <Scroll label={t('surveys.results.pressureCaption')}>
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
      </Scroll>
      <P>
        <Link href={csv('pressure')}>{t('surveys.results.csv')}</Link>
      </P>

      {props.trends.length > 1 ? (
        <>
          <H2>{t('surveys.results.trends')}</H2>
          <Scroll label={t('surveys.results.trendsCaption', { organisation: org.name })}>
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
          </Scroll>
          <P>
            <Link href={csv('trends')}>{t('surveys.results.csv')}</Link>
          </P>
        </>
      ) : null}
      <P>{t('surveys.results.print')}</P>
    </>
  );
}

/** A table that scrolls by itself on a narrow screen, so the page does not (a keyboard can scroll it too). */
function Scroll(props: { label: string; children?: Child }) {
  return (
    <div class="utrecht-table-container" tabindex={0} role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}

/** The label of an organisation's sector benchmark: its sector, or those who said they work in it. */
export function sectorLabel(t: (key: MessageKey, params?: Record<string, string | number>) => string, organisation: { sector: string }, benchmark: Benchmark): string {
  const sector = t(`sector.${organisation.sector}` as MessageKey);
  return benchmark === 'answer' ? t('surveys.results.answerSector', { sector }) : t('surveys.results.sector', { sector });
}

/** A figure as the page writes it: a share, '–' for an empty group, "not shown" for a hidden one. */
function useFigures() {
  const { t, lang } = useUi();
  const hidden = t('surveys.results.hidden');
  const pct = (f: Figure | undefined, part: 'agree' | 'disagree' = 'agree') => {
    const value = share(f, part);
    return value === null ? (f?.kind === 'empty' ? '–' : hidden) : formatPercent(value, lang);
  };
  const nOf = (f: Figure | undefined) => {
    const n = publishedN(f);
    return n === null ? hidden : formatCount(n, lang);
  };
  /** For the pressure question: how many said yes, as shown with its share. */
  const yesOf = (f: Figure | undefined) => (f?.kind === 'shown' ? formatCount(f.agree, lang) : f?.kind === 'empty' ? '–' : hidden);
  return { pct, nOf, yesOf };
}

/**
 * The monitor's headline: the share pressured in the last 12 months (the organisation, its sector
 * benchmark, everyone; every sector), among them who pressured, how and to what end, and the
 * organisation's share over the earlier closed waves. The CSV export holds the same figures.
 */
function PressureHeadline(props: { wave: WaveSummary; results: WaveResults; organisation: Organisation; benchmark: Benchmark; trends: TrendPoint[]; csv: string }) {
  const { t, lang } = useUi();
  const { pct, nOf, yesOf } = useFigures();
  const r = props.results;
  const p = r.pressure!;
  const org = props.organisation;
  const num = 'utrecht-table__cell utrecht-table__cell--numeric';
  const numHead = 'utrecht-table__header-cell utrecht-table__header-cell--numeric';
  const headline = pressureGroups(r, org, 'headline', props.benchmark);
  const labels = [org.name, sectorLabel(t, org, props.benchmark), t('surveys.results.everyone')];
  const sectors = pressureGroups(r, org, 'sectors', props.benchmark);
  const trend = pressureTrend(props.trends, props.wave);
  const shareRow = (id: string, label: string) => {
    const f = p.share.figures.get(id);
    return (
      <tr class="utrecht-table__row">
        <th class="utrecht-table__header-cell" scope="row">{label}</th>
        <td class={num}>{pct(f)}</td>
        <td class={num}>{yesOf(f)}</td>
        <td class={num}>{nOf(f)}</td>
      </tr>
    );
  };
  const shareHead = (first: MessageKey) => (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        <th class="utrecht-table__header-cell" scope="col">{t(first)}</th>
        <th class={numHead} scope="col">{t('surveys.results.pressuredShare')}</th>
        <th class={numHead} scope="col">{t('surveys.results.pressuredCount')}</th>
        <th class={numHead} scope="col">n</th>
      </tr>
    </thead>
  );
  return (
    <>
      <H2>{t('surveys.results.pressured')}</H2>
      <P>{t('surveys.results.pressuredExplain', { question: p.share.label[lang] })}</P>
      <Scroll label={t('surveys.results.pressuredCaption', { organisation: org.name })}>
        <table class="utrecht-table" data-testid="pressured">
          <caption class="utrecht-table__caption">{t('surveys.results.pressuredCaption', { organisation: org.name })}</caption>
          {shareHead('surveys.results.group')}
          <tbody class="utrecht-table__body">{headline.map((id, i) => shareRow(id, labels[i]!))}</tbody>
        </table>
      </Scroll>
      <Scroll label={t(props.benchmark === 'answer' ? 'surveys.results.pressuredByAnswer' : 'surveys.results.pressuredBySector')}>
        <table class="utrecht-table" data-testid="pressured-sectors">
          <caption class="utrecht-table__caption">{t(props.benchmark === 'answer' ? 'surveys.results.pressuredByAnswer' : 'surveys.results.pressuredBySector')}</caption>
          {shareHead('surveys.sector')}
          <tbody class="utrecht-table__body">{sectors.map((id) => shareRow(id, t(`sector.${id.slice(id.indexOf(':') + 1)}` as MessageKey)))}</tbody>
        </table>
      </Scroll>
      {p.details.map((detail) => (
        <Scroll label={t('surveys.results.pressuredDetailCaption', { question: detail.label[lang] })}>
          <table class="utrecht-table" data-testid={`pressured-${detail.code}`}>
            <caption class="utrecht-table__caption">{t('surveys.results.pressuredDetailCaption', { question: detail.label[lang] })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.option')}</th>
                {labels.map((label) => (
                  <th class={numHead} scope="col">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {detail.options.map((option) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">{option.label[lang]}</th>
                  {headline.map((id) => (
                    <td class={num}>{pct(option.figures.get(id))}</td>
                  ))}
                </tr>
              ))}
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">{t('surveys.results.pressuredN')}</th>
                {headline.map((id) => (
                  <td class={num}>{yesOf(p.share.figures.get(id))}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </Scroll>
      ))}
      {trend.length > 1 ? (
        <Scroll label={t('surveys.results.pressuredTrendCaption', { organisation: org.name })}>
          <table class="utrecht-table" data-testid="pressured-trend">
            <caption class="utrecht-table__caption">{t('surveys.results.pressuredTrendCaption', { organisation: org.name })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('surveys.results.wave')}</th>
                {trend.map((point) => (
                  <th class={numHead} scope="col">{point.waveName}</th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">{t('surveys.results.pressuredShare')}</th>
                {trend.map((point) => (
                  <td class={num}>{point.results.pressure ? pct(point.results.pressure.share.figures.get(groupId.org(org.id))) : '–'}</td>
                ))}
              </tr>
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">n</th>
                {trend.map((point) => (
                  <td class={num}>{point.results.pressure ? nOf(point.results.pressure.share.figures.get(groupId.org(org.id))) : '–'}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </Scroll>
      ) : null}
      <P>
        <Link href={props.csv}>{t('surveys.results.csv')}</Link>
      </P>
    </>
  );
}

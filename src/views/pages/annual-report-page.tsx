import { annualReportBlocks, type AnnualReport } from '../../domain/statistics/annual-report.js';
import type { MessageKey } from '../../i18n/index.js';
import { BarChart } from '../components/bar-chart.js';
import { rowLabel, shareOf, StatisticsTables } from '../components/statistics-tables.js';
import { ErrorSummary, Form, SubmitButton, TextArea } from '../components/form.js';
import { Alert, H1, H2, P } from '../components/text.js';
import { useUi } from '../ui-context.js';

/** The annual report of one year: the commission's texts, charts and every table; printable, and as PDF and CSV. */
export function AnnualReportPage(props: { report: AnnualReport }) {
  const { t, lang, href } = useUi();
  const r = props.report;
  const q = `?year=${r.year}`;
  const chart = (id: 'kind' | 'sources' | 'outcome') => {
    const table = r.statistics.tables.find((tb) => tb.id === id)!;
    const title = t(`statistics.table.${id}` as MessageKey);
    return (
      <BarChart
        id={`chart-${id}`}
        title={title}
        description={t('annualReport.chartDescription', { table: title, year: r.year })}
        series={[{ label: String(r.year) }, { label: String(r.year - 1) }]}
        rows={table.rows.filter((row) => row.code !== 'uncoded').map((row) => ({ label: rowLabel(t, lang, id, row.code), values: [shareOf(row.counts[0], table.base?.[0]), shareOf(row.counts[1], table.base?.[1])] }))}
        hiddenLabel={t('figures.hidden')}
      />
    );
  };
  return (
    <>
      <H1>{t('annualReport.title', { year: r.year })}</H1>
      <P lead>{t('annualReport.lead', { organisation: r.organisation, k: r.k })}</P>
      <div class="app-no-print">
        <nav aria-label={t('figures.years')}>
          <ul class="app-year-list">
            {r.years.map((year) => (
              <li>{year === r.year ? <span aria-current="page">{year}</span> : <a class="utrecht-link" href={href(`/staff/annual-report?year=${year}`)}>{year}</a>}</li>
            ))}
          </ul>
        </nav>
        <P>{t('annualReport.print')}</P>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={href(`/staff/annual-report/pdf${q}`)}>{t('annualReport.download.pdf')}</a></li>
          <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={href(`/staff/annual-report/csv${q}`)}>{t('annualReport.download.csv')}</a></li>
          <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={href(`/staff/annual-report/registration${q}`)}>{t('annualReport.download.registration', { version: r.registrationModelVersion })}</a></li>
          {r.canEdit ? <li class="utrecht-unordered-list__item"><a class="utrecht-link" href={href(`/staff/annual-report/texts${q}`)}>{t('annualReport.edit')}</a></li> : null}
        </ul>
      </div>
      {annualReportBlocks.map((block) => (
        <section aria-labelledby={`block-${block}`}>
          <H2 id={`block-${block}`}>{t(`annualReport.block.${block}` as MessageKey)}</H2>
          {r.texts[block] ? r.texts[block].split(/\r?\n\s*\r?\n/).map((para) => <p class="utrecht-paragraph app-answer-text">{para}</p>) : <P>{t('annualReport.noText')}</P>}
          {block === 'intro' ? (
            <>
              {chart('kind')}
              {chart('sources')}
            </>
          ) : null}
          {block === 'developments' ? chart('outcome') : null}
        </section>
      ))}
      <StatisticsTables statistics={r.statistics} />
    </>
  );
}

/** The commission writes the report's texts: one form, every block, nothing lost on an error. */
export function AnnualReportTextsPage(props: { report: AnnualReport; values?: Record<string, string>; saved?: boolean }) {
  const { t, href } = useUi();
  const r = props.report;
  return (
    <>
      <H1>{t('annualReport.textsTitle', { year: r.year })}</H1>
      <P lead>{t('annualReport.textsLead')}</P>
      {props.saved ? <Alert kind="ok">{t('annualReport.saved')}</Alert> : null}
      <ErrorSummary />
      <Form action={`/staff/annual-report/texts?year=${r.year}`}>
        {annualReportBlocks.map((block) => (
          <TextArea name={block} label={`annualReport.block.${block}` as MessageKey} value={props.values?.[block] ?? r.texts[block]} rows={8} maxlength={6000} />
        ))}
        <SubmitButton label="annualReport.save" />
      </Form>
      <P>
        <a class="utrecht-link" href={href(`/staff/annual-report?year=${r.year}`)}>{t('annualReport.back')}</a>
      </P>
    </>
  );
}

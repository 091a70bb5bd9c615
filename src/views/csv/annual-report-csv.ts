import type { AnnualReport } from '../../domain/statistics/annual-report.js';
import type { Count } from '../../domain/statistics/counts.js';
import { toCsv } from '../../domain/surveys/csv.js';
import { translator, type Language, type MessageKey } from '../../i18n/index.js';
import { rowLabel, shareOf } from '../components/statistics-tables.js';

// The annual report's figures as CSV for a spreadsheet: in Dutch as Dutch Excel reads it
// (semicolon, decimal comma, UTF-8 with a BOM), with the column names in the report's language.
// A hidden figure is written as words, never as a number.

const cell = (t: ReturnType<typeof translator>, count: Count): string | number => (count.kind === 'shown' ? count.n : t('figures.hidden'));

/** Every table of the report, one row per figure, with the year before. */
export function annualReportCsv(report: AnnualReport, lang: Language): string {
  const t = translator(lang);
  const st = report.statistics;
  const y = st.year;
  const rows: Array<Array<string | number>> = [[t('csv.table'), t('csv.item'), t('csv.count', { year: y }), t('csv.share', { year: y }), t('csv.count', { year: y - 1 })]];
  for (const table of st.tables) {
    const name = t(`statistics.table.${table.id}` as MessageKey);
    for (const row of table.rows) {
      const share = shareOf(row.counts[0], table.base?.[0]);
      rows.push([name, rowLabel(t, lang, table.id, row.code), cell(t, row.counts[0]), share ?? '', cell(t, row.counts[1])]);
    }
  }
  const times = t('statistics.table.times');
  st.times[0].forEach((time, i) => {
    const step = t(`statistics.times.${time.step}` as MessageKey);
    const before = st.times[1][i]!;
    rows.push([times, `${step}: ${t('statistics.median')}`, time.median ?? t('figures.hidden'), '', before.median ?? t('figures.hidden')]);
    rows.push([times, `${step}: ${t('statistics.p90')}`, time.p90 ?? t('figures.hidden'), '', before.p90 ?? t('figures.hidden')]);
  });
  const rate = (key: MessageKey, pair: [number | null, number | null]) => rows.push([t('csv.rates'), t(key), pair[0] ?? t('figures.hidden'), '', pair[1] ?? t('figures.hidden')]);
  rate('statistics.rate.substantiated', st.rates.substantiated);
  rate('statistics.rate.returnedAnonymous', st.rates.returnedAnonymous);
  rate('statistics.rate.per100', st.rates.per100);
  rate('statistics.rate.riskFollowedUp', st.rates.riskFollowedUp);
  return toCsv(rows, lang);
}

/**
 * The year's figures in the layout of the national registration model for integrity violations:
 * the model's version, the year and organisation on every row; the reports per category, then the
 * outcomes and the measures taken, each with the model's codes and the description.
 */
export function registrationCsv(report: AnnualReport, lang: Language): string {
  const t = translator(lang);
  const st = report.statistics;
  const rows: Array<Array<string | number>> = [[t('csv.registration.version'), t('csv.registration.year'), t('csv.registration.organisation'), t('csv.registration.part'), t('csv.registration.code'), t('csv.registration.description'), t('csv.registration.count')]];
  for (const [part, id] of [
    ['category', 'category'],
    ['outcome', 'outcome'],
    ['measure', 'measures'],
  ] as const) {
    const table = st.tables.find((tb) => tb.id === id)!;
    for (const row of table.rows) rows.push([report.registrationModelVersion, st.year, report.organisation, t(`csv.registration.part.${part}` as MessageKey), row.code, rowLabel(t, lang, id, row.code), cell(t, row.counts[0])]);
  }
  return toCsv(rows, lang);
}

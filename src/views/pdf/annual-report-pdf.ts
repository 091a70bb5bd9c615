import { annualReportBlocks, type AnnualReport } from '../../domain/statistics/annual-report.js';
import { translator, type Language, type MessageKey } from '../../i18n/index.js';
import { formatPercent } from '../format.js';
import { countText, rowLabel, shareOf, statisticsGroups } from '../components/statistics-tables.js';
import { PdfWriter } from './pdf-writer.js';

/** The annual report as a PDF made on the server: the same texts and figures, in the same words, as its page. */
export async function annualReportPdf(report: AnnualReport, lang: Language, created: Date): Promise<Uint8Array> {
  const t = translator(lang);
  const st = report.statistics;
  const pdf = await PdfWriter.create({ title: t('annualReport.title', { year: report.year }), language: lang === 'en' ? 'en-GB' : 'nl-NL', created });
  pdf.heading(`${t('annualReport.title', { year: report.year })} · ${report.organisation}`, 1);
  pdf.text(t('annualReport.lead', { organisation: report.organisation, k: report.k }));
  for (const block of annualReportBlocks) {
    pdf.heading(t(`annualReport.block.${block}` as MessageKey));
    pdf.text(report.texts[block] || t('annualReport.noText'));
  }
  const byId = new Map(st.tables.map((table) => [table.id, table]));
  for (const group of statisticsGroups) {
    const tables = group.tables.filter((id) => byId.has(id));
    if (tables.length === 0) continue;
    pdf.heading(t(`statistics.group.${group.id}` as MessageKey));
    if (group.id === 'handling') {
      pdf.heading(t('statistics.table.times'), 3);
      st.times[0].forEach((time, i) => {
        const days = (v: number | null) => (v === null ? t('figures.hidden') : t('statistics.days', { n: v }));
        pdf.field(t(`statistics.times.${time.step}` as MessageKey), `${t('statistics.median')}: ${days(time.median)} · ${t('statistics.p90')}: ${days(time.p90)} · ${t('statistics.medianBefore', { year: st.year - 1 })}: ${days(st.times[1][i]!.median)}`);
      });
    }
    for (const id of tables) {
      const table = byId.get(id)!;
      pdf.heading(t(`statistics.table.${id}` as MessageKey), 3);
      for (const row of table.rows) {
        const share = shareOf(row.counts[0], table.base?.[0]);
        pdf.text(`${rowLabel(t, lang, id, row.code)}: ${countText(t, lang, row.counts[0])}${share === null ? '' : ` (${formatPercent(share, lang)})`} · ${st.year - 1}: ${countText(t, lang, row.counts[1])}`, { indent: 12 });
      }
    }
  }
  return pdf.finish((page, pages) => t('annualReport.pdf.footer', { year: report.year, organisation: report.organisation, page, pages }));
}

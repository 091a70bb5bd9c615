import type { Hono } from 'hono';
import { editAnnualReport, saveAnnualReportTexts, viewAnnualReport } from '../../domain/statistics/annual-report.js';
import type { Services } from '../../services.js';
import { annualReportCsv, registrationCsv } from '../../views/csv/annual-report-csv.js';
import { AnnualReportPage, AnnualReportTextsPage } from '../../views/pages/annual-report-page.js';
import { annualReportPdf } from '../../views/pdf/annual-report-pdf.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { sendFile } from '../send-file.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The commission's annual report: a page per year, its texts, and the downloads (PDF, CSV, registration model).
export function annualReportPages(app: Hono<AppEnv>, s: Services) {
  const year = (value: string | undefined) => value?.slice(0, 8);
  app.get('/staff/annual-report', async (c) => {
    const report = await viewAnnualReport(s, requireStaff(c, 'figures.view'), { year: year(c.req.query('year')) });
    return render(c, c.get('t')('annualReport.title', { year: report.year }), <AnnualReportPage report={report} />);
  });
  app.get('/staff/annual-report/pdf', async (c) => {
    const report = await viewAnnualReport(s, requireStaff(c, 'figures.view'), { year: year(c.req.query('year')) });
    return sendFile(c, { name: `jaarverslag-${report.year}.pdf`, mime: 'application/pdf', bytes: await annualReportPdf(report, c.get('lang'), s.now()) });
  });
  app.get('/staff/annual-report/csv', async (c) => {
    const report = await viewAnnualReport(s, requireStaff(c, 'figures.view'), { year: year(c.req.query('year')) });
    return sendFile(c, { name: `jaarverslag-${report.year}.csv`, mime: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(annualReportCsv(report, c.get('lang'))) });
  });
  app.get('/staff/annual-report/registration', async (c) => {
    const report = await viewAnnualReport(s, requireStaff(c, 'figures.view'), { year: year(c.req.query('year')) });
    return sendFile(c, { name: `registratie-integriteitsschendingen-${report.year}.csv`, mime: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(registrationCsv(report, c.get('lang'))) });
  });
  app.get('/staff/annual-report/texts', async (c) => {
    const report = await editAnnualReport(s, requireStaff(c, 'figures.view'), { year: year(c.req.query('year')) });
    return render(c, c.get('t')('annualReport.textsTitle', { year: report.year }), <AnnualReportTextsPage report={report} saved={c.req.query('saved') === '1'} />);
  });
  app.post('/staff/annual-report/texts', async (c) => {
    const actor = requireStaff(c, 'figures.view');
    const form = await readForm(c);
    const asked = year(c.req.query('year')) ?? '';
    const values = { intro: text(form, 'intro'), developments: text(form, 'developments'), signals: text(form, 'signals'), recommendations: text(form, 'recommendations') };
    return handleForm(
      c,
      async () => {
        await saveAnnualReportTexts(s, actor, asked, values);
        return redirectTo(c, `/staff/annual-report/texts?year=${Number(asked)}&saved=1`);
      },
      {
        title: c.get('t')('annualReport.textsTitle', { year: asked }),
        body: async () => <AnnualReportTextsPage report={await editAnnualReport(s, actor, { year: asked })} values={values} />,
      },
    );
  });
}

import type { Hono } from 'hono';
import { viewFigures } from '../../domain/statistics/case-figures.js';
import type { Services } from '../../services.js';
import { FiguresPage } from '../../views/pages/figures-page.js';
import { viewRiskSignals } from '../../domain/statistics/view-risk-signals.js';
import { RiskSignalsPage } from '../../views/pages/risk-signals-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { requireStaff } from './require-staff.js';

// Counts of reports per year, route and organisation, with the organisation's monitor results beside them.
export function figuresPages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff/figures', async (c) => {
    const actor = requireStaff(c, 'figures.view');
    const figures = await viewFigures(s, actor, { year: c.req.query('year')?.slice(0, 8) });
    return render(c, c.get('t')('figures.title'), <FiguresPage figures={figures} />);
  });
  app.get('/staff/signals', async (c) => {
    const actor = requireStaff(c, 'signals.view');
    const view = await viewRiskSignals(s, actor, { year: c.req.query('year')?.slice(0, 8) });
    return render(c, c.get('t')('signals.title'), <RiskSignalsPage view={view} />);
  });
}

import type { Hono } from 'hono';
import { reviewAudit } from '../../domain/audit/list-audit.js';
import type { Services } from '../../services.js';
import { AuditPage } from '../../views/pages/audit-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { requireStaff } from './require-staff.js';

export function auditPages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff/audit', async (c) => {
    const actor = requireStaff(c, 'audit.verify');
    const { verdict, rows } = await reviewAudit(s, actor);
    const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
    return render(c, c.get('t')('audit.title'), <AuditPage verdict={verdict} rows={rows} timeZone={timeZone} />);
  });
}

import type { Hono } from 'hono';
import { exportAudit, reviewAudit } from '../../domain/audit/list-audit.js';
import { toCsv } from '../../domain/surveys/csv.js';
import type { Services } from '../../services.js';
import { AuditPage, auditActionLabel } from '../../views/pages/audit-page.js';
import { formatDateTime } from '../../views/format.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { requireStaff } from './require-staff.js';

export function auditPages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff/audit', async (c) => {
    const actor = requireStaff(c, 'audit.verify');
    const review = await reviewAudit(s, actor, c.req.query());
    const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
    return render(c, c.get('t')('audit.title'), <AuditPage review={review} timeZone={timeZone} />);
  });

  // The same entries for a spreadsheet: Dutch Excel's conventions on Dutch pages (see toCsv). Like
  // the page, without the entries' details: those would show a case's assessment and votes to a chair
  // who stepped aside from it.
  app.get('/staff/audit.csv', async (c) => {
    const actor = requireStaff(c, 'audit.verify');
    const rows = await exportAudit(s, actor, c.req.query());
    const t = c.get('t');
    const lang = c.get('lang');
    const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
    const csv = toCsv(
      [
        [t('audit.csv.seq'), t('audit.csv.at'), t('audit.csv.who'), t('audit.csv.action'), t('audit.csv.code'), t('audit.csv.caseNumber'), t('audit.csv.caseId')],
        ...rows.map((row) => [row.seq, formatDateTime(row.at, lang, timeZone), row.actorName ?? t(`audit.actor.${row.actorKind}`), auditActionLabel(t, row.action), row.action, row.caseNumber ?? '', row.caseId ?? '']),
      ],
      lang,
    );
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="logboek.csv"', 'cache-control': 'no-store' });
  });
}

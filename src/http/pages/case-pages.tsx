import type { Hono } from 'hono';
import type { Services } from '../../services.js';
import { CaseInboxPage } from '../../views/pages/case-inbox-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { requireStaff } from './require-staff.js';

// Case routes are for handlers only; the administrator is refused here as everywhere else.
export function casePages(app: Hono<AppEnv>, _s: Services) {
  app.get('/staff/cases', (c) => {
    requireStaff(c, 'cases.list');
    return render(c, c.get('t')('cases.title'), <CaseInboxPage />);
  });
}

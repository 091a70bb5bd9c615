import type { Hono } from 'hono';
import { organisationIdOf } from '../middleware/organisation.js';
import { listActiveRoutes } from '../../domain/routes/get-route.js';
import type { Services } from '../../services.js';
import { IntakePage } from '../../views/pages/intake-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { requireStaff } from './require-staff.js';

// Operator mode starts here; the report itself goes through the reporter's own form (?intake=1).
export function intakePages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff/intake', async (c) => {
    requireStaff(c, 'cases.intake');
    return render(c, c.get('t')('intake.title'), <IntakePage routes={await listActiveRoutes(s, organisationIdOf(c))} />);
  });
}

import { Hono } from 'hono';
import { AppError } from '../domain/errors.js';
import type { Services } from '../services.js';
import { ApiRegistry } from './api/registry.js';
import { platformRoutes } from './api/platform-routes.js';
import { reportRoutes } from './api/report-routes.js';
import { reportPages } from './pages/report-pages.js';
import { reporterPages } from './pages/reporter-pages.js';
import { questionnairePages } from './pages/questionnaire-pages.js';
import { auditPages } from './pages/audit-pages.js';
import { assetRoutes } from './assets.js';
import type { AppEnv } from './env.js';
import { errorHandler } from './errors.js';
import { bodyLimits } from './middleware/body-limits.js';
import { csrf } from './middleware/csrf.js';
import { language } from './middleware/language.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { session } from './middleware/session.js';
import { accountPages } from './pages/account-pages.js';
import { adminPages } from './pages/admin-pages.js';
import { casePages } from './pages/case-pages.js';
import { caseWorkPages } from './pages/case-work-pages.js';
import { intakePages } from './pages/intake-pages.js';
import { selfCheckPages } from './pages/self-check-pages.js';
import { routeFinderPages } from './pages/route-finder-pages.js';
import { invitationPages } from './pages/invitation-pages.js';
import { publicPages } from './pages/public-pages.js';
import { sessionPages } from './pages/session-pages.js';
import { setupPages } from './pages/setup-pages.js';

export function createApp(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestLog(s.logger));
  app.use(securityHeaders());
  app.use(language(s));
  app.use(bodyLimits(s.config.uploadMaxBytes));
  app.use(session(s));
  app.use(csrf(s));
  app.onError(errorHandler(s.logger));
  app.notFound(() => {
    throw new AppError('not_found');
  });

  assetRoutes(app);
  const api = new ApiRegistry();
  platformRoutes(api, s);
  reportRoutes(api, s);
  api.mount(app);
  app.get('/api/openapi.json', (c) => c.json(api.document(s.config.baseUrl)));

  publicPages(app, s);
  setupPages(app, s);
  invitationPages(app, s);
  sessionPages(app, s);
  accountPages(app, s);
  adminPages(app, s);
  casePages(app, s);
  caseWorkPages(app, s);
  intakePages(app, s);
  selfCheckPages(app, s);
  routeFinderPages(app, s);
  reportPages(app, s);
  reporterPages(app, s);
  questionnairePages(app, s);
  auditPages(app, s);
  return app;
}

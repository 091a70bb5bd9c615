import type { Hono } from 'hono';
import { listActiveRoutes } from '../../domain/routes/get-route.js';
import { routeReaders } from '../../domain/admission/route-readers.js';
import type { Services } from '../../services.js';
import { HomePage } from '../../views/pages/home-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { deleteCookie } from 'hono/cookie';
import { clearPreSession, existingPreSession } from '../middleware/pre-session.js';
import { forgetDrafts } from '../../domain/reports/forget-drafts.js';
import { reporterCookieName } from '../middleware/session.js';
import { QUICK_EXIT_URL } from '../../views/layout.js';

export function publicPages(app: Hono<AppEnv>, s: Services) {
  app.get('/', async (c) => {
    const organisation = c.get('organisation');
    const [routes, readers] = await Promise.all([listActiveRoutes(s), routeReaders(s)]);
    return render(c, c.get('t')('home.title'), <HomePage organisation={organisation} routes={organisation ? routes : []} readers={readers} />);
  });

  // The quick exit: this browser's kept report drafts are deleted and it forgets its pre-session
  // and reporter cookies, so Back shows nothing of a draft; then it goes to a neutral site.
  app.get('/exit', async (c) => {
    await forgetDrafts(s, existingPreSession(c, s.config.secureCookies));
    clearPreSession(c, s.config.secureCookies);
    deleteCookie(c, reporterCookieName(s.config.secureCookies), { path: '/', secure: s.config.secureCookies });
    return c.redirect(QUICK_EXIT_URL, 303);
  });
}

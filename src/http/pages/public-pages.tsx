import type { Hono } from 'hono';
import { redirectTo } from './form-input.js';
import { onOwnHost, PLATFORM_PREFIX } from '../middleware/organisation.js';
import { listActiveRoutes } from '../../domain/routes/get-route.js';
import { routeReaders } from '../../domain/admission/route-readers.js';
import { listPublicOrganisations } from '../../domain/organisation/list-public-organisations.js';
import { PlatformHomePage } from '../../views/pages/platform-home-page.js';
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
    if (c.get('organisationPrefix') === PLATFORM_PREFIX) return redirectTo(c, '/organisations');
    // The installation's own address, on a platform of several organisations: the list of them.
    const listed = c.get('organisationPrefix') || onOwnHost(c) ? null : await listPublicOrganisations(s);
    if (listed) return render(c, c.get('t')('platform.home.title'), <PlatformHomePage organisations={listed} />);
    const organisation = c.get('organisation');
    const [routes, readers] = organisation ? await Promise.all([listActiveRoutes(s, organisation.id), routeReaders(s, organisation.id)]) : [[], []];
    return render(c, c.get('t')('home.title'), <HomePage organisation={organisation} routes={routes} readers={readers} />);
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

import type { Hono } from 'hono';
import { redirectTo } from './form-input.js';
import { onOwnHost, PLATFORM_PREFIX } from '../middleware/organisation.js';
import { viewStartPage } from '../../domain/organisation/view-start-page.js';
import { keptPage } from '../page-cache.js';
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
    return keptPage(c, s, async () => {
      // The installation's own address, on a platform of several organisations: the list of them.
      const view = await viewStartPage(s, { organisation: c.get('organisation'), atInstallationAddress: !c.get('organisationPrefix') && !onOwnHost(c) });
      if (view.kind === 'platform') return render(c, c.get('t')('platform.home.title'), <PlatformHomePage organisations={view.organisations} />);
      return render(c, c.get('t')('home.title'), <HomePage organisation={view.organisation} routes={view.routes} readers={view.readers} />);
    });
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

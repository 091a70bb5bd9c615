import type { Hono } from 'hono';
import { getOrganisation } from '../../domain/organisation/get-organisation.js';
import { listActiveRoutes } from '../../domain/routes/get-route.js';
import { routeReaders } from '../../domain/admission/route-readers.js';
import type { Services } from '../../services.js';
import { HomePage } from '../../views/pages/home-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';

export function publicPages(app: Hono<AppEnv>, s: Services) {
  app.get('/', async (c) => {
    const [organisation, routes, readers] = await Promise.all([getOrganisation(s), listActiveRoutes(s), routeReaders(s)]);
    return render(c, c.get('t')('home.title'), <HomePage organisation={organisation} routes={organisation ? routes : []} readers={readers} />);
  });
}

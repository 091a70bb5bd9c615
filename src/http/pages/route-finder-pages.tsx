import type { Hono } from 'hono';
import { fittingDestinations, routeFinderSchema } from '../../domain/route-finder/fit-routes.js';
import { listActiveRoutes } from '../../domain/routes/get-route.js';
import type { Services } from '../../services.js';
import { RouteFinderPage } from '../../views/pages/route-finder-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';

// A GET form: the answers are in the address only, never stored; the request log keeps the route pattern alone.
export function routeFinderPages(app: Hono<AppEnv>, s: Services) {
  app.get('/route-finder', async (c) => {
    const answers = routeFinderSchema.parse({ want: c.req.query('want'), about: c.req.query('about'), safe: c.req.query('safe') });
    const answered = Object.values(answers).some((v) => v !== undefined);
    return render(c, c.get('t')('finder.title'), <RouteFinderPage answers={answers} fitting={fittingDestinations(answers)} routes={await listActiveRoutes(s)} answered={answered} />);
  });
}

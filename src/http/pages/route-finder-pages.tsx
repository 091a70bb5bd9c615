import type { Context, Hono } from 'hono';
import { organisationIdOf } from '../middleware/organisation.js';
import { fittingDestinations, routeFinderSchema, type RouteFinderAnswers } from '../../domain/route-finder/fit-routes.js';
import { listActiveRoutes } from '../../domain/routes/get-route.js';
import type { Services } from '../../services.js';
import { RouteFinderPage } from '../../views/pages/route-finder-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { readForm, text } from './form-input.js';

// The answers are posted, so they never appear in an address (and so never in the browser
// history of a work computer, a proxy's log or a bookmark); they are not stored either.
export function routeFinderPages(app: Hono<AppEnv>, s: Services) {
  const show = async (c: Context<AppEnv>, answers: RouteFinderAnswers) => {
    const answered = Object.values(answers).some((v) => v !== undefined);
    return render(c, c.get('t')('finder.title'), <RouteFinderPage answers={answers} fitting={fittingDestinations(answers)} routes={await listActiveRoutes(s, organisationIdOf(c))} answered={answered} />);
  };

  // Answers in an old link are not read: the page starts empty.
  app.get('/route-finder', (c) => show(c, routeFinderSchema.parse({})));

  app.post('/route-finder', async (c) => {
    const form = await readForm(c);
    return show(c, routeFinderSchema.parse({ want: text(form, 'want') || undefined, about: text(form, 'about') || undefined, safe: text(form, 'safe') || undefined }));
  });
}

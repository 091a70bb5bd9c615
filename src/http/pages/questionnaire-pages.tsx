import type { Hono } from 'hono';
import { organisationIdOf } from '../middleware/organisation.js';
import { getRoute, listActiveRoutes } from '../../domain/routes/get-route.js';
import { updateQuestionnaire } from '../../domain/routes/update-questionnaire.js';
import type { Services } from '../../services.js';
import { QuestionnaireEditPage, QuestionnaireListPage } from '../../views/pages/questionnaire-pages.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The administrator edits questionnaire texts; every save is a new version.
export function questionnairePages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff/questionnaires', async (c) => {
    requireStaff(c, 'questionnaires.manage');
    return render(c, c.get('t')('questionnaires.title'), <QuestionnaireListPage routes={await listActiveRoutes(s, organisationIdOf(c))} />);
  });

  app.get('/staff/questionnaires/:route', async (c) => {
    requireStaff(c, 'questionnaires.manage');
    const current = await getRoute(s, organisationIdOf(c), c.req.param('route'));
    return render(c, c.get('t')('questionnaires.title'), <QuestionnaireEditPage current={current} saved={c.req.query('saved') === '1'} />);
  });

  app.post('/staff/questionnaires/:route', async (c) => {
    const actor = requireStaff(c, 'questionnaires.manage');
    const form = await readForm(c);
    return handleForm(
      c,
      async () => {
        await updateQuestionnaire(s, actor, c.req.param('route'), form);
        return redirectTo(c, `/staff/questionnaires/${c.req.param('route')}?saved=1`);
      },
      { title: c.get('t')('questionnaires.title'), body: async () => <QuestionnaireEditPage current={await getRoute(s, organisationIdOf(c), c.req.param('route'))} submitted={form} /> },
    );
  });
}

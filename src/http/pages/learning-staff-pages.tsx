import type { Context, Hono } from 'hono';
import { advanceTeamSession } from '../../domain/learning/advance-team-session.js';
import { keepTeamSession } from '../../domain/learning/keep-team-session.js';
import { viewNewSession } from '../../domain/learning/view-new-session.js';
import { listFacilitation } from '../../domain/learning/list-facilitation.js';
import { proposePrecedent } from '../../domain/learning/propose-precedent.js';
import { renewJoinCode } from '../../domain/learning/renew-join-code.js';
import { saveDeliberationStep } from '../../domain/learning/save-deliberation-step.js';
import { startDeliberation } from '../../domain/learning/start-deliberation.js';
import { startTeamSession } from '../../domain/learning/start-team-session.js';
import { viewDeliberation } from '../../domain/learning/view-deliberation.js';
import { viewTeamSession } from '../../domain/learning/view-team-session.js';
import { writeTeamConclusion } from '../../domain/learning/write-team-conclusion.js';
import type { Services } from '../../services.js';
import { DeliberationResultPage, DeliberationStepPage, FacilitatorSessionPage, LearningHomePage, NewSessionPage } from '../../views/pages/learning/facilitator-pages.js';
import type { AppEnv } from '../env.js';
import { organisationOf } from '../middleware/organisation.js';
import { render } from '../render.js';
import { handleForm, list, readForm, redirectTo, text, withFormFieldNames } from './form-input.js';
import { requireStaff } from './require-staff.js';

// A facilitator (or a manager) leads team dilemma sessions and moral deliberations. Each sees only
// their own; notes and conclusions are sealed to their own key.
export function learningStaffPages(app: Hono<AppEnv>, s: Services) {
  const home = async (c: Context<AppEnv>) => {
    const actor = requireStaff(c, 'learning.facilitate');
    return <LearningHomePage overview={await listFacilitation(s, actor)} timeZone={organisationOf(c).timeZone} />;
  };

  app.get('/staff/learning', async (c) => render(c, c.get('t')('learning.home.title'), await home(c)));

  app.get('/staff/learning/sessions/new', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    return render(c, c.get('t')('learning.session.new'), <NewSessionPage dilemmas={await viewNewSession(s, actor, c.get('lang'))} values={{ title: '', dilemmaIds: [] }} />);
  });

  app.post('/staff/learning/sessions', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const form = await readForm(c);
    const values = { title: text(form, 'title'), dilemmaIds: list(form, 'dilemmaIds') };
    return handleForm(
      c,
      async () => redirectTo(c, `/staff/learning/sessions/${await startTeamSession(s, actor, values)}`),
      { title: c.get('t')('learning.session.new'), body: async () => <NewSessionPage dilemmas={await viewNewSession(s, actor, c.get('lang'))} values={values} /> },
    );
  });

  const sessionPage = async (c: Context<AppEnv>) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const view = await viewTeamSession(s, actor, c.req.param('id') ?? '', c.get('lang'));
    return { title: view.title, body: <FacilitatorSessionPage view={view} /> };
  };

  app.get('/staff/learning/sessions/:id', async (c) => {
    const page = await sessionPage(c);
    return render(c, page.title, page.body);
  });

  app.post('/staff/learning/sessions/:id/advance', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const form = await readForm(c);
    await advanceTeamSession(s, actor, c.req.param('id'), { step: text(form, 'step'), round: text(form, 'round') });
    return redirectTo(c, `/staff/learning/sessions/${c.req.param('id')}`);
  });

  app.post('/staff/learning/sessions/:id/code', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    await renewJoinCode(s, actor, c.req.param('id'));
    return redirectTo(c, `/staff/learning/sessions/${c.req.param('id')}`);
  });

  app.post('/staff/learning/sessions/:id/conclusion', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const form = await readForm(c);
    const round = text(form, 'round');
    return handleForm(
      c,
      async () => {
        await withFormFieldNames({ conclusion: `conclusion-${round}` }, () => writeTeamConclusion(s, actor, c.req.param('id'), { round, conclusion: text(form, `conclusion-${round}`) }));
        return redirectTo(c, `/staff/learning/sessions/${c.req.param('id')}`);
      },
      { title: c.get('t')('learning.session.conclusions'), body: async () => (await sessionPage(c)).body },
    );
  });

  app.post('/staff/learning/sessions/:id/keep', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const outcome = await keepTeamSession(s, actor, c.req.param('id'), { keep: text(await readForm(c), 'keep') });
    return redirectTo(c, outcome === 'kept' ? `/staff/learning/sessions/${c.req.param('id')}` : '/staff/learning');
  });

  app.post('/staff/learning/deliberations', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const form = await readForm(c);
    return handleForm(
      c,
      async () => redirectTo(c, `/staff/learning/deliberations/${await startDeliberation(s, actor, { title: text(form, 'title') })}`),
      { title: c.get('t')('learning.home.title'), body: () => home(c) },
    );
  });

  app.get('/staff/learning/deliberations/:id', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const view = await viewDeliberation(s, actor, c.req.param('id'), c.get('lang'), c.req.query('step'));
    return render(c, view.title, <DeliberationStepPage view={view} />);
  });

  app.post('/staff/learning/deliberations/:id', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const form = await readForm(c);
    const id = c.req.param('id');
    const input = { step: text(form, 'step'), notes: text(form, 'notes'), go: text(form, 'go') || 'save' };
    return handleForm(
      c,
      async () => {
        const moved = await saveDeliberationStep(s, actor, id, input);
        return redirectTo(c, moved.finished ? `/staff/learning/deliberations/${id}/result` : `/staff/learning/deliberations/${id}?step=${moved.step}`);
      },
      {
        title: c.get('t')('learning.home.title'),
        body: async () => {
          // The step comes back with what was typed in it, not what was last saved.
          const view = await viewDeliberation(s, actor, id, c.get('lang'), input.step);
          return <DeliberationStepPage view={{ ...view, steps: view.steps.map((st, i) => (i + 1 === view.step ? { ...st, notes: input.notes } : st)) }} />;
        },
      },
    );
  });

  app.get('/staff/learning/deliberations/:id/result', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const view = await viewDeliberation(s, actor, c.req.param('id'), c.get('lang'));
    return render(c, view.title, <DeliberationResultPage view={view} values={{ situation: '', question: '', consent: false }} />);
  });

  app.post('/staff/learning/deliberations/:id/propose', async (c) => {
    const actor = requireStaff(c, 'learning.facilitate');
    const form = await readForm(c);
    const id = c.req.param('id');
    const values = { situation: text(form, 'situation'), question: text(form, 'question'), consent: list(form, 'consent').includes('all') };
    return handleForm(
      c,
      async () => {
        await proposePrecedent(s, actor, id, { situation: values.situation, question: values.question, consent: values.consent ? 'all' : '' }, c.get('lang'));
        return redirectTo(c, `/staff/learning/deliberations/${id}/result`);
      },
      { title: c.get('t')('learning.precedent.title'), body: async () => <DeliberationResultPage view={await viewDeliberation(s, actor, id, c.get('lang'))} values={values} /> },
    );
  });
}

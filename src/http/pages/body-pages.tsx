import type { Context, Hono } from 'hono';
import { admitMember } from '../../domain/admission/admit-member.js';
import { isBody } from '../../domain/admission/bodies.js';
import { bodyOverviews } from '../../domain/admission/body-overview.js';
import { foundBody } from '../../domain/admission/found-body.js';
import { reassignCases } from '../../domain/admission/reassign-cases.js';
import { removeMember } from '../../domain/admission/remove-member.js';
import { AppError } from '../../domain/errors.js';
import type { StaffActor } from '../../domain/cases/open-case.js';
import type { Services } from '../../services.js';
import { BodiesPage, BodyPage, bodyName } from '../../views/pages/body-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, list, readForm, redirectTo, text, withFormFieldNames, type FormValues } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The commission, the advisors and the ethics panel decide who reads their reports: founding,
// admitting, removing and reassigning, each signed or checked in the member's own session.
export function bodyPages(app: Hono<AppEnv>, s: Services) {
  async function overviewOf(c: Context<AppEnv>) {
    const actor = requireStaff(c, 'admission.view') as StaffActor;
    const body = c.req.param('body');
    const overview = (await bodyOverviews(s, actor)).find((o) => o.body === body);
    if (!isBody(body) || !overview) throw new AppError('not_found');
    return { actor, body, overview };
  }

  async function page(c: Context<AppEnv>, values?: FormValues) {
    const { overview } = await overviewOf(c);
    const done = c.req.query('done');
    const moved = done === 'reassigned' ? { moved: Number(c.req.query('moved') ?? 0), notMoved: Number(c.req.query('notMoved') ?? 0) } : undefined;
    return { title: c.get('t')(bodyName(overview.body)), body: <BodyPage overview={overview} done={done && /^[a-z]+$/.test(done) && ['founded', 'admitted', 'removed', 'reassigned'].includes(done) ? done : undefined} moved={moved} values={values} /> };
  }

  app.get('/staff/bodies', async (c) => {
    const actor = requireStaff(c, 'admission.view') as StaffActor;
    const overviews = await bodyOverviews(s, actor);
    return render(c, c.get('t')('bodies.title'), <BodiesPage bodies={overviews.map((o) => o.body)} />);
  });

  app.get('/staff/bodies/:body', async (c) => {
    const { title, body } = await page(c);
    return render(c, title, body);
  });

  const post = (path: string, run: (actor: StaffActor, body: string, form: FormValues) => Promise<string>) =>
    app.post(`/staff/bodies/:body/${path}`, async (c) => {
      const { actor, body } = await overviewOf(c);
      const form = await readForm(c);
      return handleForm(c, async () => redirectTo(c, `/staff/bodies/${body}?${await run(actor, body, form)}`), { title: c.get('t')(bodyName(body)), body: async () => (await page(c, form)).body });
    });

  post('found', async (actor, body, form) => {
    await foundBody(s, actor, { body, statement: text(form, 'statement') });
    return 'done=founded';
  });
  post('admit', async (actor, body, form) => {
    await withFormFieldNames({ userId: 'admit-userId', roles: 'admit-roles', fingerprint: 'admit-fingerprint' }, () =>
      admitMember(s, actor, { body, userId: text(form, 'admit-userId'), fingerprint: text(form, 'admit-fingerprint'), roles: list(form, 'admit-roles') }),
    );
    return 'done=admitted';
  });
  post('remove', async (actor, body, form) => {
    await withFormFieldNames({ admissionId: 'remove-admissionId' }, () => removeMember(s, actor, { body, admissionId: text(form, 'remove-admissionId') }));
    return 'done=removed';
  });
  post('reassign', async (actor, _body, form) => {
    const result = await withFormFieldNames({ from: 'reassign-from', to: 'reassign-to' }, () => reassignCases(s, actor, { from: text(form, 'reassign-from'), to: text(form, 'reassign-to') }));
    return `done=reassigned&moved=${result.moved}&notMoved=${result.notMoved}`;
  });
}

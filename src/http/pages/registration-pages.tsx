import type { Context, Hono } from 'hono';
import { registerContact, registrationCounts } from '../../domain/advisor/registrations.js';
import { localDate } from '../../domain/reports/deadlines.js';
import type { Services } from '../../services.js';
import { RegistrationsPage } from '../../views/pages/registrations-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The confidential advisors' anonymous registration for the yearly figures.
export function registrationPages(app: Hono<AppEnv>, s: Services) {
  async function page(c: Context<AppEnv>, values?: Record<string, string>) {
    const actor = requireStaff(c, 'advisor.register');
    const today = localDate(s.now(), c.get('organisation')?.timeZone ?? 'Europe/Amsterdam');
    const year = Number(today.slice(0, 4));
    return <RegistrationsPage year={year} month={today.slice(0, 7)} counts={await registrationCounts(s, actor, year)} saved={c.req.query('saved') === '1'} values={values} />;
  }

  app.get('/staff/registrations', async (c) => render(c, c.get('t')('registration.title'), await page(c)));

  app.post('/staff/registrations', async (c) => {
    const actor = requireStaff(c, 'advisor.register');
    const form = await readForm(c);
    const input = { month: text(form, 'month'), topic: text(form, 'topic'), kind: text(form, 'kind'), outcome: text(form, 'outcome') };
    return handleForm(
      c,
      async () => {
        await registerContact(s, actor, input);
        return redirectTo(c, '/staff/registrations?saved=1');
      },
      { title: c.get('t')('registration.title'), body: () => page(c, input) },
    );
  });
}

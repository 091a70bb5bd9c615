import type { Hono } from 'hono';
import { completeSetup, isSetupTokenValid } from '../../domain/setup/complete-setup.js';
import { AppError } from '../../domain/errors.js';
import type { Services } from '../../services.js';
import { SetupPage } from '../../views/pages/setup-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';

export function setupPages(app: Hono<AppEnv>, s: Services) {
  app.get('/setup/:token', async (c) => {
    const token = c.req.param('token');
    if (!(await isSetupTokenValid(s, token))) throw new AppError('token_invalid');
    return render(c, c.get('t')('setup.title'), <SetupPage token={token} values={{}} />);
  });

  app.post('/setup/:token', async (c) => {
    const token = c.req.param('token');
    const form = await readForm(c);
    const input = {
      name: text(form, 'name'),
      defaultLanguage: text(form, 'defaultLanguage'),
      contactText: text(form, 'contactText'),
      adminName: text(form, 'adminName'),
      adminEmail: text(form, 'adminEmail'),
    };
    return handleForm(
      c,
      async () => {
        const { invitationToken } = await completeSetup(s, token, input);
        // The person who claimed the installation continues straight to their own enrolment.
        return redirectTo(c, `/invitation/${invitationToken}`);
      },
      { title: c.get('t')('setup.title'), body: () => <SetupPage token={token} values={input} /> },
    );
  });
}

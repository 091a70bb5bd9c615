import type { Context, Hono } from 'hono';
import { listPlatformOrganisations } from '../../domain/organisation/list-platform-organisations.js';
import { openOrganisation } from '../../domain/organisation/open-organisation.js';
import type { Services } from '../../services.js';
import { PlatformOrganisationsPage } from '../../views/pages/platform-organisations-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, text } from './form-input.js';
import { requireOperator } from './require-staff.js';

// The platform operator's pages, at /platform/…: the organisations on the platform with
// content-free counts, and a new one with its first administrator. Nothing here reaches an
// organisation's cases, people or settings.
export function platformPages(app: Hono<AppEnv>, s: Services) {
  async function organisationsPage(c: Context<AppEnv>, values: Record<string, string> = {}, created?: { slug: string; link: string }) {
    const organisations = await listPlatformOrganisations(s, requireOperator(c));
    return <PlatformOrganisationsPage organisations={organisations} values={values} created={created} baseUrl={s.config.baseUrl} />;
  }

  app.get('/organisations', async (c) => render(c, c.get('t')('platform.organisations.title'), await organisationsPage(c)));

  app.post('/organisations', async (c) => {
    const actor = requireOperator(c);
    const form = await readForm(c);
    const input = { name: text(form, 'name'), slug: text(form, 'slug') || undefined, adminName: text(form, 'adminName'), adminEmail: text(form, 'adminEmail') };
    return handleForm(
      c,
      async () => {
        const created = await openOrganisation(s, actor, input);
        // The link is shown once as well as mailed, as for any invitation.
        return render(c, c.get('t')('platform.organisations.title'), await organisationsPage(c, {}, created));
      },
      { title: c.get('t')('platform.organisations.title'), body: () => organisationsPage(c, { ...input, slug: input.slug ?? '' }) },
    );
  });
}

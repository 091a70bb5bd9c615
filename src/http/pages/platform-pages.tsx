import type { Context, Hono } from 'hono';
import { listPlatformOrganisations } from '../../domain/organisation/list-platform-organisations.js';
import { openOrganisation } from '../../domain/organisation/open-organisation.js';
import { setOrganisationListing } from '../../domain/organisation/set-organisation-listing.js';
import type { Services } from '../../services.js';
import { changePassword } from '../../domain/accounts/change-password.js';
import { endSession } from '../../domain/sessions/end-session.js';
import { listSessions } from '../../domain/sessions/list-sessions.js';
import { AccountPage } from '../../views/pages/account-page.js';
import { PlatformOrganisationsPage } from '../../views/pages/platform-organisations-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';
import { requireOperator } from './require-staff.js';

// The platform operator's pages, at /platform/…: the organisations on the platform with
// content-free counts, and a new one with its first administrator; their own account. Nothing here reaches an
// organisation's cases, people or settings.
export function platformPages(app: Hono<AppEnv>, s: Services) {
  async function organisationsPage(c: Context<AppEnv>, values: Record<string, string> = {}, created?: { slug: string; link: string }) {
    const organisations = await listPlatformOrganisations(s, requireOperator(c));
    const listingChanged = c.req.method === 'GET' && c.req.query('done') === 'listing';
    return <PlatformOrganisationsPage organisations={organisations} values={values} created={created} baseUrl={s.config.baseUrl} listingChanged={listingChanged} />;
  }

  app.get('/organisations', async (c) => render(c, c.get('t')('platform.organisations.title'), await organisationsPage(c)));

  // The operator's own account: password and sessions, as any staff member's.
  async function accountPage(c: Context<AppEnv>, notice?: string) {
    const operator = requireOperator(c);
    const sessions = await listSessions(s, operator, operator.sessionId);
    return <AccountPage sessions={sessions} timeZone="Europe/Amsterdam" notice={notice} basePath="/account" />;
  }

  app.get('/account', async (c) => render(c, c.get('t')('account.title'), await accountPage(c, c.req.query('notice'))));

  app.post('/account/password', async (c) => {
    const operator = requireOperator(c);
    const form = await readForm(c);
    const input = { currentPassword: text(form, 'currentPassword'), newPassword: text(form, 'newPassword'), newPasswordConfirm: text(form, 'newPasswordConfirm') };
    return handleForm(
      c,
      async () => {
        await changePassword(s, operator, operator.sessionId, input);
        return redirectTo(c, '/account?notice=password');
      },
      { title: c.get('t')('account.title'), body: () => accountPage(c) },
    );
  });

  app.post('/account/sessions/:id/end', async (c) => {
    const operator = requireOperator(c);
    await endSession(s, operator, c.req.param('id'));
    return redirectTo(c, '/account?notice=session');
  });

  app.post('/organisations/:id/listing', async (c) => {
    const actor = requireOperator(c);
    const form = await readForm(c);
    await setOrganisationListing(s, actor, c.req.param('id'), text(form, 'listed') === 'yes');
    return redirectTo(c, '/organisations?done=listing');
  });

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

import type { Context, Hono } from 'hono';
import { inviteUser } from '../../domain/accounts/invite-user.js';
import { listUsers } from '../../domain/accounts/list-users.js';
import { setUserDisabled, setUserRoles } from '../../domain/accounts/update-user.js';
import { AppError } from '../../domain/errors.js';
import { updateOrganisation } from '../../domain/organisation/update-organisation.js';
import type { Services } from '../../services.js';
import { SettingsPage } from '../../views/pages/settings-page.js';
import { UserPage, UsersPage } from '../../views/pages/users-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, list, readForm, redirectTo, text } from './form-input.js';
import { requireStaff } from './require-staff.js';

// Accounts and settings: the administrator's whole world. Nothing here reaches case content.
export function adminPages(app: Hono<AppEnv>, s: Services) {
  async function usersPage(c: Context<AppEnv>, values: { email?: string; displayName?: string; roles?: string[] }, invitedLink?: string) {
    const users = await listUsers(s, requireStaff(c, 'users.manage'));
    return <UsersPage users={users} values={values} invitedLink={invitedLink} />;
  }

  app.get('/staff/users', async (c) => render(c, c.get('t')('users.title'), await usersPage(c, {})));

  app.post('/staff/users', async (c) => {
    const actor = requireStaff(c, 'users.manage');
    const form = await readForm(c);
    const input = { email: text(form, 'email'), displayName: text(form, 'displayName'), roles: list(form, 'roles') };
    return handleForm(
      c,
      async () => {
        const { link } = await inviteUser(s, actor, input);
        // Shown once as well as mailed, for organisations whose mail filters eat invitations.
        return render(c, c.get('t')('users.title'), await usersPage(c, {}, link));
      },
      { title: c.get('t')('users.title'), body: () => usersPage(c, input) },
    );
  });

  async function userPage(c: Context<AppEnv>, selectedRoles?: string[], saved?: boolean) {
    const users = await listUsers(s, requireStaff(c, 'users.manage'));
    const user = users.find((u) => u.id === c.req.param('id'));
    if (!user) throw new AppError('not_found');
    return <UserPage user={user} selectedRoles={selectedRoles ?? user.roles} saved={saved} />;
  }

  app.get('/staff/users/:id', async (c) => render(c, c.get('t')('users.title'), await userPage(c, undefined, c.req.query('saved') === '1')));

  app.post('/staff/users/:id/roles', async (c) => {
    const actor = requireStaff(c, 'users.manage');
    const form = await readForm(c);
    const roles = list(form, 'roles');
    return handleForm(
      c,
      async () => {
        await setUserRoles(s, actor, c.req.param('id'), { roles, nominatedBy: text(form, 'nominatedBy') || 'none' });
        return redirectTo(c, `/staff/users/${c.req.param('id')}?saved=1`);
      },
      { title: c.get('t')('users.title'), body: () => userPage(c, roles) },
    );
  });

  app.post('/staff/users/:id/status', async (c) => {
    const actor = requireStaff(c, 'users.manage');
    const disabled = text(await readForm(c), 'disabled') === 'true';
    return handleForm(
      c,
      async () => {
        await setUserDisabled(s, actor, c.req.param('id'), disabled);
        return redirectTo(c, `/staff/users/${c.req.param('id')}?saved=1`);
      },
      { title: c.get('t')('users.title'), body: () => userPage(c) },
    );
  });

  app.get('/staff/settings', async (c) => {
    requireStaff(c, 'settings.manage');
    const organisation = c.get('organisation');
    if (!organisation) throw new AppError('not_found');
    return render(c, c.get('t')('settings.title'), <SettingsPage values={organisation} saved={c.req.query('saved') === '1'} />);
  });

  app.post('/staff/settings', async (c) => {
    const actor = requireStaff(c, 'settings.manage');
    const form = await readForm(c);
    const input = { name: text(form, 'name'), defaultLanguage: text(form, 'defaultLanguage'), contactText: text(form, 'contactText'), commissionText: text(form, 'commissionText'), panelText: text(form, 'panelText'), retentionMonths: text(form, 'retentionMonths'), timeZone: text(form, 'timeZone'), headcount: text(form, 'headcount'), sector: text(form, 'sector'), languages: list(form, 'languages') };
    return handleForm(
      c,
      async () => {
        await updateOrganisation(s, actor, input);
        return redirectTo(c, '/staff/settings?saved=1');
      },
      { title: c.get('t')('settings.title'), body: () => <SettingsPage values={input} /> },
    );
  });
}

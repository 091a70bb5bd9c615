import type { Context, Hono } from 'hono';
import { changePassword } from '../../domain/accounts/change-password.js';
import { endSession } from '../../domain/sessions/end-session.js';
import { listSessions } from '../../domain/sessions/list-sessions.js';
import type { Services } from '../../services.js';
import { unreadNotices } from '../../domain/admission/list-notices.js';
import { markNoticesRead } from '../../domain/admission/mark-notices-read.js';
import { ownFingerprint } from '../../domain/admission/own-fingerprint.js';
import { setupChecklist } from '../../domain/admission/setup-checklist.js';
import { isUuid } from '../../domain/ids.js';
import type { StaffActor } from '../../domain/cases/open-case.js';
import { AccountPage } from '../../views/pages/account-page.js';
import { StaffHomePage } from '../../views/pages/staff-home-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';
import { requireStaff } from './require-staff.js';

export function accountPages(app: Hono<AppEnv>, s: Services) {
  app.get('/staff', async (c) => {
    const session = requireStaff(c, 'account.manage-own');
    const notices = await unreadNotices(s, session as StaffActor);
    const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
    const checklist = await setupChecklist(s, session);
    return render(c, c.get('t')('staff.home.heading'), <StaffHomePage session={session} notices={notices} timeZone={timeZone} checklist={checklist} />);
  });

  app.post('/staff/notices/read', async (c) => {
    const session = requireStaff(c, 'account.manage-own');
    const form = await readForm(c);
    await markNoticesRead(s, session as StaffActor, text(form, 'ids').split(',').filter(isUuid));
    return redirectTo(c, '/staff');
  });

  async function accountPage(c: Context<AppEnv>, notice?: string) {
    const session = requireStaff(c, 'account.manage-own');
    const sessions = await listSessions(s, session, session.sessionId);
    const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
    return <AccountPage sessions={sessions} timeZone={timeZone} notice={notice} fingerprint={await ownFingerprint(s, session as StaffActor)} />;
  }

  app.get('/staff/account', async (c) => render(c, c.get('t')('account.title'), await accountPage(c, c.req.query('notice'))));

  app.post('/staff/account/password', async (c) => {
    const session = requireStaff(c, 'account.manage-own');
    const form = await readForm(c);
    const input = {
      currentPassword: text(form, 'currentPassword'),
      newPassword: text(form, 'newPassword'),
      newPasswordConfirm: text(form, 'newPasswordConfirm'),
    };
    return handleForm(
      c,
      async () => {
        await changePassword(s, session, session.sessionId, input);
        return redirectTo(c, '/staff/account?notice=password');
      },
      { title: c.get('t')('account.title'), body: () => accountPage(c) },
    );
  });

  app.post('/staff/account/sessions/:id/end', async (c) => {
    const session = requireStaff(c, 'account.manage-own');
    await endSession(s, session, c.req.param('id'));
    return redirectTo(c, '/staff/account?notice=session');
  });
}

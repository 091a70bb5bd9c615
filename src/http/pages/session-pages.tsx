import type { Hono } from 'hono';
import { accountScopeOf } from '../middleware/organisation.js';
import { deleteCookie, setCookie } from 'hono/cookie';
import { clearPreSession, existingPreSession } from '../middleware/pre-session.js';
import { forgetDrafts } from '../../domain/reports/forget-drafts.js';
import { logIn } from '../../domain/accounts/log-in.js';
import { recoverAccount } from '../../domain/accounts/recover-account.js';
import { endSession } from '../../domain/sessions/end-session.js';
import type { Services } from '../../services.js';
import { LoginPage, RecoverPage } from '../../views/pages/login-page.js';
import { Alert, H1, Link, P } from '../../views/components/text.js';
import type { AppEnv } from '../env.js';
import { sessionCookieName, sessionCookieOptions } from '../middleware/session.js';
import { render } from '../render.js';
import { handleForm, readForm, redirectTo, text } from './form-input.js';

export function sessionPages(app: Hono<AppEnv>, s: Services) {
  const cookieName = sessionCookieName(s.config.secureCookies);

  app.get('/login', (c) => {
    if (c.get('session')) return redirectTo(c, c.get('session')!.organisationId ? '/staff' : '/organisations');
    return render(c, c.get('t')('login.title'), <LoginPage email="" />);
  });

  app.post('/login', async (c) => {
    const form = await readForm(c);
    const input = { email: text(form, 'email'), password: text(form, 'password'), totpCode: text(form, 'totpCode') };
    return handleForm(
      c,
      async () => {
        const { sessionToken } = await logIn(s, accountScopeOf(c), input);
        // Browsers keep the cookie a little longer than the idle timeout; the server decides.
        setCookie(c, cookieName, sessionToken, sessionCookieOptions(s.config.secureCookies, 12 * 3600));
        return redirectTo(c, accountScopeOf(c) ? '/staff' : '/organisations');
      },
      { title: c.get('t')('login.title'), body: () => <LoginPage email={input.email} /> },
    );
  });

  app.post('/logout', async (c) => {
    const session = c.get('session');
    if (session) await endSession(s, session, session.sessionId);
    deleteCookie(c, cookieName, { path: '/', secure: s.config.secureCookies });
    // A report a secretary typed in for someone (intake) leaves nothing for the next person at this browser.
    await forgetDrafts(s, existingPreSession(c, s.config.secureCookies));
    clearPreSession(c, s.config.secureCookies);
    return redirectTo(c, '/login?loggedOut=1');
  });

  app.get('/recover', (c) => render(c, c.get('t')('recover.title'), <RecoverPage email="" />));

  app.post('/recover', async (c) => {
    const form = await readForm(c);
    const input = {
      email: text(form, 'email'),
      recoveryKey: text(form, 'recoveryKey'),
      totpCode: text(form, 'totpCode'),
      newPassword: text(form, 'newPassword'),
      newPasswordConfirm: text(form, 'newPasswordConfirm'),
    };
    return handleForm(
      c,
      async () => {
        await recoverAccount(s, accountScopeOf(c), input);
        const t = c.get('t');
        return render(
          c,
          t('recover.done.title'),
          <>
            <H1>{t('recover.done.title')}</H1>
            <Alert kind="ok">{t('recover.done.text')}</Alert>
            <P>
              <Link href={c.get('href')('/login')}>{t('recover.done.login')}</Link>
            </P>
          </>,
        );
      },
      { title: c.get('t')('recover.title'), body: () => <RecoverPage email={input.email} /> },
    );
  });
}

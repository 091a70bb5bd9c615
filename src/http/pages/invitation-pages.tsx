import type { Context, Hono } from 'hono';
import { accountScopeOf } from '../middleware/organisation.js';
import QRCode from 'qrcode';
import { acceptInvitation } from '../../domain/accounts/accept-invitation.js';
import { findInvitation, type OpenInvitation } from '../../domain/accounts/find-invitation.js';
import { readTotpEnrolment, startTotpEnrolment } from '../../domain/accounts/totp-secrets.js';
import { groupCode, toBase32 } from '../../crypto/encoding.js';
import { otpauthUri } from '../../crypto/totp.js';
import type { Services } from '../../services.js';
import { EnrolmentPage, RecoveryKeyPage } from '../../views/pages/enrolment-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readForm, text } from './form-input.js';

export function invitationPages(app: Hono<AppEnv>, s: Services) {
  // A form that comes back with errors keeps the same TOTP secret, so the code already added to
  // the authenticator app stays valid.
  async function enrolmentPage(c: Context<AppEnv>, token: string, invitation: OpenInvitation, previous?: string) {
    const kept = previous ? readTotpEnrolment(s, previous, token) : null;
    const enrolment = kept && previous ? { secret: kept, formValue: previous } : startTotpEnrolment(s, token);
    const issuer = c.get('organisation')?.name ?? 'Tegenspraak';
    const qrSvg = await QRCode.toString(otpauthUri(enrolment.secret, invitation.email, `Tegenspraak ${issuer}`), {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    return (
      <EnrolmentPage
        token={token}
        displayName={invitation.displayName}
        email={invitation.email}
        totpEnrolment={enrolment.formValue}
        totpSecretText={groupCode(toBase32(enrolment.secret), 4, ' ')}
        qrSvg={qrSvg}
      />
    );
  }

  app.get('/invitation/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await findInvitation(s, accountScopeOf(c), token);
    return render(c, c.get('t')('enrol.title'), await enrolmentPage(c, token, invitation));
  });

  app.post('/invitation/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await findInvitation(s, accountScopeOf(c), token);
    const form = await readForm(c);
    const input = {
      password: text(form, 'password'),
      passwordConfirm: text(form, 'passwordConfirm'),
      totpCode: text(form, 'totpCode'),
      totpEnrolment: text(form, 'totpEnrolment'),
    };
    return handleForm(
      c,
      async () => {
        const { recoveryKey } = await acceptInvitation(s, accountScopeOf(c), token, input);
        // Rendered directly rather than redirected: the recovery key must not be stored anywhere.
        return render(c, c.get('t')('recoveryKey.title'), <RecoveryKeyPage recoveryKey={recoveryKey} />);
      },
      { title: c.get('t')('enrol.title'), body: () => enrolmentPage(c, token, invitation, input.totpEnrolment) },
    );
  });
}

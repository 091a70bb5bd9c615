import type { SessionSummary } from '../../domain/sessions/list-sessions.js';
import type { OwnFingerprint } from '../../domain/admission/own-fingerprint.js';
import { useUi } from '../ui-context.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, P } from '../components/text.js';
import { formatDateTime } from '../format.js';

export function AccountPage(props: { sessions: SessionSummary[]; timeZone: string; notice?: string | undefined; fingerprint?: OwnFingerprint | null; basePath?: string }) {
  const { t, lang } = useUi();
  // The platform operator's account page lives at /platform/account, an organisation's staff at /staff/account.
  const base = props.basePath ?? '/staff/account';
  return (
    <>
      <H1>{t('account.title')}</H1>
      {props.notice === 'password' ? <Alert kind="ok">{t('account.password.changed')}</Alert> : null}
      {props.notice === 'session' ? <Alert kind="ok">{t('account.sessions.ended')}</Alert> : null}
      {props.fingerprint ? (
        <>
          <H2>{t('account.fingerprint.title')}</H2>
          <P>
            {t('account.fingerprint.text')} <code class="utrecht-code" data-testid="own-fingerprint">{props.fingerprint.fingerprint}</code>
          </P>
          <P>{t('account.fingerprint.help')}</P>
          {props.fingerprint.rowDiffers ? <Alert kind="error">{t('account.fingerprint.rowDiffers')}</Alert> : null}
        </>
      ) : null}
      <H2>{t('account.password.title')}</H2>
      <P>{t('account.password.help')}</P>
      <ErrorSummary />
      <Form action={`${base}/password`}>
        <TextField name="currentPassword" label="account.password.current" type="password" autocomplete="current-password" required />
        <TextField name="newPassword" label="account.password.new" description="enrol.password.help" type="password" autocomplete="new-password" required />
        <TextField name="newPasswordConfirm" label="account.password.confirm" type="password" autocomplete="new-password" required />
        <SubmitButton label="account.password.submit" />
      </Form>
      <H2>{t('account.sessions.title')}</H2>
      <P>{t('account.sessions.help')}</P>
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t('account.sessions.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('account.sessions.started')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('account.sessions.lastSeen')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('account.sessions.action')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.sessions.map((session) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{formatDateTime(session.createdAt, lang, props.timeZone)}</td>
                <td class="utrecht-table__cell">{formatDateTime(session.lastSeenAt, lang, props.timeZone)}</td>
                <td class="utrecht-table__cell">
                  {session.current ? (
                    t('account.sessions.current')
                  ) : (
                    <Form action={`${base}/sessions/${session.id}/end`} inline>
                      <SubmitButton label="account.sessions.end" secondary />
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

import type { UserSummary } from '../../domain/accounts/list-users.js';
import { roles } from '../../domain/access/roles.js';
import { useUi } from '../ui-context.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, Link, P } from '../components/text.js';
import { roleLabel } from '../role-label.js';
import type { MessageKey } from '../../i18n/index.js';

export function UsersPage(props: { users: UserSummary[]; values: { email?: string; displayName?: string; roles?: string[] }; invitedLink?: string | undefined }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('users.title')}</H1>
      <P>{t('users.lead')}</P>
      {props.invitedLink ? (
        <Alert kind="ok">
          <P>{t('users.invited')}</P>
          <P>
            <code class="utrecht-code app-secret" data-testid="invitation-link">{props.invitedLink}</code>
          </P>
        </Alert>
      ) : null}
      <div class="utrecht-table-container">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t('users.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('users.name')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('users.email')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('users.roles')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('users.status')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.users.map((user) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <Link href={href(`/staff/users/${user.id}`)}>{user.displayName}</Link>
                </td>
                <td class="utrecht-table__cell">{user.email}</td>
                <td class="utrecht-table__cell">{user.roles.map((role) => roleLabel(t, role)).join(', ')}</td>
                <td class="utrecht-table__cell">{t(`users.status.${user.status}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <H2>{t('users.invite.title')}</H2>
      <P>{t('users.invite.help')}</P>
      <ErrorSummary />
      <Form action="/staff/users">
        <TextField name="displayName" label="users.name" value={props.values.displayName} autocomplete="off" required />
        <TextField name="email" label="users.email" type="email" value={props.values.email} autocomplete="off" required />
        <RoleChoices selected={props.values.roles ?? []} />
        <SubmitButton label="users.invite.submit" />
      </Form>
    </>
  );
}

export function RoleChoices(props: { selected: readonly string[] }) {
  const { t } = useUi();
  return (
    <ChoiceGroup
      name="roles"
      legend="users.roles"
      description="users.roles.help"
      multiple
      choices={roles.map((role) => ({ value: role, label: roleLabel(t, role) }))}
      selected={props.selected}
    />
  );
}

export function UserPage(props: { user: UserSummary; selectedRoles: readonly string[]; saved?: boolean }) {
  const { t, href } = useUi();
  const user = props.user;
  return (
    <>
      <H1>{user.displayName}</H1>
      {props.saved ? <Alert kind="ok">{t('users.saved')}</Alert> : null}
      <P>
        {user.email} · {t(`users.status.${user.status}` as MessageKey)}
      </P>
      <ErrorSummary />
      <H2>{t('users.roles')}</H2>
      <Form action={`/staff/users/${user.id}/roles`}>
        <RoleChoices selected={props.selectedRoles} />
        <ChoiceGroup
          name="nominatedBy"
          legend="users.nominatedBy"
          description="users.nominatedBy.help"
          choices={(['none', 'staff_representatives', 'employer', 'independent'] as const).map((side) => ({ value: side, label: t(side === 'none' ? 'users.nominatedBy.none' : `nominated.${side}`) }))}
          selected={[user.nominatedBy ?? 'none']}
        />
        <SubmitButton label="users.roles.submit" />
      </Form>
      <H2>{t('users.access.title')}</H2>
      <Form action={`/staff/users/${user.id}/status`}>
        <input type="hidden" name="disabled" value={user.status === 'disabled' ? 'false' : 'true'} />
        <P>{t(user.status === 'disabled' ? 'users.access.enableHelp' : 'users.access.disableHelp')}</P>
        <SubmitButton label={user.status === 'disabled' ? 'users.access.enable' : 'users.access.disable'} secondary />
      </Form>
      <P>
        <Link href={href('/staff/users')}>{t('users.back')}</Link>
      </P>
    </>
  );
}

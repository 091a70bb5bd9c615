import { isAllowed } from '../../domain/access/authorize.js';
import type { StaffSession } from '../../domain/sessions/resolve-session.js';
import { useUi } from '../ui-context.js';
import { H1, Item, Link, List, P } from '../components/text.js';
import { roleLabel } from '../role-label.js';

export function StaffHomePage(props: { session: StaffSession; notice?: 'passwordChanged' | undefined }) {
  const { t, href } = useUi();
  const s = props.session;
  return (
    <>
      <H1>{t('staff.home.title', { name: s.displayName })}</H1>
      <P>{t('staff.home.roles', { roles: s.roles.map((role) => roleLabel(t, role)).join(', ') })}</P>
      <List>
        {isAllowed(s, 'cases.list') ? <Item><Link href={href('/staff/cases')}>{t('staff.nav.cases')}</Link></Item> : null}
        {isAllowed(s, 'surveys.manage') ? <Item><Link href={href('/staff/surveys')}>{t('staff.nav.surveys')}</Link></Item> : null}
        {isAllowed(s, 'advisor.register') ? <Item><Link href={href('/staff/registrations')}>{t('staff.nav.registrations')}</Link></Item> : null}
        {isAllowed(s, 'cases.intake') ? <Item><Link href={href('/staff/intake')}>{t('staff.nav.intake')}</Link></Item> : null}
        {isAllowed(s, 'users.manage') ? <Item><Link href={href('/staff/users')}>{t('staff.nav.users')}</Link></Item> : null}
        {isAllowed(s, 'settings.manage') ? <Item><Link href={href('/staff/settings')}>{t('staff.nav.settings')}</Link></Item> : null}
        {isAllowed(s, 'audit.verify') ? <Item><Link href={href('/staff/audit')}>{t('staff.nav.audit')}</Link></Item> : null}
        {isAllowed(s, 'questionnaires.manage') ? <Item><Link href={href('/staff/questionnaires')}>{t('staff.nav.questionnaires')}</Link></Item> : null}
        <Item><Link href={href('/staff/account')}>{t('staff.nav.account')}</Link></Item>
      </List>
      {isAllowed(s, 'users.manage') ? <P>{t('staff.home.adminNoCases')}</P> : null}
    </>
  );
}

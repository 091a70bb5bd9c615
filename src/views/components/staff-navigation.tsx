import { isAllowed } from '../../domain/access/authorize.js';
import type { StaffSession } from '../../domain/sessions/resolve-session.js';
import { useUi } from '../ui-context.js';
import { Form } from './form.js';

function LogoutItem() {
  const { t } = useUi();
  return (
    <li>
      <Form action="/logout" inline>
        <button type="submit" class="utrecht-link-button utrecht-link-button--html-button">{t('staff.nav.logout')}</button>
      </Form>
    </li>
  );
}

/** The staff menu shows only what the person's roles allow. */
export function StaffNavigation(props: { session: StaffSession }) {
  const { t, href } = useUi();
  const actor = props.session;
  // The platform operator has two pages: the organisations on the platform, and their own account.
  if (actor.organisationId === null) {
    return (
      <nav class="app-staff-nav" aria-label={t('layout.staffNav.label')}>
        <ul class="app-inline-list">
          <li><a class="utrecht-link" href={href('/organisations')}>{t('platform.organisations.title')}</a></li>
          <li><a class="utrecht-link" href={href('/account')}>{t('staff.nav.account')}</a></li>
          <LogoutItem />
        </ul>
      </nav>
    );
  }
  return (
    <nav class="app-staff-nav" aria-label={t('layout.staffNav.label')}>
      <ul class="app-inline-list">
        <li><a class="utrecht-link" href={href('/staff')}>{t('staff.nav.home')}</a></li>
        {isAllowed(actor, 'cases.list') ? <li><a class="utrecht-link" href={href('/staff/cases')}>{t('staff.nav.cases')}</a></li> : null}
        {isAllowed(actor, 'admission.view') ? <li><a class="utrecht-link" href={href('/staff/bodies')}>{t('staff.nav.bodies')}</a></li> : null}
        {isAllowed(actor, 'surveys.manage') ? <li><a class="utrecht-link" href={href('/staff/surveys')}>{t('staff.nav.surveys')}</a></li> : null}
        {isAllowed(actor, 'advisor.register') ? <li><a class="utrecht-link" href={href('/staff/registrations')}>{t('staff.nav.registrations')}</a></li> : null}
        {isAllowed(actor, 'figures.view') ? <li><a class="utrecht-link" href={href('/staff/figures')}>{t('staff.nav.figures')}</a></li> : null}
        {isAllowed(actor, 'figures.view') ? <li><a class="utrecht-link" href={href('/staff/annual-report')}>{t('staff.nav.annualReport')}</a></li> : null}
        {isAllowed(actor, 'signals.view') ? <li><a class="utrecht-link" href={href('/staff/signals')}>{t('staff.nav.signals')}</a></li> : null}
        {isAllowed(actor, 'learning.facilitate') ? <li><a class="utrecht-link" href={href('/staff/learning')}>{t('staff.nav.learning')}</a></li> : null}
        {isAllowed(actor, 'learning.curate') ? <li><a class="utrecht-link" href={href('/staff/library')}>{t('staff.nav.library')}</a></li> : null}
        {isAllowed(actor, 'cases.intake') ? <li><a class="utrecht-link" href={href('/staff/intake')}>{t('staff.nav.intake')}</a></li> : null}
        {isAllowed(actor, 'users.manage') ? <li><a class="utrecht-link" href={href('/staff/users')}>{t('staff.nav.users')}</a></li> : null}
        {isAllowed(actor, 'settings.manage') ? <li><a class="utrecht-link" href={href('/staff/settings')}>{t('staff.nav.settings')}</a></li> : null}
        {isAllowed(actor, 'audit.verify') ? <li><a class="utrecht-link" href={href('/staff/audit')}>{t('staff.nav.audit')}</a></li> : null}
        {isAllowed(actor, 'commission.settings') ? <li><a class="utrecht-link" href={href('/staff/commission-settings')}>{t('staff.nav.commissionSettings')}</a></li> : null}
        {isAllowed(actor, 'questionnaires.manage') ? <li><a class="utrecht-link" href={href('/staff/questionnaires')}>{t('staff.nav.questionnaires')}</a></li> : null}
        <li><a class="utrecht-link" href={href('/staff/account')}>{t('staff.nav.account')}</a></li>
        <LogoutItem />
      </ul>
    </nav>
  );
}

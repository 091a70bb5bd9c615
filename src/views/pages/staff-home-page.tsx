import { isAllowed } from '../../domain/access/authorize.js';
import type { StaffSession } from '../../domain/sessions/resolve-session.js';
import { useUi } from '../ui-context.js';
import { H1, H2, Item, Link, List, P } from '../components/text.js';
import { Form, SubmitButton } from '../components/form.js';
import type { NoticeView } from '../../domain/admission/list-notices.js';
import type { ChecklistItem } from '../../domain/admission/setup-checklist.js';
import { isBody } from '../../domain/admission/bodies.js';
import type { Role } from '../../domain/access/roles.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import { formatDateTime } from '../format.js';
import { bodyName } from './body-page.js';
import { roleLabel } from '../role-label.js';

/** A notice in plain words: who changed what about who reads reports, or about texts reporters read. */
function noticeText(t: Translate, notice: NoticeView): string {
  const d = notice.detail;
  const body = isBody(d.body) ? t(bodyName(d.body)) : '';
  const roles = (d.roles ?? '').split(',').filter(Boolean).map((role) => roleLabel(t, role as Role)).join(', ');
  switch (notice.kind) {
    case 'member.admitted':
      return t('notices.admitted', { by: d.by ?? '', name: d.name ?? '', body, roles, fingerprint: d.fingerprint ?? '' });
    case 'commission.changed':
      return t('notices.commissionChanged', { what: t(`notices.setting.${d.what ?? 'other'}` as MessageKey), before: d.before ?? '', after: d.after ?? '' });
    case 'commission.shared':
      return t('notices.commissionShared', { organisation: d.organisation ?? '', before: d.before ?? '', after: d.after ?? '' });
    case 'body.founded':
      return t('notices.founded', { name: d.name ?? '', body, fingerprint: d.fingerprint ?? '' });
    case 'member.removed':
      return t('notices.removed', { by: d.by ?? '', name: d.name ?? '', body });
    case 'account.changed':
      return t('notices.accountChanged', { name: d.name ?? '', change: t(`notices.change.${d.change ?? 'other'}` as MessageKey), before: d.before ?? '', after: d.after ?? '' });
    case 'text.changed':
      return t('notices.textChanged', { what: d.what ?? '' });
    case 'identity.requested':
      return t('notices.identityRequested', { number: d.number ?? '' });
    case 'decision.ready':
      return t('notices.decisionReady', { number: d.number ?? '' });
    case 'dossier.produced':
      return t('notices.dossierProduced', { number: d.number ?? '' });
    default:
      return t('notices.other');
  }
}

export function StaffHomePage(props: { session: StaffSession; notices?: NoticeView[]; timeZone?: string; checklist?: ChecklistItem[] | null; notice?: 'passwordChanged' | undefined }) {
  const { t, href, lang } = useUi();
  const s = props.session;
  const notices = props.notices ?? [];
  return (
    <>
      <H1>{t('staff.home.title', { name: s.displayName })}</H1>
      {props.checklist && props.checklist.length > 0 ? (
        <section aria-labelledby="checklist-title">
          <H2 id="checklist-title">{t('checklist.title')}</H2>
          <P>{t('checklist.lead')}</P>
          <List>
            {props.checklist.map((item) => (
              <Item>
                <strong>{item.route.name[lang]}</strong>: {t(`checklist.${item.missing}` as MessageKey, { body: item.body ? t(bodyName(item.body)) : '' })}
              </Item>
            ))}
          </List>
          <P>{t('checklist.howTo')}</P>
        </section>
      ) : null}
      {notices.length > 0 ? (
        <section aria-labelledby="notices-title">
          <H2 id="notices-title">{t('notices.title')}</H2>
          <List>
            {notices.map((n) => (
              <Item>
                {formatDateTime(n.createdAt, lang, props.timeZone ?? 'Europe/Amsterdam')}: {noticeText(t, n)}
              </Item>
            ))}
          </List>
          <Form action="/staff/notices/read">
            <input type="hidden" name="ids" value={notices.map((n) => n.id).join(',')} />
            <SubmitButton label="notices.markRead" secondary />
          </Form>
        </section>
      ) : null}
      <P>{t('staff.home.roles', { roles: s.roles.map((role) => roleLabel(t, role)).join(', ') })}</P>
      <List>
        {isAllowed(s, 'cases.list') ? <Item><Link href={href('/staff/cases')}>{t('staff.nav.cases')}</Link></Item> : null}
        {isAllowed(s, 'admission.view') ? <Item><Link href={href('/staff/bodies')}>{t('staff.nav.bodies')}</Link></Item> : null}
        {isAllowed(s, 'surveys.manage') ? <Item><Link href={href('/staff/surveys')}>{t('staff.nav.surveys')}</Link></Item> : null}
        {isAllowed(s, 'advisor.register') ? <Item><Link href={href('/staff/registrations')}>{t('staff.nav.registrations')}</Link></Item> : null}
        {isAllowed(s, 'figures.view') ? <Item><Link href={href('/staff/figures')}>{t('staff.nav.figures')}</Link></Item> : null}
        {isAllowed(s, 'figures.view') ? <Item><Link href={href('/staff/annual-report')}>{t('staff.nav.annualReport')}</Link></Item> : null}
        {isAllowed(s, 'signals.view') ? <Item><Link href={href('/staff/signals')}>{t('staff.nav.signals')}</Link></Item> : null}
        {isAllowed(s, 'learning.facilitate') ? <Item><Link href={href('/staff/learning')}>{t('staff.nav.learning')}</Link></Item> : null}
        {isAllowed(s, 'learning.curate') ? <Item><Link href={href('/staff/library')}>{t('staff.nav.library')}</Link></Item> : null}
        {isAllowed(s, 'letters.edit') ? <Item><Link href={href('/staff/letters')}>{t('staff.nav.letters')}</Link></Item> : null}
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

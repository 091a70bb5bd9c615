import type { BodyOverview } from '../../domain/admission/body-overview.js';
import { bodyOfRole, type Body } from '../../domain/admission/bodies.js';
import { roles as allRoles, type Role } from '../../domain/access/roles.js';
import type { MessageKey } from '../../i18n/index.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../components/form.js';
import { Alert, H1, H2, Item, Link, List, P } from '../components/text.js';
import { formatDate } from '../../i18n/format-date.js';
import { roleLabel } from '../role-label.js';
import { useUi } from '../ui-context.js';

export const bodyName = (body: Body): MessageKey => `bodies.name.${body}` as MessageKey;

/** The bodies the viewer belongs to, each linking to its own membership page. */
export function BodiesPage(props: { bodies: Body[] }) {
  const { t, href } = useUi();
  return (
    <>
      <H1>{t('bodies.title')}</H1>
      <P lead>{t('bodies.lead')}</P>
      <List>
        {props.bodies.map((body) => (
          <Item>
            <Link href={href(`/staff/bodies/${body}`)}>{t(bodyName(body))}</Link>
          </Item>
        ))}
      </List>
    </>
  );
}

/**
 * Who reads the reports of one body, verified from the signed admissions; the founding statement
 * and its fingerprint; and, for the member who admits, the forms to admit, remove and reassign.
 */
export function BodyPage(props: { overview: BodyOverview; done?: string | undefined; moved?: { moved: number; notMoved: number } | undefined; values?: Record<string, string | string[]> }) {
  const { t, lang } = useUi();
  const o = props.overview;
  const v = props.values ?? {};
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : '');
  const arr = (name: string) => (Array.isArray(v[name]) ? (v[name] as string[]) : typeof v[name] === 'string' ? [v[name] as string] : []);
  const bodyRoles = allRoles.filter((role) => bodyOfRole[role] === o.body);
  const rolesText = (roles: readonly Role[]) => roles.map((role) => roleLabel(t, role)).join(', ');
  return (
    <>
      <H1>{t(bodyName(o.body))}</H1>
      <P lead>{t('bodies.bodyLead')}</P>
      {props.done ? <Alert kind="ok">{t(`bodies.done.${props.done}` as MessageKey, props.moved ?? {})}</Alert> : null}
      <ErrorSummary />
      {o.invalidCount > 0 ? <Alert kind="warning">{t('bodies.invalid', { count: o.invalidCount })}</Alert> : null}

      <H2>{t('bodies.root.title')}</H2>
      {o.root ? (
        <>
          <P>{t('bodies.root.text', { name: o.root.founderName, date: formatDate(o.root.admittedOn, lang) })}</P>
          <blockquote class="utrecht-blockquote">
            <p class="utrecht-paragraph">{o.root.statement}</p>
          </blockquote>
          <P>
            {t('bodies.root.fingerprint')} <code class="utrecht-code">{o.root.fingerprint}</code>
          </P>
          <P>{t('bodies.root.check')}</P>
        </>
      ) : (
        <Alert kind="warning">{t('bodies.root.none')}</Alert>
      )}
      {o.canFound ? (
        <Form action={`/staff/bodies/${o.body}/found`}>
          <P>{t('bodies.found.help')}</P>
          <TextArea name="statement" label="bodies.found.statement" description="bodies.found.statementHelp" value={str('statement')} maxlength={2000} rows={4} />
          <SubmitButton label="bodies.found.submit" />
        </Form>
      ) : null}

      <H2>{t('bodies.members.title')}</H2>
      {o.members.length === 0 ? (
        <P>{t('bodies.members.none')}</P>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('bodies.members.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('bodies.members.name')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('bodies.members.roles')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('bodies.members.fingerprint')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('bodies.members.since')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {o.members.map((m) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{m.displayName}</td>
                <td class="utrecht-table__cell">{rolesText(m.roles)}</td>
                <td class="utrecht-table__cell"><code class="utrecht-code">{m.fingerprint}</code></td>
                <td class="utrecht-table__cell">{formatDate(m.admittedOn, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <H2>{t('bodies.waiting.title')}</H2>
      {o.waiting.length === 0 ? (
        <P>{t('bodies.waiting.none')}</P>
      ) : (
        <>
          <P>{t('bodies.waiting.help')}</P>
          <List>
            {o.waiting.map((w) => (
              <Item>{t('bodies.waiting.item', { name: w.displayName, roles: rolesText(w.roles) })}</Item>
            ))}
          </List>
        </>
      )}
      {o.canAdmit && o.waiting.length > 0 ? (
        <Form action={`/staff/bodies/${o.body}/admit`}>
          <ChoiceGroup name="admit-userId" legend="bodies.admit.who" choices={o.waiting.map((w) => ({ value: w.userId, label: w.displayName }))} selected={arr('admit-userId')} />
          <TextField name="admit-fingerprint" label="bodies.admit.fingerprint" description="bodies.admit.fingerprintHelp" value={str('admit-fingerprint')} maxlength={40} />
          <ChoiceGroup
            name="admit-roles"
            legend="bodies.admit.roles"
            description="bodies.admit.rolesHelp"
            multiple
            choices={bodyRoles.map((role) => ({ value: role, label: roleLabel(t, role) }))}
            selected={arr('admit-roles')}
          />
          <P>{t('bodies.admit.next')}</P>
          <SubmitButton label="bodies.admit.submit" />
        </Form>
      ) : null}

      {o.canAdmit && o.members.length > 0 ? (
        <>
          <H2>{t('bodies.remove.title')}</H2>
          <Form action={`/staff/bodies/${o.body}/remove`}>
            <ChoiceGroup name="remove-admissionId" legend="bodies.remove.who" choices={o.members.map((m) => ({ value: m.admissionId, label: m.displayName }))} selected={arr('remove-admissionId')} />
            <P>{t('bodies.remove.next')}</P>
            <SubmitButton label="bodies.remove.submit" secondary />
          </Form>
        </>
      ) : o.ownAdmissionId ? (
        <>
          <H2>{t('bodies.leave.title')}</H2>
          <Form action={`/staff/bodies/${o.body}/remove`}>
            <input type="hidden" name="remove-admissionId" value={o.ownAdmissionId} />
            <P>{t('bodies.leave.next')}</P>
            <SubmitButton label="bodies.leave.submit" secondary />
          </Form>
        </>
      ) : null}

      {o.canReassign && o.members.length > 1 ? (
        <>
          <H2>{t('bodies.reassign.title')}</H2>
          <Form action={`/staff/bodies/${o.body}/reassign`}>
            <P>{t('bodies.reassign.help')}</P>
            <ChoiceGroup name="reassign-from" legend="bodies.reassign.from" choices={o.members.map((m) => ({ value: m.userId, label: m.displayName }))} selected={arr('reassign-from')} />
            <ChoiceGroup name="reassign-to" legend="bodies.reassign.to" choices={o.members.map((m) => ({ value: m.userId, label: m.displayName }))} selected={arr('reassign-to')} />
            <SubmitButton label="bodies.reassign.submit" />
          </Form>
        </>
      ) : null}
    </>
  );
}

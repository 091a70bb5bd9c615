import type { CommissionSettings } from '../../domain/commission-settings/get-commission-settings.js';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextField } from '../components/form.js';
import { Alert, H1, H2, P } from '../components/text.js';
import { roleLabel } from '../role-label.js';
import { useUi } from '../ui-context.js';

/** The field name of one route's custodian choice (forms on one page name their fields apart). */
export const custodianField = (route: string) => `custodian_${route}`;

/**
 * The commission's own settings, for its chair: when a joint decision may be closed, how long a
 * reporter has to object before their name is released, and who keeps the identities per route.
 * Three small forms, each saved on its own and each recorded in the audit log.
 */
export function CommissionSettingsPage(props: { settings: CommissionSettings; values?: Record<string, string>; saved?: boolean }) {
  const { t, lang } = useUi();
  const s = props.settings;
  const value = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  return (
    <>
      <H1>{t('commissionSettings.title')}</H1>
      <P lead>{t('commissionSettings.lead')}</P>
      {props.saved ? <Alert kind="ok">{t('commissionSettings.saved')}</Alert> : null}
      <ErrorSummary />

      <section aria-labelledby="quorum">
        <H2 id="quorum">{t('commissionSettings.quorum.title')}</H2>
        <P>{t('commissionSettings.quorum.help')}</P>
        <Form action="/staff/commission-settings/quorum">
          <ChoiceGroup
            name="decisionQuorum"
            legend="commissionSettings.quorum.legend"
            choices={[
              { value: 'all', label: t('commissionSettings.quorum.all') },
              { value: 'majority', label: t('commissionSettings.quorum.majority') },
            ]}
            selected={[value('decisionQuorum', s.decisionQuorum)]}
          />
          <SubmitButton label="commissionSettings.quorum.submit" />
        </Form>
      </section>

      <section aria-labelledby="identity-wait">
        <H2 id="identity-wait">{t('commissionSettings.wait.title')}</H2>
        <P>{t('commissionSettings.wait.help')}</P>
        <Form action="/staff/commission-settings/identity-wait">
          <TextField name="identityWaitDays" label="commissionSettings.wait.label" description="commissionSettings.wait.description" value={value('identityWaitDays', String(s.identityWaitDays))} inputmode="numeric" required />
          <SubmitButton label="commissionSettings.wait.submit" />
        </Form>
      </section>

      <section aria-labelledby="custodians">
        <H2 id="custodians">{t('commissionSettings.custodian.title')}</H2>
        <P>{t('commissionSettings.custodian.help')}</P>
        {s.custodians.map((c) => (
          <Form action={`/staff/commission-settings/custodian/${c.route}`}>
            <ChoiceGroup
              name={custodianField(c.route)}
              legend={{ text: t('commissionSettings.custodian.legend', { route: c.name[lang] }) }}
              choices={c.choices.map((role) => ({ value: role, label: roleLabel(t, role) }))}
              selected={[value(custodianField(c.route), c.current ?? '')]}
            />
            <SubmitButton label="commissionSettings.custodian.submit" secondary />
          </Form>
        ))}
      </section>
    </>
  );
}

import type { Context, Hono } from 'hono';
import { getCommissionSettings } from '../../domain/commission-settings/get-commission-settings.js';
import { setDecisionQuorum } from '../../domain/commission-settings/set-decision-quorum.js';
import { setIdentityCustodian } from '../../domain/commission-settings/set-identity-custodian.js';
import { setIdentityWaitDays } from '../../domain/commission-settings/set-identity-wait-days.js';
import type { Services } from '../../services.js';
import { CommissionSettingsPage, custodianField } from '../../views/pages/commission-settings-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import type { OrganisationStaff } from './require-staff.js';
import { handleForm, readForm, redirectTo, text, withFormFieldNames, type FormValues } from './form-input.js';
import { requireStaff } from './require-staff.js';

// The commission's own settings: its chair's, never the administrator's (the settings page is theirs).
export function commissionSettingsPages(app: Hono<AppEnv>, s: Services) {
  const title = (c: Context<AppEnv>) => c.get('t')('commissionSettings.title');

  app.get('/staff/commission-settings', async (c) => {
    const actor = requireStaff(c, 'commission.settings');
    return render(c, title(c), <CommissionSettingsPage settings={await getCommissionSettings(s, actor)} saved={c.req.query('saved') === '1'} />);
  });

  /** One form of the page: run its command, then back; wrong input shows the page again with what was typed. */
  function action(path: string, run: (actor: OrganisationStaff, form: FormValues, param: (name: string) => string) => Promise<void>) {
    app.post(`/staff/commission-settings/${path}`, async (c) => {
      const actor = requireStaff(c, 'commission.settings');
      const form = await readForm(c);
      return handleForm(
        c,
        async () => {
          await run(actor, form, (name) => c.req.param(name) ?? '');
          return redirectTo(c, '/staff/commission-settings?saved=1');
        },
        { title: title(c), body: async () => <CommissionSettingsPage settings={await getCommissionSettings(s, actor)} values={Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]))} /> },
      );
    });
  }

  action('quorum', (actor, form) => setDecisionQuorum(s, actor, { decisionQuorum: text(form, 'decisionQuorum') }));
  action('identity-wait', (actor, form) => setIdentityWaitDays(s, actor, { identityWaitDays: text(form, 'identityWaitDays') }));
  action('custodian/:route', (actor, form, param) => {
    const field = custodianField(param('route'));
    return withFormFieldNames({ role: field }, () => setIdentityCustodian(s, actor, { route: param('route'), role: text(form, field) }));
  });
}

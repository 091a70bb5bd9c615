import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog, organisations, routes } from '../../src/db/schema.js';
import { getOrganisation } from '../../src/domain/organisation/get-organisation.js';
import type { FormClient } from '../support/form-client.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The commission's own settings belong to its chair: quorum, the reporter's time to object, and the
// identity custodian per route. The administrator (who manages accounts and the organisation's
// settings) cannot change them, nor can a secretary or a member. Every change is audited.
let t: TestApp;
let chair: FormClient;
const others = new Map<string, FormClient>();

beforeAll(async () => {
  t = await createTestApp();
  chair = await logInAs(t, await createStaff(t, ['chair']));
  others.set('administrator', await logInAs(t, await createStaff(t, ['administrator'])));
  others.set('secretary', await logInAs(t, await createStaff(t, ['secretary'])));
  others.set('commission_member', await logInAs(t, await createStaff(t, ['commission_member'])));
});
afterAll(() => t.close());

const page = '/staff/commission-settings';
const lastAudit = async (action: string) => (await t.services.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.seq)).limit(1))[0];
const organisation = async () => await getOrganisation(t.services, t.organisationId);

describe('the commission settings page', () => {
  it('is the chair’s, in the menu, with the current values', async () => {
    const response = await chair.get(page);
    expect(response.status).toBe(200);
    expect(response.html).toContain('Instellingen van de commissie');
    expect(response.html).toMatch(/value="all"[^>]*checked/);
    expect(response.html).toContain('value="10"');
    expect(response.html).toContain(`action="${page}/custodian/commission"`);
    expect((await chair.get('/staff')).html).toContain(`href="${page}"`);
    const english = await chair.get(`${page}?lang=en`);
    expect(english.html).toContain('The commission’s settings');
  });

  it('the administrator, a secretary and a member get 403 on the page and on every form', async () => {
    for (const [who, client] of others) {
      expect((await client.get(page)).status, who).toBe(403);
      for (const [path, fields] of [
        ['quorum', { decisionQuorum: 'majority' }],
        ['identity-wait', { identityWaitDays: '30' }],
        ['custodian/commission', { custodian_commission: 'secretary' }],
      ] as const) {
        expect((await client.postWithOwnToken(`${page}/${path}`, fields)).status, `${who} ${path}`).toBe(403);
      }
      expect((await client.get('/staff')).html, who).not.toContain(`href="${page}"`);
    }
    // Nothing changed.
    expect(await organisation()).toMatchObject({ decisionQuorum: 'all', identityWaitDays: 10 });
    // The administrator's own settings page does not offer them either.
    expect((await others.get('administrator')!.get('/staff/settings')).html).not.toContain('decisionQuorum');
  });

  it('the chair sets the quorum; the audit has before and after', async () => {
    const wrong = await chair.submit(page, `${page}/quorum`, { decisionQuorum: 'some' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Kies wanneer een besluit kan worden gesloten.');
    expect((await chair.submit(page, `${page}/quorum`, { decisionQuorum: 'majority' })).status).toBe(303);
    expect((await organisation()).decisionQuorum).toBe('majority');
    expect(await lastAudit('commission.quorum-set')).toMatchObject({ actorKind: 'staff', caseId: null, detail: { before: 'all', after: 'majority' } });
    expect((await chair.get(`${page}?saved=1`)).html).toMatch(/value="majority"[^>]*checked/);
  });

  it('the chair sets the days a reporter has to object, 1 to 60, with a translated error', async () => {
    for (const bad of ['0', '61', '2.5', 'tien', '']) {
      const refused = await chair.submit(page, `${page}/identity-wait`, { identityWaitDays: bad });
      expect(refused.status, bad).toBe(422);
      expect(refused.html).toContain('Vul een heel aantal dagen in tussen 1 en 60.');
    }
    expect((await chair.submit(`${page}?lang=en`, `${page}/identity-wait?lang=en`, { identityWaitDays: '99' })).html).toContain('Enter a whole number of days between 1 and 60.');
    expect((await chair.submit(page, `${page}/identity-wait`, { identityWaitDays: '14' })).status).toBe(303);
    expect((await organisation()).identityWaitDays).toBe(14);
    expect(await lastAudit('commission.identity-wait-set')).toMatchObject({ detail: { before: 10, after: 14 } });
  });

  it('the chair chooses the identity custodian per route from its handler roles', async () => {
    const notAHandler = await chair.submit(page, `${page}/custodian/commission`, { custodian_commission: 'confidential_advisor' });
    expect(notAHandler.status).toBe(422);
    expect(notAHandler.html).toContain('Kies een van de rollen die deze route behandelen.');
    expect((await chair.submit(page, `${page}/custodian/commission`, { custodian_commission: 'administrator' })).status).toBe(422);
    expect((await chair.postWithOwnToken(`${page}/custodian/nonexistent`, { custodian_nonexistent: 'chair' })).status).toBe(404);
    // The advisors' and the panel's custodians are theirs: no form for them here, and a post is refused.
    const settingsPage = (await chair.get(page)).html;
    expect(settingsPage).not.toContain(`${page}/custodian/advisor`);
    expect(settingsPage).not.toContain(`${page}/custodian/ethics`);
    expect((await chair.postWithOwnToken(`${page}/custodian/advisor`, { custodian_advisor: 'confidential_advisor' })).status).toBe(404);

    expect((await chair.submit(page, `${page}/custodian/commission`, { custodian_commission: 'secretary' })).status).toBe(303);
    const [commission] = await t.services.db.select().from(routes).where(eq(routes.code, 'commission'));
    expect(commission!.custodianRoles).toEqual(['secretary']);
    expect(await lastAudit('commission.custodian-set')).toMatchObject({ detail: { route: 'commission', before: 'chair', after: 'secretary' } });
    // The other routes are untouched.
    const [riskSignal] = await t.services.db.select().from(routes).where(eq(routes.code, 'risk_signal'));
    expect(riskSignal!.custodianRoles).toEqual(['chair']);
    expect((await chair.get(page)).html).toMatch(/name="custodian_commission" value="secretary" checked/);
  });

  it('stores nothing but the settings: the organisation row keeps its other values', async () => {
    const [row] = await t.services.db.select().from(organisations);
    expect(row!.retentionMonths).toBe(24);
  });
});

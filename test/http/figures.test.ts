import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { caseStatistics, organisations, surveyOrganisations, surveyResponses } from '../../src/db/schema.js';
import { standardQuestions } from '../../src/domain/surveys/questions.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { unsafeShareCommission } from '../../src/domain/organisation/share-commission.js';
import { localDate } from '../../src/domain/reports/deadlines.js';
import { FormClient } from '../support/form-client.js';
import { reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 13 (figures split per organisation) and the start of issue 15: the figures page. The
// commission sees the cases its bodies handle, split by the organisation they concern, exactly;
// the organisation's analyst sees the cases about their organisation, suppressed as the monitor is.
let t: TestApp;
let small = '';
let year = 0;
let chair: TestStaff;
let analyst: TestStaff;
let smallAnalyst: TestStaff;
const K = 5;

/** A purged case's anonymous row, as the purge job writes it. */
const purged = (organisationId: string, handledBy: string, routeCode: string, receivedOn: string, closedOn: string | null) => ({
  organisationId,
  handledBy,
  routeCode,
  receivedOn,
  closedOn,
  purgedOn: receivedOn,
  acknowledgedOn: null,
  kind: null,
  outcome: null,
});

beforeAll(async () => {
  t = await createTestApp({ SURVEY_MIN_GROUP: String(K) });
  small = (await unsafeCreateOrganisation(t.services, { name: 'Kleine Dienst', slug: 'kleine-dienst' })).id;
  await unsafeShareCommission(t.services, small, t.organisationId);
  chair = await createStaff(t, ['chair']);
  await createStaff(t, ['secretary']);
  analyst = await createStaff(t, ['analyst']);
  smallAnalyst = await createStaff(t, ['analyst'], undefined, { organisationId: small });
  year = Number(localDate(t.clock.now(), 'Europe/Amsterdam').slice(0, 4));
  // Live reports through the form: two at the organisation, one at the small one (read by the shared commission).
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Eerste melding.', WANT: ['advice'] });
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Tweede melding.', WANT: ['advice'] });
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Melding bij de kleine dienst.', WANT: ['advice'] }, { client: new FormClient(t, undefined, '/o/kleine-dienst') });
  // Purged cases. This year: four closed reports and a risk signal. Last year: six reports (four
  // closed then) and a risk signal; for the small organisation a report (read by the shared
  // commission) and an ethics question (its own panel).
  const org = t.organisationId;
  await t.services.db.insert(caseStatistics).values([
    ...[1, 2, 3, 4].map(() => purged(org, org, 'commission', `${year}-01-10`, `${year}-02-10`)),
    purged(org, org, 'risk_signal', `${year}-01-11`, `${year}-03-01`),
    ...[1, 2, 3, 4].map(() => purged(org, org, 'commission', `${year - 1}-05-01`, `${year - 1}-06-01`)),
    ...[1, 2].map(() => purged(org, org, 'commission', `${year - 1}-05-02`, null)),
    purged(org, org, 'risk_signal', `${year - 1}-07-01`, `${year - 1}-07-20`),
    purged(small, org, 'commission', `${year - 1}-03-03`, null),
    purged(small, small, 'ethics', `${year - 1}-01-12`, null),
  ]);
});
afterAll(() => t.close());

/** The numbers of one table on the page, by row heading: [received, closed]; "niet getoond" stays text. */
function table(html: string, testId: string): Record<string, [string, string]> {
  const start = html.indexOf(`data-testid="${testId}"`);
  expect(start, testId).toBeGreaterThan(-1);
  const body = html.slice(start, html.indexOf('</table>', start));
  const rows: Record<string, [string, string]> = {};
  for (const row of body.matchAll(/<tr[^>]*>\s*<th[^>]*scope="row"[^>]*>([^<]+)<\/th>\s*<td[^>]*>([^<]+)<\/td>\s*<td[^>]*>([^<]+)<\/td>/g)) rows[row[1]!] = [row[2]!, row[3]!];
  return rows;
}

describe('the figures page', () => {
  it('shows the commission its cases per organisation it serves, exactly, live and purged together, per year', async () => {
    const client = await logInAs(t, chair);
    const page = await client.get('/staff/figures');
    expect(page.status, t.logLines.join('\n').slice(-3000)).toBe(200);
    expect(table(page.html, 'figures-own')).toEqual({ 'Melding bij de commissie': ['6', '4'], Risicosignaal: ['1', '1'], Totaal: ['7', '5'] });
    // The small organisation's reports, which this commission reads; not its ethics question, read by its own panel.
    expect(table(page.html, `figures-${small}`)).toEqual({ 'Melding bij de commissie': ['1', '0'], Risicosignaal: ['0', '0'], Totaal: ['1', '0'] });
    expect(table(page.html, 'figures-together')).toEqual({ 'Melding bij de commissie': ['7', '4'], Risicosignaal: ['1', '1'], Totaal: ['8', '5'] });
    expect(page.html).not.toContain('Morele vraag aan de ethische commissie');
    // Last year: only what came in and was closed then; the small organisation's purged report is still the commission's.
    const last = await client.get(`/staff/figures?year=${year - 1}`);
    expect(table(last.html, 'figures-own')).toEqual({ 'Melding bij de commissie': ['6', '4'], Risicosignaal: ['1', '1'], Totaal: ['7', '5'] });
    expect(table(last.html, `figures-${small}`)).toEqual({ 'Melding bij de commissie': ['1', '0'], Risicosignaal: ['0', '0'], Totaal: ['1', '0'] });
    // A year that is not one: this year, not an error.
    for (const bad of ['1850', 'abc', `${year}' or 1=1`, '9'.repeat(400)]) {
      const odd = await client.get(`/staff/figures?year=${encodeURIComponent(bad)}`);
      expect(odd.status, bad).toBe(200);
      expect(table(odd.html, 'figures-own')['Totaal']).toEqual(['7', '5']);
    }
  });

  it('shows the analyst only their own organisation, whole years only, every route, with no count below k recoverable from the others', async () => {
    const client = await logInAs(t, analyst);
    const page = await client.get('/staff/figures');
    expect(page.status).toBe(200);
    // The running year is held back: asked for, the last whole year is shown.
    expect(page.html).toContain('De cijfers van het lopende jaar ziet u na afloop van het jaar');
    expect(page.html).not.toContain(`?year=${year}"`);
    expect(table((await client.get(`/staff/figures?year=${year}`)).html, 'figures-own')).toEqual(table(page.html, 'figures-own'));
    expect(page.html).toContain(`<span aria-current="page">${year - 1}</span>`);
    expect(page.html).not.toContain('Kleine Dienst');
    expect(page.html).not.toContain('figures-together');
    const rows = table(page.html, 'figures-own');
    expect(Object.keys(rows)).toEqual(['Melding bij de commissie', 'Risicosignaal', 'Morele vraag aan de ethische commissie', 'Gesprek met een vertrouwenspersoon', 'Totaal']);
    const truth: Record<string, [number, number]> = {
      'Melding bij de commissie': [6, 4],
      Risicosignaal: [1, 1],
      'Morele vraag aan de ethische commissie': [0, 0],
      'Gesprek met een vertrouwenspersoon': [0, 0],
      Totaal: [7, 5],
    };
    // The attack: what can be worked out from every figure on the page, column by column?
    for (const column of [0, 1]) {
      const parts = Object.keys(truth).filter((r) => r !== 'Totaal');
      const shownValue = (r: string) => (rows[r]![column] === 'niet getoond' ? null : Number(rows[r]![column]));
      for (const r of Object.keys(truth)) {
        const value = shownValue(r);
        // Whatever is shown is true, and nothing between 1 and k - 1 is shown.
        if (value !== null) {
          expect(value, r).toBe(truth[r]![column]!);
          expect(value === 0 || value >= K, r).toBe(true);
        }
      }
      const total = shownValue('Totaal');
      const hidden = parts.filter((r) => shownValue(r) === null);
      if (total !== null && hidden.length > 0) {
        // Each hidden part is at least 1; the rest of the total is shared among them.
        const rest = total - parts.filter((r) => shownValue(r) !== null).reduce((sum, r) => sum + shownValue(r)!, 0);
        for (const r of hidden) {
          const hi = rest - (hidden.length - 1);
          const lo = 1;
          const n = truth[r]![column]!;
          if (n > 0 && n < K) expect(hi - lo, `${r} pinned to [${lo}, ${hi}]`).toBeGreaterThanOrEqual(K);
        }
      }
    }
    // The risk signal (1) is hidden, and so is enough beside it.
    expect(rows['Risicosignaal']).toEqual(['niet getoond', 'niet getoond']);
  });

  it('shows the small organisation’s analyst the reports about their organisation, handled by the shared commission, and nothing of the other', async () => {
    const page = await (await logInAs(t, smallAnalyst, smallAnalyst.password, '/o/kleine-dienst')).get('/staff/figures');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('Testorganisatie');
    const rows = table(page.html, 'figures-own');
    // One report and one ethics question: both below k, so hidden, and so is the total.
    expect(rows['Melding bij de commissie']).toEqual(['niet getoond', '0']);
    expect(rows['Morele vraag aan de ethische commissie']).toEqual(['niet getoond', '0']);
    expect(rows['Totaal']![0]).toBe('niet getoond');
  });

  it('puts the organisation’s own monitor results beside its figures: the unit that is the organisation itself, exactly as the monitor shows them', async () => {
    const monitor = await logInAs(t, analyst);
    // Before any closed wave: said so.
    expect((await (await logInAs(t, chair)).get('/staff/figures')).html).toContain('Er is nog geen afgesloten peiling van de integriteitsmonitor waarin Testorganisatie zelf is gemeten.');
    // Opening the monitor makes the organisation's own unit: "other" while no sector is chosen, the
    // administrator's choice once made (until a wave has used the unit).
    expect((await monitor.get('/staff/surveys')).html).toContain('Testorganisatie (Anders) · deze organisatie zelf');
    await t.services.db.update(organisations).set({ sector: 'water_authority' }).where(eq(organisations.id, t.organisationId));
    const start = await monitor.get('/staff/surveys');
    expect(start.html).toContain('Testorganisatie (Waterschap) · deze organisatie zelf');
    await monitor.get('/staff/surveys');
    const own = await t.services.db.select().from(surveyOrganisations).where(and(eq(surveyOrganisations.ownerId, t.organisationId), isNotNull(surveyOrganisations.organisationId)));
    expect(own).toHaveLength(1);
    expect((await monitor.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: 'Gemeente Aa', sector: 'municipality' })).status).toBe(303);
    const [other] = await t.services.db.select().from(surveyOrganisations).where(eq(surveyOrganisations.name, 'Gemeente Aa'));
    const created = await monitor.submit('/staff/surveys', '/staff/surveys', { waveName: 'Peiling voorjaar', organisationIds: [own[0]!.id, other!.id], extraNl: '', extraEn: '' });
    const waveId = /\/staff\/surveys\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    // Eight answers of the organisation itself (six agree, two disagree with every statement), six of the other.
    // Those who agree were pressured (by a director: SOURCE's third option), the others not.
    const answers = (v: number) => standardQuestions.map((q) => (q.section === 'statements' ? v : q.code === 'PRESSURE' ? (v >= 4 ? 1 : 2) : q.code === 'SOURCE' && v >= 4 ? 4 : null)) as number[];
    await t.services.db.insert(surveyResponses).values([
      ...[5, 5, 5, 5, 4, 4, 1, 2].map((v) => ({ waveId, organisationId: own[0]!.id, answers: answers(v) })),
      ...[3, 3, 3, 3, 3, 3].map((v) => ({ waveId, organisationId: other!.id, answers: answers(v) })),
    ]);
    // An open wave is not shown yet; a closed one is.
    expect((await (await logInAs(t, chair)).get('/staff/figures')).html).not.toContain('Peiling voorjaar');
    expect((await monitor.submit(`/staff/surveys/${waveId}`, `/staff/surveys/${waveId}/close`, {})).status).toBe(303);
    // Once a wave used the unit, a new sector does not move it: that wave's results stay as they were.
    await t.services.db.update(organisations).set({ sector: 'province' }).where(eq(organisations.id, t.organisationId));
    expect((await monitor.get('/staff/surveys')).html).toContain('Testorganisatie (Waterschap) · deze organisatie zelf');
    const results = await monitor.get(`/staff/surveys/${waveId}/results?org=${own[0]!.id}`);
    expect(results.html).toContain('75\u00a0%');
    for (const reader of [chair, analyst]) {
      const page = await (await logInAs(t, reader)).get('/staff/figures');
      expect(page.html).toContain('Integriteitsmonitor: Peiling voorjaar');
      const rows = [...page.html.slice(page.html.indexOf('data-testid="figures-monitor"')).matchAll(/<td[^>]*>([^<]+)<\/td>/g)].slice(0, 8).map((m) => m[1]);
      expect(rows).toEqual(Array(8).fill('75\u00a0%'));
      expect(page.html).toContain('Respons: 8.');
      // The headline: six of the eight pressured, all of them by a director; as the results page shows it.
      expect(page.html).toContain('Onder druk gezet in de afgelopen 12 maanden: 75\u00a0%.');
      expect(page.html).toMatch(/Van wie kwam de druk\?\s*Een directeur \(100\u00a0%\)/);
    }
    // The other unit is not the organisation, and the served organisation has no monitor here.
    expect((await (await logInAs(t, chair)).get('/staff/figures')).html).not.toContain('Gemeente Aa');
  });

  it('is not for members, advisors or the administrator, and exact only for those the commission admitted', async () => {
    for (const roles of [['commission_member'], ['confidential_advisor'], ['administrator']] as const) {
      const client = await logInAs(t, await createStaff(t, [...roles]));
      expect((await client.get('/staff/figures')).status, roles.join()).toBe(403);
    }
    // A secretary's role the administrator gave, without the commission's admission: no exact counts.
    const unadmitted = await logInAs(t, await createStaff(t, ['secretary'], undefined, { admit: false }));
    expect((await unadmitted.get('/staff/figures')).status).toBe(403);
    const alsoAnalyst = await logInAs(t, await createStaff(t, ['secretary', 'analyst'], undefined, { admit: false }));
    const page = await alsoAnalyst.get('/staff/figures');
    expect(page.status).toBe(200);
    expect(table(page.html, 'figures-own')['Risicosignaal']).toEqual(['niet getoond', 'niet getoond']);
    expect(page.html).not.toContain('Kleine Dienst');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { advisorRegistrations, auditLog, caseStatistics, organisations } from '../../src/db/schema.js';
import { pdfText } from '../support/pdf-text.js';
import type { CaseCoding } from '../../src/domain/coding/codes.js';
import { localDate } from '../../src/domain/reports/deadlines.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 15: the year's statistics, checked against a hand-computed fixture of purged cases across
// two years; the commission sees them exactly, the analyst suppressed with the differencing attack.
let t: TestApp;
let chair: TestStaff;
let analyst: TestStaff;
let management: TestStaff;
let year = 0;
const K = 5;

const coding = (c: Partial<CaseCoding>): CaseCoding => ({
  kind: 'improper_pressure',
  category: 'misuse_of_powers',
  sources: [],
  means: [],
  aims: [],
  effectsPersonal: [],
  effectsPublic: [],
  themes: [],
  channel: 'form',
  outcome: '',
  measures: [],
  termsMet: 'yes',
  stage: 'closing',
  ...c,
});

/** A purged report: received on day `on` of the year, acknowledged, fed back and closed `ack`, `fb`, `closed` days later. */
function report(y: number, on: string, days: [number, number, number], c: Partial<CaseCoding>, extra: Partial<typeof caseStatistics.$inferInsert> = {}) {
  const at = (n: number) => new Date(Date.parse(`${y}-${on}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return {
    organisationId: t.organisationId,
    handledBy: t.organisationId,
    routeCode: 'commission',
    kind: c.kind ?? 'improper_pressure',
    outcome: c.outcome || null,
    receivedOn: `${y}-${on}`,
    acknowledgedOn: at(days[0]),
    feedbackOn: at(days[1]),
    closedOn: at(days[2]),
    purgedOn: at(days[2]),
    anonymity: 'anonymous',
    coding: coding(c),
    ...extra,
  };
}

beforeAll(async () => {
  t = await createTestApp({ SURVEY_MIN_GROUP: String(K) });
  chair = await createStaff(t, ['chair']);
  analyst = await createStaff(t, ['analyst']);
  management = await createStaff(t, ['management']);
  year = Number(localDate(t.clock.now(), 'Europe/Amsterdam').slice(0, 4)) - 1;
  await t.services.db.update(organisations).set({ headcount: 2000 }).where(eq(organisations.id, t.organisationId));
  const y = year;
  await t.services.db.insert(caseStatistics).values([
    // Twelve reports last year (the year the figures show), all closed that year.
    ...[1, 2, 3, 4, 5, 6].map(() => report(y, '02-01', [2, 40, 60], { sources: ['director', 'direct_manager'], means: ['verbal_intimidation'], aims: ['adjust_report'], outcome: 'founded', measures: ['conversation'] }, { reporterReturned: true })),
    ...[1, 2].map(() => report(y, '03-01', [3, 50, 70], { sources: ['direct_manager'], outcome: 'partly_founded' }, { anonymity: 'open', extended: true })),
    report(y, '04-01', [4, 80, 90], { sources: ['colleague'], outcome: 'unfounded', termsMet: 'no' }, { anonymity: 'open', extended: true, beyondLegalTerm: true }),
    ...[1, 2].map(() => report(y, '05-01', [5, 30, 35], { kind: 'integrity_violation', category: 'fraud_theft', channel: 'oral', outcome: 'unfounded' }, { anonymity: 'confidential' })),
    report(y, '06-01', [9, 9, 9], { kind: 'integrity_violation', category: 'not_a_violation', outcome: 'not_admissible' }, { anonymity: 'confidential', interventions: [{ kind: 'mediation', done: true }], recommendations: ['followed', 'open'] }),
    // Risk signals: six, five followed up, themes.
    ...['01', '01', '03', '03', '03', '07'].map((m, i) => ({
      ...report(y, `${m}-10`, [1, 10, 20], { kind: 'risk_signal', category: 'not_a_violation', themes: i < 4 ? ['understaffing', 'cuts'] : ['time_pressure'], outcome: i === 5 ? 'not_admissible' : '' }),
      routeCode: 'risk_signal',
    })),
    // The year before: three reports.
    ...[1, 2, 3].map(() => report(y - 1, '09-01', [1, 20, 30], { outcome: 'founded' })),
  ]);
  await t.services.db.insert(advisorRegistrations).values(['01', '02', '03', '04', '05', '06'].map((m) => ({ organisationId: t.organisationId, month: `${y}-${m}`, topic: 'pressure', kind: 'conversation', outcome: 'advice' })));
});
afterAll(() => t.close());

/** One statistics table of the page: row heading -> [this year, share?, year before] as the page prints them. */
function table(html: string, id: string): Record<string, string[]> {
  const start = html.indexOf(`data-testid="statistics-${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const body = html.slice(start, html.indexOf('</table>', start));
  const rows: Record<string, string[]> = {};
  for (const row of body.matchAll(/<tr[^>]*>\s*<th[^>]*scope="row"[^>]*>([^<]+)<\/th>((?:\s*<td[^>]*>[^<]*<\/td>)+)/g)) rows[row[1]!] = [...row[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.replace(/\u00a0/g, ' '));
  return rows;
}

describe('the annual statistics', () => {
  it('gives the commission every figure exactly, as computed by hand', async () => {
    const client = await logInAs(t, chair);
    const page = await client.get(`/staff/figures?year=${year}`);
    expect(page.status).toBe(200);
    const h = page.html;
    expect(table(h, 'received')['Melding bij de commissie']).toEqual(['12', '3']);
    expect(table(h, 'received')['Risicosignaal']).toEqual(['6', '0']);
    expect(table(h, 'kind')['Oneigenlijke druk']).toEqual(['9', '75 %', '3']);
    expect(table(h, 'category')['Fraude en diefstal']).toEqual(['2', '16,7 %', '0']);
    expect(table(h, 'anonymity')['Anoniem']).toEqual(['6', '50 %', '3']);
    expect(table(h, 'channel')['Mondeling, via het secretariaat']).toEqual(['2', '16,7 %', '0']);
    expect(table(h, 'sources')['Direct leidinggevende']).toEqual(['8', '66,7 %', '0']);
    expect(table(h, 'outcome')['Gegrond']).toEqual(['6', '50 %', '3']);
    expect(table(h, 'outcome')['Niet in behandeling genomen']).toEqual(['1', '8,3 %', '0']);
    expect(table(h, 'termsMet')['Nee']).toEqual(['1', '8,3 %', '0']);
    expect(table(h, 'extensions')['Termijn verlengd']).toEqual(['3', '25 %', '0']);
    expect(table(h, 'extensions')['Verlengd tot voorbij de wettelijke termijn']).toEqual(['1', '8,3 %', '0']);
    expect(table(h, 'measures')['Corrigerend gesprek']).toEqual(['6', '50 %', '0']);
    expect(table(h, 'interventions')['Mediation (afgerond)']).toEqual(['1', '0']);
    expect(table(h, 'recommendations')['Opgevolgd']).toEqual(['1', '0']);
    expect(table(h, 'themes')['Te weinig mensen']).toEqual(['4', '66,7 %', '0']);
    expect(table(h, 'riskMonths')['maart']).toEqual(['3', '50 %', '0']);
    expect(table(h, 'riskFollowed')['Opgepakt']).toEqual(['5', '83,3 %', '0']);
    // Six anonymous reports, all came back.
    expect(table(h, 'returned')['Kwam terug']).toEqual(['6', '100 %', '0']);
    // Acknowledgement days of the twelve: 2×6, 3×2, 4, 5×2, 9: median 2, 90th percentile 5 (11th of 12).
    expect(table(h, 'times')['Ontvangstbevestiging']).toEqual(['2 dagen', '5 dagen', '1 dagen']);
    // Closing: 60×6, 70×2, 90, 35×2, 9: sorted 9,35,35,60,...: median (6th) 60, p90 (11th) 70.
    expect(table(h, 'times')['Afsluiting']).toEqual(['60 dagen', '70 dagen', '30 dagen']);
    const rates = h.slice(h.indexOf('data-testid="statistics-rates"'));
    // Substantiated: founded 6 + partly 2 of 11 with a finding (12 minus the inadmissible one).
    expect(rates).toContain('72,7\u00a0%');
    // 12 reports per 2,000 employees: 0,6 per 100.
    expect(rates).toContain('0,6');
    // Advisor registrations are not the commission's to count.
    expect(h).not.toContain('data-testid="statistics-advisor"');
  });

  it('shows the analyst nothing below k, and nothing hidden can be worked back from what is shown', async () => {
    const client = await logInAs(t, analyst);
    const page = await client.get(`/staff/figures?year=${year}`);
    expect(page.status).toBe(200);
    const h = page.html;
    expect(table(h, 'advisor')['Registraties']).toEqual(['6', '0']);
    // Every count shown is 0 or at least k.
    for (const id of ['received', 'closed', 'kind', 'category', 'anonymity', 'channel', 'sources', 'means', 'aims', 'outcome', 'termsMet', 'extensions', 'measures', 'themes', 'riskMonths', 'riskFollowed', 'returned', 'interventions', 'recommendations']) {
      for (const [row, cells] of Object.entries(table(h, id))) {
        for (const cell of [cells[0]!, cells.at(-1)!]) if (/^\d+$/.test(cell)) expect(Number(cell) === 0 || Number(cell) >= K, `${id} ${row}: ${cell}`).toBe(true);
      }
    }
    // The attack: every relation the page states, as bounds. Equalities (a total and its parts) and
    // the parts of a total that need not add up (each research code, the signals followed up, the
    // anonymous reporters who came back) are propagated until nothing moves; a hidden count that
    // could be small must keep at least k possible values.
    const value = (id: string, row: string) => table(h, id)[row]?.[0];
    const rowsOf = (id: string) => Object.keys(table(h, id)).filter((r) => r !== 'Totaal');
    const equalities: Array<{ total: string; parts: string[] }> = [];
    const subsets: Array<{ total: string; part: string }> = [];
    const c = (id: string, row: string) => `${id}/${row}`;
    for (const what of ['received', 'closed']) equalities.push({ total: c(what, 'Totaal'), parts: rowsOf(what).map((r) => c(what, r)) });
    for (const id of ['kind', 'category', 'anonymity', 'channel']) equalities.push({ total: c('received', 'Melding bij de commissie'), parts: rowsOf(id).map((r) => c(id, r)) });
    for (const id of ['outcome', 'termsMet']) equalities.push({ total: c('closed', 'Melding bij de commissie'), parts: rowsOf(id).map((r) => c(id, r)) });
    equalities.push({ total: c('received', 'Risicosignaal'), parts: rowsOf('riskMonths').map((r) => c('riskMonths', r)) });
    equalities.push({ total: c('recommendations', 'Totaal'), parts: rowsOf('recommendations').map((r) => c('recommendations', r)) });
    for (const id of ['sources', 'means', 'aims', 'effectsPersonal', 'effectsPublic']) for (const r of rowsOf(id)) subsets.push({ total: c('received', 'Melding bij de commissie'), part: c(id, r) });
    for (const id of ['measures', 'extensions']) for (const r of rowsOf(id)) subsets.push({ total: c('closed', 'Melding bij de commissie'), part: c(id, r) });
    for (const id of ['themes', 'riskFollowed']) for (const r of rowsOf(id)) subsets.push({ total: c('received', 'Risicosignaal'), part: c(id, r) });
    subsets.push({ total: c('anonymity', 'Anoniem'), part: c('returned', 'Kwam terug') });
    const lo = new Map<string, number>();
    const hi = new Map<string, number>();
    const hidden = new Set<string>();
    for (const cell of new Set([...equalities.flatMap((e) => [e.total, ...e.parts]), ...subsets.flatMap((x) => [x.total, x.part])])) {
      const [id, row] = cell.split('/') as [string, string];
      const v = value(id, row);
      if (v !== undefined && /^\d+$/.test(v)) {
        lo.set(cell, Number(v));
        hi.set(cell, Number(v));
      } else {
        hidden.add(cell);
        // Zero is always shown, so a hidden count is at least one.
        lo.set(cell, 1);
        hi.set(cell, Infinity);
      }
    }
    expect(hidden.size, 'the fixture must make the analyst’s page hide something').toBeGreaterThan(0);
    const tighten = (map: Map<string, number>, cell: string, v: number, up: boolean) => {
      const old = map.get(cell)!;
      if (up ? v > old : v < old) {
        map.set(cell, v);
        return true;
      }
      return false;
    };
    for (let moved = true; moved; ) {
      moved = false;
      for (const e of equalities) {
        const sum = (m: Map<string, number>, cells: string[]) => cells.reduce((acc, x) => acc + m.get(x)!, 0);
        moved = tighten(lo, e.total, sum(lo, e.parts), true) || moved;
        moved = tighten(hi, e.total, sum(hi, e.parts), false) || moved;
        for (const p of e.parts) {
          const others = e.parts.filter((x) => x !== p);
          moved = tighten(lo, p, lo.get(e.total)! - sum(hi, others), true) || moved;
          moved = tighten(hi, p, hi.get(e.total)! - sum(lo, others), false) || moved;
        }
      }
      for (const x of subsets) {
        moved = tighten(lo, x.total, lo.get(x.part)!, true) || moved;
        moved = tighten(hi, x.part, hi.get(x.total)!, false) || moved;
      }
    }
    const pinned = [...hidden].filter((cell) => lo.get(cell)! < K && hi.get(cell)! - lo.get(cell)! < K - 1).map((cell) => `${cell} in [${lo.get(cell)}, ${hi.get(cell)}]`);
    expect(pinned).toEqual([]);
    // The year before, beside this year, is hidden exactly as on its own page.
    const before = (await client.get(`/staff/figures?year=${year - 1}`)).html;
    for (const id of ['received', 'closed', 'kind', 'category', 'anonymity', 'outcome', 'sources']) {
      const now = table(h, id);
      const then = table(before, id);
      for (const row of Object.keys(now)) expect(now[row]!.at(-1), `${id} ${row}`).toBe(then[row]![0]);
    }
  });

  it('gives top management the risk signals as the analyst sees them, and nothing of a case', async () => {
    const client = await logInAs(t, management);
    const page = await client.get(`/staff/signals?year=${year}`);
    expect(page.status).toBe(200);
    const analystPage = (await (await logInAs(t, analyst)).get(`/staff/figures?year=${year}`)).html;
    // The same published figures, cell by cell: one suppression for every page beyond the commission.
    for (const id of ['themes', 'riskMonths']) expect(table(page.html, id), id).toEqual(table(analystPage, id));
    expect(page.html).toContain('Risicosignalen in');
    // Six signals, five followed up: the share where the count of signals is shown, else hidden too.
    const summary = page.html.slice(page.html.indexOf('data-testid="signals-summary"'), page.html.indexOf('</dl>', page.html.indexOf('data-testid="signals-summary"')));
    expect(summary).toContain(table(analystPage, 'received')['Risicosignaal']![0] === '6' ? '83,3\u00a0%' : 'niet getoond');
    // Not the figures page, not the inbox, not a case.
    expect((await client.get('/staff/figures')).status).toBe(403);
    expect((await client.get('/staff/cases')).status).toBe(403);
    // The role is the employer's side: the administrator cannot give it together with a role that reads cases.
    const admin = await logInAs(t, await createStaff(t, ['administrator']));
    const mixed = await admin.submit('/staff/users', '/staff/users', { displayName: 'Dirk Directeur', email: 'dirk@example.nl', roles: ['management', 'secretary'] });
    expect(mixed.status).toBe(422);
    expect(mixed.html).toContain('directie kan niet samen met een rol die meldingen behandelt');
    // Nor the running year: whole years only.
    const running = await client.get(`/staff/signals?year=${year + 1}`);
    expect(running.html).toContain(`<span aria-current="page">${year}</span>`);
  });

  it('renders the annual report with the commission’s texts, the same figures as the analyst’s page, and downloads as PDF, CSV and registration export', async () => {
    const commission = await logInAs(t, chair);
    const reader = await logInAs(t, analyst);
    // The commission writes its texts; the analyst may read, not write.
    expect((await reader.get(`/staff/annual-report/texts?year=${year}`)).status).toBe(403);
    expect((await reader.postWithOwnToken(`/staff/annual-report/texts?year=${year}`, { intro: 'Geschreven door de analist.' })).status).toBe(403);
    const form = await commission.get(`/staff/annual-report/texts?year=${year}`);
    expect(form.status).toBe(200);
    const saved = await commission.postWithOwnToken(`/staff/annual-report/texts?year=${year}`, { intro: 'Een jaar waarin de druk zichtbaar werd.', developments: '', signals: 'Te weinig mensen blijft het thema.', recommendations: '' });
    expect(saved.status).toBe(303);
    // The running year has no report yet: said, and the texts kept on the form.
    const running = await commission.postWithOwnToken(`/staff/annual-report/texts?year=${year + 1}`, { intro: 'Te vroeg.' });
    expect(running.status).toBe(422);
    expect(running.html).toContain('afgesloten jaar');
    expect(running.html).toContain('Te vroeg.');
    const [audit] = await t.services.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, 'annual-report.edited'));
    expect(JSON.stringify(audit!.detail)).not.toContain('druk');

    const page = await reader.get(`/staff/annual-report?year=${year}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Een jaar waarin de druk zichtbaar werd.');
    expect(page.html).toContain('<svg class="app-chart" role="img"');
    expect(page.html).not.toContain('/staff/annual-report/texts');
    // Cell by cell the figures of the analyst's page: one suppression for both.
    const figures = (await reader.get(`/staff/figures?year=${year}`)).html;
    for (const id of ['received', 'closed', 'kind', 'category', 'anonymity', 'channel', 'sources', 'outcome', 'termsMet', 'measures', 'themes', 'riskMonths', 'returned', 'advisor', 'times']) expect(table(page.html, id), id).toEqual(table(figures, id));

    const pdf = await reader.get(`/staff/annual-report/pdf?year=${year}`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    const words = pdfText(pdf.bytes);
    expect(words).toContain(`Jaarverslag ${year}`);
    expect(words).toContain('Een jaar waarin de druk zichtbaar werd.');
    expect(words).toContain('Te weinig mensen');

    const csv = await reader.get(`/staff/annual-report/csv?year=${year}`);
    const csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(csvText.startsWith('\uFEFFTabel;Onderdeel;Aantal ' + year + ';')).toBe(true);
    const csvRow = (table: string, item: string) => csvText.split('\r\n').find((line) => line.startsWith(`${table};${item};`))?.split(';');
    // The same figure as the page, hidden as words where the page hides it; shares with a decimal comma.
    const kindOnPage = table(figures, 'kind')['Oneigenlijke druk']!;
    expect(csvRow('Classificatie van de meldingen', 'Oneigenlijke druk')?.[2]).toBe(kindOnPage[0]);
    const foundedOnPage = table(figures, 'outcome')['Gegrond']!;
    expect(csvRow('Uitkomst van de afgeronde meldingen', 'Gegrond')?.[2]).toBe(foundedOnPage[0]);
    expect(csvRow('Uitkomst van de afgeronde meldingen', 'Gegrond')?.[3]).toBe(foundedOnPage[1] === '–' ? '' : foundedOnPage[1]!.replace(' %', ''));
    expect(csvRow('Registraties van de vertrouwenspersonen', 'Registraties')?.[2]).toBe('6');

    const registration = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await reader.get(`/staff/annual-report/registration?year=${year}`)).bytes);
    expect(registration.startsWith('\uFEFFModelversie;Jaar;Organisatie;Onderdeel;Code;Omschrijving;Aantal')).toBe(true);
    const fraud = registration.split('\r\n').find((line) => line.includes(';fraud_theft;'))!.split(';');
    expect(fraud[1]).toBe(String(year));
    expect(fraud[6]).toBe(table(figures, 'category')['Fraude en diefstal']![0]);
  });
});

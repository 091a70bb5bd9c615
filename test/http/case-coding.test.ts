import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, caseRecommendations, cases, caseStatistics } from '../../src/db/schema.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { caseAction, walkToDecision } from '../support/case-steps.js';
import { declaredHandler, openWithReceipt, reportOnRoute, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 15: the commission codes a case for its figures, proposed from the reporter's answers,
// at the assessment and at closing; codes only, unsealed (the form says so), kept after the purge.
let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let member: TestStaff;
let analyst: TestStaff;
let admin: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  chair = await createStaff(t, ['chair']);
  member = await createStaff(t, ['commission_member']);
  analyst = await createStaff(t, ['analyst']);
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

async function newCase() {
  await reportThroughForm(t, {
    KIND: 'improper_pressure',
    WHAT: 'Mijn directeur liet het rapport herschrijven.',
    SOURCE: ['director', 'direct_manager'],
    MEANS: ['evaluation_threat'],
    AIMS: ['adjust_report'],
    EFFECTS_PERSONAL: ['cynicism'],
    EFFECTS_PUBLIC: ['wrong_information'],
    WANT: ['investigation'],
  });
  const [row] = await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
  return row!.id;
}

/** The values of the ticked boxes and radios of one field on the page. */
const ticked = (html: string, name: string) => [...html.matchAll(new RegExp(`name="${name}" value="([^"]*)" checked`, 'g'))].map((m) => m[1]);

const coding = {
  kind: 'improper_pressure',
  category: 'misuse_of_powers',
  sources: ['director'],
  means: ['evaluation_threat', 'verbal_intimidation'],
  aims: ['adjust_report'],
  effectsPersonal: ['cynicism'],
  effectsPublic: ['wrong_information'],
  channel: 'form',
  outcome: '',
  themes: [] as string[],
  measures: [] as string[],
  termsMet: 'yes',
};

describe('coding a case', () => {
  it('proposes the reporter’s own answers, says the coding is not sealed, and stores the confirmed codes with the stage', async () => {
    const id = await newCase();
    const sec = await declaredHandler(t, secretary, id);
    // Before the acknowledgement there is nothing to code yet.
    const early = await sec.get(`/staff/cases/${id}/coding`);
    expect(early.status).toBe(200);
    expect(early.html).toContain('Coderen kan na de ontvangstbevestiging');
    expect(early.html).not.toContain('name="category"');
    expect(await caseAction(sec, id, 'acknowledge', { ackNote: '' })).toBe(303);

    const page = await sec.get(`/staff/cases/${id}/coding`);
    expect(page.html).toContain('niet versleuteld');
    expect(page.html).toContain('Nog niet gecodeerd');
    expect(ticked(page.html, 'sources').sort()).toEqual(['direct_manager', 'director']);
    expect(ticked(page.html, 'means')).toEqual(['evaluation_threat']);
    expect(ticked(page.html, 'effectsPublic')).toEqual(['wrong_information']);
    expect(ticked(page.html, 'kind')).toEqual(['improper_pressure']);
    expect(ticked(page.html, 'channel')).toEqual(['form']);
    expect(ticked(page.html, 'termsMet')).toEqual(['yes']);
    // The registration category is the commission's own judgement: never proposed.
    expect(ticked(page.html, 'category')).toEqual([]);
    // Nothing of the reporter's text lands on the coding page.
    expect(page.html).not.toContain('rapport herschrijven');

    // The commission's figures count the coding at once (the computed figures are kept only while nothing changed).
    const categoryCount = async () => {
      const html = (await sec.get('/staff/figures')).html;
      const start = html.indexOf('data-testid="statistics-category"');
      return /Misbruik van bevoegdheden<\/th>\s*<td[^>]*>(\d+)</.exec(html.slice(start))![1];
    };
    const before = await categoryCount();
    expect(await caseAction(sec, id, 'coding', coding)).toBe(303);
    expect(Number(await categoryCount())).toBe(Number(before) + 1);
    const [row] = await t.services.db.select({ coding: cases.coding, kind: cases.kind }).from(cases).where(eq(cases.id, id));
    expect(row!.coding).toEqual({ ...coding, stage: 'assessment' });
    const [audit] = await t.services.db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.caseId, id), eq(auditLog.action, 'case.coded')));
    expect(audit!.detail).toEqual({ stage: 'assessment', category: 'misuse_of_powers' });
    const again = await sec.get(`/staff/cases/${id}/coding`);
    expect(again.html).toContain('Gecodeerd bij de beoordeling');
    expect(ticked(again.html, 'sources')).toEqual(['director']);
  });

  it('refuses a missing choice and a forged code with a translated error, keeping every ticked box', async () => {
    const id = await newCase();
    const sec = await declaredHandler(t, secretary, id);
    expect(await caseAction(sec, id, 'acknowledge', { ackNote: '' })).toBe(303);
    const missing = await sec.postWithOwnToken(`/staff/cases/${id}/coding`, { ...coding, category: '' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('Kies een antwoord');
    expect(ticked(missing.html, 'means').sort()).toEqual(['evaluation_threat', 'verbal_intimidation']);
    const forged = await sec.postWithOwnToken(`/staff/cases/${id}/coding`, { ...coding, sources: ['director', '<script>x</script>'] });
    expect(forged.status).toBe(422);
    expect(forged.html).toContain('Deze keuze bestaat niet');
    expect(forged.html).not.toContain('<script>x');
    const [row] = await t.services.db.select({ coding: cases.coding }).from(cases).where(eq(cases.id, id));
    expect(row!.coding).toBeNull();
  });

  it('is refused to the analyst, the administrator and a handler who holds no key of the case', async () => {
    const id = await newCase();
    const panel = await createStaff(t, ['ethics_panel_member']);
    for (const [name, who] of [['analyst', analyst], ['administrator', admin], ['panel member without a key', panel]] as const) {
      const client = await logInAs(t, who);
      expect([403, 404], name).toContain((await client.get(`/staff/cases/${id}/coding`)).status);
      expect([403, 404], name).toContain(await caseAction(client, id, 'coding', coding));
    }
    const [row] = await t.services.db.select({ coding: cases.coding }).from(cases).where(eq(cases.id, id));
    expect(row!.coding).toBeNull();
  });

  it('records the closing stage, and the coding survives the purge in the anonymous statistics', async () => {
    const id = await newCase();
    const sec = await declaredHandler(t, secretary, id);
    const mem = await declaredHandler(t, member, id);
    const chr = await declaredHandler(t, chair, id);
    await walkToDecision(sec, id, [mem, chr]);
    expect(await caseAction(sec, id, 'recommendations', { addressee: 'De directie', recommendationText: 'Bespreek de rapportages vooraf niet meer.' })).toBe(303);
    expect(await caseAction(sec, id, 'advance', { to: 'feedback_given', stepText: 'Wij hebben gesproken met de betrokkenen.' })).toBe(303);
    expect(await caseAction(sec, id, 'advance', { to: 'closed', stepText: '' })).toBe(303);
    // The organisation's follow-up, recorded after closing; a forged status is refused.
    const [recommendation] = await t.services.db.select({ id: caseRecommendations.id }).from(caseRecommendations).where(eq(caseRecommendations.caseId, id));
    expect(await caseAction(sec, id, `recommendations/${recommendation!.id}/follow-up`, { status: 'done-ish' })).toBe(422);
    expect(await caseAction(sec, id, `recommendations/${recommendation!.id}/follow-up`, { status: 'followed' })).toBe(303);
    expect((await sec.get(`/staff/cases/${id}/decision`)).html).toContain('<option value="followed" selected');
    const page = await sec.get(`/staff/cases/${id}/coding`);
    // Never coded: the decision's outcome is proposed.
    expect(ticked(page.html, 'outcome')).toEqual(['founded']);
    expect(page.html).toContain('Codering bij afsluiten opslaan');
    expect(await caseAction(sec, id, 'coding', { ...coding, outcome: 'founded', measures: ['conversation', 'training'] })).toBe(303);
    const [row] = await t.services.db.select({ coding: cases.coding, feedbackGivenAt: cases.feedbackGivenAt }).from(cases).where(eq(cases.id, id));
    expect(row!.coding!.stage).toBe('closing');
    expect(row!.feedbackGivenAt).not.toBeNull();

    // Past the retention period the case goes; its codes stay, with no text and no key.
    t.clock.advance(800 * 24 * 3600_000);
    await runDueJobs(t.services);
    expect(await t.services.db.select().from(cases).where(eq(cases.id, id))).toEqual([]);
    const stats = await t.services.db.select().from(caseStatistics).where(eq(caseStatistics.outcome, 'founded'));
    const kept = stats.find((s) => s.coding?.measures.includes('training'));
    expect(kept?.coding).toEqual({ ...coding, outcome: 'founded', measures: ['conversation', 'training'], stage: 'closing' });
    expect(kept?.anonymity).toBe('anonymous');
    expect(kept?.recommendations).toEqual(['followed']);
    expect(kept?.feedbackOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps a message the reporter wrote after closing waiting, when the case is coded or a recommendation followed up', async () => {
    const receipt = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Na afloop gaat het verder.', WANT: ['advice'] });
    const [row] = await t.services.db.select({ id: cases.id }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
    const id = row!.id;
    const sec = await declaredHandler(t, secretary, id);
    const mem = await declaredHandler(t, member, id);
    const chr = await declaredHandler(t, chair, id);
    await walkToDecision(sec, id, [mem, chr]);
    expect(await caseAction(sec, id, 'recommendations', { addressee: 'De directie', recommendationText: 'Neem de signalen serieus.' })).toBe(303);
    expect(await caseAction(sec, id, 'advance', { to: 'feedback_given', stepText: 'Dit is onze terugkoppeling.' })).toBe(303);
    expect(await caseAction(sec, id, 'advance', { to: 'closed', stepText: '' })).toBe(303);
    t.clock.advance(60_000);
    const reporter = await openWithReceipt(t, receipt);
    expect((await reporter.submit('/my-report', '/my-report/messages', { text: 'Na het afsluiten word ik tegengewerkt.' })).status).toBe(303);
    t.clock.advance(60_000);
    expect(await caseAction(sec, id, 'coding', { ...coding, outcome: 'founded' })).toBe(303);
    const [recommendation] = await t.services.db.select({ id: caseRecommendations.id }).from(caseRecommendations).where(eq(caseRecommendations.caseId, id));
    expect(await caseAction(sec, id, `recommendations/${recommendation!.id}/follow-up`, { status: 'followed' })).toBe(303);
    // Still waiting for an answer, so the purge leaves the case alone.
    expect((await sec.get('/staff/cases?waiting=1')).html).toContain(id);
    t.clock.advance(800 * 24 * 3600_000);
    await runDueJobs(t.services);
    expect(await t.services.db.select({ id: cases.id }).from(cases).where(eq(cases.id, id))).toHaveLength(1);
  });

  it('refuses a forged coding of a case on the panel’s route, even by the panel member who holds its key', async () => {
    const panel = await createStaff(t, ['ethics_panel_member']);
    await reportOnRoute(t, 'ethics', [{ QUESTION: 'Mag ik een advies afzwakken?', CONTEXT: 'Het gaat om een veiligheidsadvies.' }]);
    const [ethicsCase] = await t.services.db.select({ id: cases.id, kind: cases.kind }).from(cases).where(eq(cases.routeCode, 'ethics')).orderBy(desc(cases.receivedAt)).limit(1);
    const client = await declaredHandler(t, panel, ethicsCase!.id);
    expect(await caseAction(client, ethicsCase!.id, 'acknowledge', { ackNote: '' })).toBe(303);
    expect((await client.get(`/staff/cases/${ethicsCase!.id}/coding`)).status).toBe(404);
    expect(await caseAction(client, ethicsCase!.id, 'coding', coding)).toBe(404);
    const [after] = await t.services.db.select({ coding: cases.coding, kind: cases.kind }).from(cases).where(eq(cases.id, ethicsCase!.id));
    expect(after).toEqual({ coding: null, kind: ethicsCase!.kind });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { auditLog, caseEntries, cases, identityRequests, staffNotices } from '../../src/db/schema.js';
import { timelineKinds } from '../../src/domain/cases/timeline.js';
import { caseAction, openDecisionId } from '../support/case-steps.js';
import type { FormClient } from '../support/form-client.js';
import { pdfText } from '../support/pdf-text.js';
import { declaredHandler, declareNoRelation, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The internal timeline says what every entry is and what it holds; the case file (page, PDF,
// attachments) is produced with a reason, audited, told to the chair, and only by the secretariat
// and the chair, for a day, without the reporter's name.
let t: TestApp;
let secretary: TestStaff;
let chair: TestStaff;
let member: TestStaff;
let admin: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  secretary = await createStaff(t, ['secretary']);
  // The commission route's identity custodian.
  chair = await createStaff(t, ['chair']);
  member = await createStaff(t, ['commission_member']);
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

async function newCase(options: Parameters<typeof reportThroughForm>[2] = {}) {
  await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Mijn leidinggevende liet het rapport herschrijven.', WANT: ['investigation'] }, options);
  const [row] = await t.services.db.select({ id: cases.id, number: cases.number }).from(cases).orderBy(desc(cases.receivedAt)).limit(1);
  return row!;
}

const ok = async (client: FormClient, caseId: string, action: string, fields: Record<string, string>) => expect(await caseAction(client, caseId, action, fields), action).toBe(303);

/** The visible text of a page, without tags, for reading it as a person would. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('the internal timeline', () => {
  it('shows what each entry is and its text: assessment, intervention, result and correction, draft, votes, decision, recommendation, identity request and decision, notes', async () => {
    const { id } = await newCase({ anonymity: 'confidential', identity: { name: 'Nina Naam', contact: 'nina@prive.example' } });
    const sec = await declaredHandler(t, secretary, id);
    const mem = await declaredHandler(t, member, id);
    const chr = await declaredHandler(t, chair, id);
    await ok(sec, id, 'acknowledge', { ackNote: '' });
    await ok(sec, id, 'assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Past bij de regeling.', priority: 'high', retaliationRisk: 'low', measures: 'Andere beoordelaar.' });
    await ok(sec, id, 'advance', { to: 'in_handling', stepText: 'Start onderzoek.' });
    await ok(sec, id, 'interventions', { kind: 'mediation', who: 'Externe mediator', what: 'Gesprek tussen directeur en melder.', plannedOn: '2026-12-10' });
    const interventionId = /interventions\/([0-9a-f-]{36})\/result/.exec((await sec.get(`/staff/cases/${id}/interventions`)).html)![1]!;
    await ok(sec, id, `interventions/${interventionId}/result`, { result: 'Afspraken gemaakt.', doneOn: '2026-12-11' });
    await ok(sec, id, `interventions/${interventionId}/result`, { result: 'Afspraken gemaakt en vastgelegd.', doneOn: '2026-12-11' });
    await ok(sec, id, 'decision', { outcome: 'partly_founded', conclusion: 'De druk was deels oneigenlijk.' });
    const decisionId = await openDecisionId(mem, id);
    await ok(mem, id, `decision/${decisionId}/vote`, { position: 'dissent', voteReason: 'Volledig gegrond, vind ik.' });
    await ok(chr, id, `decision/${decisionId}/vote`, { position: 'agree', voteReason: '' });
    await ok(chr, id, `decision/${decisionId}/close`, {});
    await ok(sec, id, 'recommendations', { addressee: 'De directie', recommendationText: 'Leg het vier-ogen-principe vast.' });
    await ok(sec, id, 'identity', { requestReason: 'Nodig voor het horen van de melder.' });
    const [request] = await t.services.db.select().from(identityRequests).where(eq(identityRequests.caseId, id));
    await ok(chr, id, `identity/${request!.id}/decide`, { decision: 'refuse', decisionReason: 'Eerst schriftelijk via de ontvangstcode.' });
    await ok(sec, id, 'notes', { noteText: 'Gebeld met de vertrouwenspersoon.' });

    const page = words((await sec.get(`/staff/cases/${id}`)).html);
    const timeline = page.slice(page.indexOf('Interne notities'));
    for (const expected of [
      'Beoordeling',
      'Past bij de regeling.',
      'Hoog',
      'Andere beoordelaar.',
      'Interventie',
      'Mediation',
      'Externe mediator',
      'Gesprek tussen directeur en melder.',
      '10 december 2026',
      'Resultaat van een interventie',
      'Afspraken gemaakt.',
      'Correctie van het resultaat van een interventie',
      'Afspraken gemaakt en vastgelegd.',
      'Conceptbesluit',
      'Gedeeltelijk gegrond',
      'De druk was deels oneigenlijk.',
      'Stem over een conceptbesluit',
      'Afwijkende mening',
      'Volledig gegrond, vind ik.',
      'Besluit genomen',
      '1 stemt in, 1 wijkt af',
      'Aanbeveling',
      'De directie',
      'Leg het vier-ogen-principe vast.',
      'Verzoek om de identiteit van de melder',
      'Nodig voor het horen van de melder.',
      'Besluit over een verzoek om de identiteit',
      'Geweigerd',
      'Eerst schriftelijk via de ontvangstcode.',
      'Gebeld met de vertrouwenspersoon.',
      'Start onderzoek.',
    ]) expect(timeline, expected).toContain(expected);
    // Who wrote each entry is named.
    expect(timeline).toContain('Volledig gegrond, vind ik.');
    expect(timeline).toMatch(/Stem over een conceptbesluit · Test commission_member · /);
  });

  it('has a description for every kind of internal note the code writes', () => {
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/'note', \{ type: '([a-z-]+)'/g)) written.add(m[1]!);
          // Notes whose type is written on the next line.
          for (const m of readFileSync(path, 'utf8').matchAll(/'note', \{\s*\n\s*type: '([a-z-]+)'/g)) written.add(m[1]!);
        }
      }
    };
    walk(join(process.cwd(), 'src'));
    expect(written.size).toBeGreaterThan(8);
    for (const kind of written) expect(timelineKinds, kind).toContain(kind);
  });
});

describe('what the timeline and the steps say in odd cases', () => {
  it('the decision taken counts only the votes that count (not one of a member who stepped aside after voting)', async () => {
    const { id } = await newCase();
    const sec = await declaredHandler(t, secretary, id);
    const mem = await declaredHandler(t, member, id);
    const chr = await declaredHandler(t, chair, id);
    await ok(sec, id, 'acknowledge', { ackNote: '' });
    await ok(sec, id, 'assess', { kind: 'improper_pressure', admissible: 'yes', assessReason: 'Ja.', priority: 'normal', retaliationRisk: 'low', measures: '' });
    await ok(sec, id, 'advance', { to: 'in_handling', stepText: '' });
    await ok(sec, id, 'decision', { outcome: 'founded', conclusion: 'Vastgesteld.' });
    const decisionId = await openDecisionId(mem, id);
    await ok(mem, id, `decision/${decisionId}/vote`, { position: 'dissent', voteReason: 'Niet eens.' });
    await ok(mem, id, 'step-aside', {});
    await ok(chr, id, `decision/${decisionId}/vote`, { position: 'agree', voteReason: '' });
    await ok(chr, id, `decision/${decisionId}/close`, {});
    expect(words((await sec.get(`/staff/cases/${id}`)).html)).toContain('1 stemt in, 0 wijkt af');
  });

  it('a case without the key for internal notes says so, instead of "this step was already taken"', async () => {
    const { id } = await newCase();
    const sec = await declaredHandler(t, secretary, id);
    await t.services.db.update(cases).set({ internalPublicKey: null }).where(eq(cases.id, id));
    const refused = await sec.postWithOwnToken(`/staff/cases/${id}/notes`, { noteText: 'Een notitie.' });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('heeft daar geen sleutel voor');
  });
});

describe('the case file', () => {
  it('is refused to members and the administrator; the secretariat and the chair may produce it', async () => {
    const { id } = await newCase();
    const mem = await declaredHandler(t, member, id);
    expect((await mem.get(`/staff/cases/${id}/dossier`)).status).toBe(403);
    expect((await mem.postWithOwnToken(`/staff/cases/${id}/dossier`, { purpose: 'referral', reason: 'Doorverwijzen.' })).status).toBe(403);
    expect((await mem.get(`/staff/cases/${id}`)).html).not.toContain(`/staff/cases/${id}/dossier`);
    const adm = await logInAs(t, admin);
    expect((await adm.get(`/staff/cases/${id}/dossier`)).status).toBe(403);
    expect((await adm.postWithOwnToken(`/staff/cases/${id}/dossier`, { purpose: 'referral', reason: 'Doorverwijzen.' })).status).toBe(403);
    const sec = await declaredHandler(t, secretary, id);
    expect((await sec.get(`/staff/cases/${id}`)).html).toContain(`/staff/cases/${id}/dossier`);
    expect((await sec.get(`/staff/cases/${id}/dossier`)).status).toBe(200);
    const chr = await declaredHandler(t, chair, id);
    expect((await chr.get(`/staff/cases/${id}/dossier`)).status).toBe(200);
    // Nobody wrote anything: refusals leave no file behind.
    expect((await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, id), eq(auditLog.action, 'dossier.produced')))).length).toBe(0);
  });

  it('needs a reason (what was chosen stays), is audited without the reason, tells the chair without content, and holds the whole case without the name', async () => {
    const { id, number } = await newCase({ anonymity: 'confidential', identity: { name: 'Nina Naam', contact: 'nina@prive.example' }, files: [{ name: 'mail van directeur.txt', bytes: Buffer.from('Pas het rapport aan.') }, { name: '../../etc/passwd', bytes: Buffer.from('tweede') }] });
    const sec = await declaredHandler(t, secretary, id);
    await ok(sec, id, 'acknowledge', { ackNote: '' });
    await ok(sec, id, 'messages', { text: 'Kunt u de mail van uw directeur toelichten?' });
    await ok(sec, id, 'notes', { noteText: 'Zwaarwegend: 😟 Łódź ő 中文 \u202Eomgekeerd' });

    const empty = await sec.submit(`/staff/cases/${id}/dossier`, `/staff/cases/${id}/dossier`, { purpose: 'referral', reason: '' });
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('id="field-reason-error"');
    expect(empty.html).toMatch(/value="referral"[^>]*checked/);

    t.mail.received.length = 0;
    const noticesBefore = (await t.services.db.select().from(staffNotices).where(eq(staffNotices.userId, chair.userId))).length;
    const produced = await sec.submit(`/staff/cases/${id}/dossier`, `/staff/cases/${id}/dossier`, { purpose: 'referral', reason: 'Overdracht aan het Huis voor Klokkenluiders.' });
    expect(produced.status).toBe(303);
    const dossierPath = produced.location!;
    expect(dossierPath).toMatch(new RegExp(`^/staff/cases/${id}/dossier/[0-9a-f-]{36}$`));

    // Audited with its purpose; the reason is sealed in the case, not written in the plain audit.
    const [audit] = await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, id), eq(auditLog.action, 'dossier.produced')));
    expect(audit!.detail).toMatchObject({ purpose: 'referral' });
    expect(JSON.stringify(audit!.detail)).not.toContain('Klokkenluiders');
    // The chair is told, with the number on the home page and nothing of the case in the mail; the producer is not.
    const notices = await t.services.db.select().from(staffNotices).where(eq(staffNotices.userId, chair.userId));
    expect(notices).toHaveLength(noticesBefore + 1);
    expect(notices.at(-1)).toMatchObject({ kind: 'dossier.produced', detail: { number } });
    const mails = t.mail.received.filter((m) => m.to.includes(chair.email));
    expect(mails).toHaveLength(1);
    for (const secret of [number, id, 'Klokkenluiders', 'Nina', 'rapport']) expect(mails[0]!.text).not.toContain(secret);
    expect(t.mail.received.filter((m) => m.to.includes(secretary.email))).toHaveLength(0);
    expect(words((await (await logInAs(t, chair)).get('/staff')).html)).toContain(`Er is een dossier samengesteld van melding ${number}`);

    // The printable page: the report, the conversation, the timeline (with the file's own reason), the audit.
    const page = await sec.get(dossierPath);
    expect(page.status).toBe(200);
    const text = words(page.html);
    for (const expected of [
      `Dossier van melding ${number}`,
      'Mijn leidinggevende liet het rapport herschrijven.',
      'Kunt u de mail van uw directeur toelichten?',
      'Zwaarwegend: 😟 Łódź ő 中文',
      'Overdracht aan het Huis voor Klokkenluiders.',
      'Doorverwijzing naar een bevoegde instantie',
      'Dossier samengesteld',
      'Geen persoonlijke band verklaard',
      // A file is read by others: nothing in it says "you".
      'Behandelaar · ',
      'mail van directeur.txt',
    ]) expect(text, expected).toContain(expected);
    expect(page.html).not.toContain('Nina Naam');
    expect(text).not.toContain(' U · ');
    expect(page.html).not.toContain('nina@prive.example');

    // The PDF says the same, made on the server; characters its font lacks are replaced, and it says so.
    const pdf = await sec.get(`${dossierPath}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`${number}.pdf`);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const pdfWords = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    for (const expected of [`Dossier van melding ${number}`, 'Mijn leidinggevende liet het rapport herschrijven.', 'Kunt u de mail van uw directeur toelichten?', 'Overdracht aan het Huis voor Klokkenluiders.', 'Zwaarwegend: ? ?ódz o ?? ?omgekeerd', 'Sommige tekens kan deze pdf niet weergeven', `Dossier ${number} · vertrouwelijk · pagina 1 van`]) {
      expect(pdfWords, expected).toContain(expected);
    }
    expect(pdfWords).not.toContain('Nina Naam');

    // The attachments as one zip, decrypted, numbered, with names that cannot climb out of a folder.
    const zip = await sec.get(`${dossierPath}/attachments`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(zip.bytes);
    // Numbered in the order the case lists them (files sent together have no order of their own).
    const names = Object.keys(files);
    expect(names.map((n) => n.slice(0, 3)).sort()).toEqual(['01-', '02-']);
    expect(names.map((n) => n.slice(3)).sort()).toEqual(['mail van directeur.txt', 'passwd.txt']);
    expect(Buffer.from(files[names.find((n) => n.endsWith('directeur.txt'))!]!).toString()).toBe('Pas het rapport aan.');

    const downloads = await t.services.db.select().from(auditLog).where(and(eq(auditLog.caseId, id), eq(auditLog.action, 'dossier.downloaded')));
    expect(downloads.map((d) => (d.detail as { format: string }).format).sort()).toEqual(['page', 'pdf', 'zip']);

    // The chair is this route's identity custodian and sees the name on the case page; never in a file.
    const chr = await declaredHandler(t, chair, id);
    expect((await chr.get(`/staff/cases/${id}`)).html).toContain('Nina Naam');
    const own = await chr.submit(`/staff/cases/${id}/dossier`, `/staff/cases/${id}/dossier`, { purpose: 'legal_procedure', reason: 'Bezwaarprocedure.' });
    expect(own.status).toBe(303);
    expect((await chr.get(own.location!)).html).not.toContain('Nina Naam');
    expect(pdfText((await chr.get(`${own.location!}/pdf`)).bytes)).not.toContain('Nina');
  });

  it('is for its producer only, for a day: another handler, a made-up id, an ordinary note or an old file get nothing', async () => {
    const { id } = await newCase();
    const sec = await declaredHandler(t, secretary, id);
    const chr = await declaredHandler(t, chair, id);
    await ok(sec, id, 'notes', { noteText: 'Gewone notitie.' });
    const produced = await sec.submit(`/staff/cases/${id}/dossier`, `/staff/cases/${id}/dossier`, { purpose: 'legal_procedure', reason: 'Beroepszaak bij de rechtbank.' });
    const dossierPath = produced.location!;
    expect((await sec.get(dossierPath)).status).toBe(200);
    // The chair may produce their own, not open the secretary's.
    for (const suffix of ['', '/pdf', '/attachments']) expect((await chr.get(`${dossierPath}${suffix}`)).status, suffix).toBe(404);
    const [note] = await t.services.db.select({ id: caseEntries.id }).from(caseEntries).where(and(eq(caseEntries.caseId, id), eq(caseEntries.kind, 'note'))).orderBy(caseEntries.createdAt).limit(1);
    expect((await sec.get(`/staff/cases/${id}/dossier/${note!.id}`)).status).toBe(404);
    expect((await sec.get(`/staff/cases/${id}/dossier/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await sec.get(`/staff/cases/${id}/dossier/not-an-id/pdf`)).status).toBe(404);
    // Another case's file under this case's address.
    const other = await newCase();
    await declareNoRelation(sec, other.id);
    expect((await sec.get(dossierPath.replace(id, other.id))).status).toBe(404);

    t.clock.advance(25 * 3_600_000);
    const later = await logInAs(t, secretary);
    expect((await later.get(dossierPath)).status).toBe(404);
  });
});

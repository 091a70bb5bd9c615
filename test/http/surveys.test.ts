import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { surveyInvitations, surveyOrganisations, surveyResponses, surveyWaveOrganisations } from '../../src/db/schema.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { hashCode, normaliseCode } from '../../src/crypto/survey-codes.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { parseCsv } from '../../src/domain/surveys/csv.js';
import { boundCells, countsForShare, auditDisclosure, type Knowledge } from '../../src/domain/surveys/disclosure-audit.js';
import { standardQuestions } from '../../src/domain/surveys/questions.js';
import { additiveTables, countCells, groupId, tableGroups, type ResultsTable } from '../../src/domain/surveys/results.js';

let t: TestApp;
let analyst: FormClient;
let waveId: string;
const orgs: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  analyst = await logInAs(t, await createStaff(t, ['analyst']));
  for (const [name, sector] of [['Gemeente Aa', 'municipality'], ['Gemeente Bee', 'municipality'], ['Provincie Cee', 'province']]) {
    expect((await analyst.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: name!, sector: sector! })).status).toBe(303);
  }
  for (const row of await t.services.db.select().from(surveyOrganisations)) orgs[row.name] = row.id;
  const created = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: 'Peiling 2026', organisationIds: Object.values(orgs), extraNl: '', extraEn: '' });
  expect(created.status).toBe(303);
  waveId = /\/staff\/surveys\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
});
afterAll(() => t.close());

async function codesFor(organisation: string, count: number): Promise<string[]> {
  const response = await analyst.submit(`/staff/surveys/${waveId}`, `/staff/surveys/${waveId}/codes`, { organisationId: orgs[organisation]!, count: String(count) });
  expect(response.status).toBe(200);
  return response.html.trim().split(/\r\n/).slice(1);
}

/** A respondent with JavaScript off: every page posted as the browser would. Returns the final response. */
async function answerSurvey(code: string, answers: Record<string, string | string[]>, client = new FormClient(t)) {
  let page = await client.submit('/survey', '/survey/start', { code });
  if (page.status !== 200) return page;
  for (let guard = 0; guard < 10; guard++) {
    const at = hiddenValue(page.html, '_at');
    const names = [...new Set([...page.html.matchAll(/<input class="utrecht-(?:radio-button|checkbox)[^"]*" type="(?:radio|checkbox)" id="[^"]+" name="([^"]+)"/g)].map((m) => m[1]!))];
    const fields: Record<string, string | string[]> = {};
    for (const name of names) if (answers[name] !== undefined) fields[name] = answers[name]!;
    const last = page.html.includes('value="send"');
    page = await client.post('/survey', { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: at, _go: last ? 'send' : 'next', _csrf: hiddenValue(page.html, '_csrf') });
    if (last || page.status !== 200) return page;
  }
  throw new Error('survey did not end');
}

const agreeAll = (v: string) => Object.fromEntries(['FP1', 'FP2', 'FP3', 'FP4', 'FP5', 'FP6', 'FP7', 'FP8'].map((c) => [c, v]));

describe('the integrity monitor', () => {
  it('is the analyst\'s alone', async () => {
    const secretary = await logInAs(t, await createStaff(t, ['secretary']));
    expect((await secretary.get('/staff/surveys')).status).toBe(403);
    expect((await secretary.get(`/staff/surveys/${waveId}/results`)).status).toBe(403);
    const admin = await logInAs(t, await createStaff(t, ['administrator']));
    expect((await admin.get('/staff/surveys')).status).toBe(403);
  });

  it('issues single-use codes as CSV, keeping only their hashes', async () => {
    const codes = await codesFor('Gemeente Aa', 25);
    expect(codes).toHaveLength(25);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await t.services.db.select().from(surveyInvitations).where(eq(surveyInvitations.organisationId, orgs['Gemeente Aa']!));
    expect(stored).toHaveLength(25);
    // What is stored is exactly the hashes of the downloaded codes: never a code itself.
    const hashes = new Set(stored.map((r) => Buffer.from(r.codeHash).toString('hex')));
    expect(new Set(codes.map((code) => Buffer.from(hashCode(t.services.sodium, normaliseCode(code)!)).toString('hex')))).toEqual(hashes);
    for (const r of stored) for (const code of codes) expect(Buffer.from(r.codeHash).toString('utf8')).not.toContain(normaliseCode(code)!);
    const [link] = await t.services.db.select().from(surveyWaveOrganisations).where(eq(surveyWaveOrganisations.organisationId, orgs['Gemeente Aa']!));
    expect(link!.invited).toBe(25);
    expect((await analyst.submit(`/staff/surveys/${waveId}`, `/staff/surveys/${waveId}/codes`, { organisationId: orgs['Gemeente Aa']!, count: '0' })).status).toBe(422);
  });

  it('takes one response per code, with JavaScript off and no cookie, and follows the yes to the pressure details', async () => {
    const [code] = await codesFor('Gemeente Bee', 1);
    const client = new FormClient(t);
    const thanks = await answerSurvey(code!, { ...agreeAll('4'), PRESSURE: 'yes', SOURCE: ['director', 'politician'], LEVEL: 'manager' }, client);
    expect(thanks.status).toBe(201);
    expect(thanks.html).toContain('Dank u wel');
    expect(client.cookie).toBeFalsy();
    const again = await answerSurvey(code!, agreeAll('1'));
    expect(again.status).toBe(422);
    expect(again.html).toContain('Deze code is niet bekend, al gebruikt');
    const [row] = await t.services.db.select().from(surveyResponses).where(eq(surveyResponses.organisationId, orgs['Gemeente Bee']!));
    // SOURCE is a set of options stored as bits: politician (1st) and director (3rd).
    expect(row!.answers[9]).toBe(0b101);
  });

  it('keeps responses unlinkable to codes: no reference, no time, no order, and the code gone', async () => {
    const columns = await t.services.db.execute(sql`select column_name, data_type, column_default from information_schema.columns where table_name = 'survey_responses' order by column_name`);
    const rows = ((columns as { rows?: unknown[] }).rows ?? columns) as Array<{ column_name: string; data_type: string; column_default: string | null }>;
    expect(rows.map((c) => c.column_name)).toEqual(['answers', 'id', 'organisation_id', 'wave_id']);
    for (const c of rows) {
      expect(c.data_type).not.toMatch(/time|date|serial/);
      expect(c.column_default ?? '').not.toMatch(/nextval|now\(\)/);
    }
    const references = await t.services.db.execute(sql`select count(*)::int as n from information_schema.table_constraints tc join information_schema.constraint_column_usage ccu using (constraint_name) where tc.table_name = 'survey_responses' and ccu.table_name = 'survey_invitations'`);
    expect((((references as { rows?: unknown[] }).rows ?? references) as Array<{ n: number }>)[0]!.n).toBe(0);
    const invitationColumns = await t.services.db.execute(sql`select column_name from information_schema.columns where table_name = 'survey_invitations' order by column_name`);
    expect((((invitationColumns as { rows?: unknown[] }).rows ?? invitationColumns) as Array<{ column_name: string }>).map((c) => c.column_name)).toEqual(['code_hash', 'organisation_id', 'wave_id']);

    // Three people answer in a known order; the stored rows carry nothing that gives that order back.
    const codes = await codesFor('Provincie Cee', 3);
    for (const [i, code] of codes.entries()) expect((await answerSurvey(code, agreeAll(String(i + 1)))).status).toBe(201);
    const left = await t.services.db.select().from(surveyInvitations).where(eq(surveyInvitations.organisationId, orgs['Provincie Cee']!));
    expect(left).toHaveLength(0);
    const stored = await t.services.db.select().from(surveyResponses).where(eq(surveyResponses.organisationId, orgs['Provincie Cee']!));
    expect(stored).toHaveLength(3);
    for (const r of stored) expect(Object.keys(r).sort()).toEqual(['answers', 'id', 'organisationId', 'waveId']);
  });

  it('lets a code be used once when two people send it at the same moment', async () => {
    const [code] = await codesFor('Gemeente Aa', 1);
    const before = (await t.services.db.select().from(surveyResponses)).length;
    // Two browsers reach the last page with the same code, then both press "send".
    const last = async () => {
      const client = new FormClient(t);
      let page = await client.submit('/survey', '/survey/start', { code: code! });
      while (!page.html.includes('value="send"')) page = await client.post('/survey', { _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _go: 'next', _csrf: hiddenValue(page.html, '_csrf') });
      return { client, page };
    };
    const [a, b] = await Promise.all([last(), last()]);
    const send = ({ client, page }: { client: FormClient; page: { html: string } }) =>
      client.post('/survey', { _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _go: 'send', _csrf: hiddenValue(page.html, '_csrf') });
    const sent = await Promise.all([send(a), send(b)]);
    expect(sent.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(sent.find((r) => r.status === 422)!.html).toContain('Deze code is intussen al gebruikt. Er is niets opgeslagen.');
    expect((await t.services.db.select().from(surveyResponses)).length).toBe(before + 1);
  });

  it('imports all rows or none, naming every bad row', async () => {
    const before = (await t.services.db.select().from(surveyResponses)).length;
    const bad = ['ORG,FP1,FP2,PRESSURE,SOURCE', 'Gemeente Aa,4,5,yes,director|colleague', 'Gemeente Onbekend,4,5,no,', 'Gemeente Bee,7,5,no,', 'Gemeente Bee,2,2,maybe,'].join('\n');
    const refused = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: hiddenValue((await analyst.get(`/staff/surveys/${waveId}`)).html, '_csrf') }, [{ field: 'file', name: 'peiling.csv', bytes: Buffer.from(bad) }]);
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Er is niets geïmporteerd');
    expect(refused.html).toContain('Regel 3: de organisatie doet niet mee');
    expect(refused.html).toContain('Regel 4: ongeldig antwoord in kolom FP1');
    expect(refused.html).toContain('Regel 5: ongeldig antwoord in kolom PRESSURE');
    expect((await t.services.db.select().from(surveyResponses)).length).toBe(before);
    const unknownColumn = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: hiddenValue((await analyst.get(`/staff/surveys/${waveId}`)).html, '_csrf') }, [{ field: 'file', name: 'x.csv', bytes: Buffer.from('ORG,FP9\nGemeente Aa,3\n') }]);
    expect(unknownColumn.html).toContain('Onbekende kolommen in de kopregel: FP9');
    const good = ['ORG;FP1;FP2;PRESSURE;SOURCE', 'Gemeente Aa;4;5;yes;director|colleague', 'Gemeente Bee;2;2;no;'].join('\n');
    const imported = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: hiddenValue((await analyst.get(`/staff/surveys/${waveId}`)).html, '_csrf') }, [{ field: 'file', name: 'peiling.csv', bytes: Buffer.from(good) }]);
    expect(imported.status).toBe(200);
    expect(imported.html).toContain('2 antwoorden geïmporteerd.');
    expect((await t.services.db.select().from(surveyResponses)).length).toBe(before + 2);
  });

  it('shows results with small groups hidden, as a page with an accessible chart and as CSV', async () => {
    // Enough answers from Aa to show; Cee stays far below k.
    const rows = ['ORG,FP1,PRESSURE,LEVEL', ...Array.from({ length: 20 }, (_, i) => `Gemeente Aa,${i < 15 ? 5 : 1},${i < 10 ? 'yes' : 'no'},operational`)].join('\n');
    const page = await analyst.get(`/staff/surveys/${waveId}`);
    expect((await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: hiddenValue(page.html, '_csrf') }, [{ field: 'file', name: 'r.csv', bytes: Buffer.from(rows) }])).status).toBe(200);
    const results = await analyst.get(`/staff/surveys/${waveId}/results?org=${orgs['Gemeente Aa']}`);
    expect(results.status).toBe(200);
    expect(results.html).toMatch(/<svg class="app-chart" role="img" aria-labelledby="chart-statements-title chart-statements-desc"/);
    const cee = await analyst.get(`/staff/surveys/${waveId}/results?org=${orgs['Provincie Cee']}`);
    expect(cee.html).toContain('niet getoond');
    const csv = await analyst.get(`/staff/surveys/${waveId}/results.csv?org=${orgs['Provincie Cee']}&table=statements`);
    expect(csv.status).toBe(200);
    // For Dutch Excel: a BOM, semicolons and decimal commas.
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.html.startsWith('statement;group;agree_percent;disagree_percent;n;hidden\r\n')).toBe(true);
    const ceeRows = csv.html.split('\r\n').filter((line) => line.startsWith('FP1;Provincie Cee'));
    // Hidden is hidden: no number, and no "fewer than k" either (a complementary cell is not).
    expect(ceeRows[0]).toMatch(/^FP1;Provincie Cee;;;;niet getoond$/);
    // Aa answered FP1 in this wave: 15 of 20 imported agree, plus earlier answers; the share is published with its n.
    const aa = (await analyst.get(`/staff/surveys/${waveId}/results.csv?org=${orgs['Gemeente Aa']}&table=statements`)).html.split('\r\n').find((l) => l.startsWith('FP1;Gemeente Aa'))!;
    expect(aa).toMatch(/^FP1;Gemeente Aa;\d+(,\d)?;\d+(,\d)?;\d+;$/);
    // In English: commas and decimal points.
    const aaEn = (await analyst.get(`/staff/surveys/${waveId}/results.csv?org=${orgs['Gemeente Aa']}&table=statements&lang=en`)).html.split('\r\n').find((l) => l.startsWith('FP1,Gemeente Aa'))!;
    expect(aaEn).toMatch(/^FP1,Gemeente Aa,\d+(\.\d)?,\d+(\.\d)?,\d+,$/);
  });

  it('adds the analyst\'s own statements and follows an organisation across waves', async () => {
    const mismatch = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: 'Peiling 2027', organisationIds: [orgs['Gemeente Aa']!], extraNl: 'Eén\nTwee', extraEn: 'One' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.html).toContain('evenveel regels in het Nederlands als in het Engels');
    const created = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: 'Peiling 2027', organisationIds: [orgs['Gemeente Aa']!], extraNl: 'Ik kan hier tegenspreken.\nFouten worden besproken.', extraEn: 'I can speak up here.\nMistakes are discussed.' });
    const second = /\/staff\/surveys\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    const rows = ['ORG,FP1,E1,E2', ...Array.from({ length: 12 }, () => 'Gemeente Aa,2,4,5')].join('\n');
    const page = await analyst.get(`/staff/surveys/${second}`);
    expect((await analyst.postMultipart(`/staff/surveys/${second}/import`, { _csrf: hiddenValue(page.html, '_csrf') }, [{ field: 'file', name: 'r.csv', bytes: Buffer.from(rows) }])).status).toBe(200);
    const results = (await analyst.get(`/staff/surveys/${second}/results?org=${orgs['Gemeente Aa']}`)).html;
    expect(results).toContain('E2: Fouten worden besproken.');
    expect(results).toContain('Door de tijd');
    const trends = (await analyst.get(`/staff/surveys/${second}/results.csv?org=${orgs['Gemeente Aa']}&table=trends`)).html;
    expect(trends).toContain('FP1;Peiling 2026;');
    expect(trends).toContain('FP1;Peiling 2027;0;12;');
  });

  it('gives nothing back from the example of issue 12: pages and CSV exports of every organisation together', async () => {
    // An organisation of 6 ("niet getoond"), all others 65, everyone by pressure 23 + 48.
    const sizes: Array<[string, string, number, number]> = [
      ['Issue Aa', 'municipality', 6, 2],
      ['Issue Bee', 'municipality', 20, 7],
      ['Issue Cee', 'province', 25, 7],
      ['Issue Dee', 'province', 20, 7],
    ];
    for (const [name, sector] of sizes) expect((await analyst.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: name, sector })).status).toBe(303);
    const ids = new Map((await t.services.db.select().from(surveyOrganisations)).map((r) => [r.name, r.id]));
    const created = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: 'Issue 12', organisationIds: sizes.map(([name]) => ids.get(name)!), extraNl: '', extraEn: '' });
    const wave = /\/staff\/surveys\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    const levels = ['operational', 'specialist', 'manager'];
    const lines = ['ORG,FP1,FP2,PRESSURE,LEVEL'];
    const rows: Array<{ organisationId: string; answers: Array<number | null> }> = [];
    const at = (code: string) => standardQuestions.findIndex((q) => q.code === code);
    for (const [name, , size, yes] of sizes) {
      for (let i = 0; i < size; i++) {
        const fp1 = name === 'Issue Aa' ? (i < 4 ? 5 : 1) : i % 3 === 0 ? 4 : 2;
        const fp2 = 1 + ((i * 7) % 5);
        const pressure = i < yes ? 'yes' : 'no';
        const level = name === 'Issue Aa' ? 'operational' : levels[i % 3]!;
        lines.push(`${name},${fp1},${fp2},${pressure},${level}`);
        const answers: Array<number | null> = standardQuestions.map(() => null);
        answers[at('FP1')] = fp1;
        answers[at('FP2')] = fp2;
        answers[at('PRESSURE')] = pressure === 'yes' ? 1 : 2;
        answers[at('LEVEL')] = levels.indexOf(level) + 1;
        rows.push({ organisationId: ids.get(name)!, answers });
      }
    }
    const page = await analyst.get(`/staff/surveys/${wave}`);
    expect((await analyst.postMultipart(`/staff/surveys/${wave}/import`, { _csrf: hiddenValue(page.html, '_csrf') }, [{ field: 'file', name: 'r.csv', bytes: Buffer.from(lines.join('\n')) }])).status).toBe(200);

    // Everything the analyst can download: every organisation's statements, levels and pressure tables.
    const organisations = sizes.map(([name, sector]) => ({ id: ids.get(name)!, name, sector }));
    const levelCodes = [...levels, 'senior_manager', 'none'];
    const known = new Map<string, Map<string, Knowledge>>([['FP1', new Map()], ['FP2', new Map()]]);
    for (const o of organisations) {
      for (const table of ['statements', 'levels', 'pressure'] as ResultsTable[]) {
        const csv = parseCsv((await analyst.get(`/staff/surveys/${wave}/results.csv?org=${o.id}&table=${table}`)).html);
        const groups = tableGroups({ levels: levelCodes }, o, table);
        for (const code of ['FP1', 'FP2']) {
          csv.filter((r) => r[0] === code).forEach(([, , agree, disagree, n, note], i) => {
            const id = groups[i]!;
            if (note === 'niet getoond') known.get(code)!.set(id, { kind: 'hidden' });
            else if (n === '0') known.get(code)!.set(id, { kind: 'shown', n: 0, agree: { lo: 0, hi: 0 }, disagree: { lo: 0, hi: 0 } });
            else known.get(code)!.set(id, { kind: 'shown', n: Number(n), agree: countsForShare(Number(agree!.replace(',', '.')), Number(n)), disagree: countsForShare(Number(disagree!.replace(',', '.')), Number(n)) });
          });
        }
      }
    }
    // The page says no more than the exports: Aa's own n and its response count are not shown.
    const aa = (await analyst.get(`/staff/surveys/${wave}/results?org=${ids.get('Issue Aa')}`)).html;
    expect(aa).toContain('Respons: niet getoond, 0 uitgenodigd.');
    expect(known.get('FP1')!.get(groupId.org(ids.get('Issue Aa')!))).toEqual({ kind: 'hidden' });
    // The attack of the issue also assumes everyone answered the pressure question: grant it.
    for (const m of known.values()) for (const id of [groupId.allPressure('none'), ...organisations.map((o) => groupId.pressure(o.id, 'none'))]) m.set(id, { kind: 'shown', n: 0, agree: { lo: 0, hi: 0 }, disagree: { lo: 0, hi: 0 } });

    const counted = countCells({ questions: standardQuestions, organisations }, rows);
    const tables = additiveTables({ organisations }, counted.levels);
    for (const code of ['FP1', 'FP2']) {
      const cells = counted.statements.find((st) => st.code === code)!.cells;
      expect(cells.get(groupId.org(ids.get('Issue Aa')!))!.n).toBe(6);
      expect(cells.get(groupId.others(ids.get('Issue Aa')!))!.n).toBe(65);
      expect([cells.get(groupId.allPressure('yes'))!.n, cells.get(groupId.allPressure('no'))!.n]).toEqual([23, 48]);
      expect(auditDisclosure(new Map([...cells].map(([id, c]) => [id, c.n])), known.get(code)!, tables, 10)).toEqual([]);
      const a = boundCells(known.get(code)!, tables, [groupId.org(ids.get('Issue Aa')!)]).get(groupId.org(ids.get('Issue Aa')!))!;
      expect(a.n.hi - a.n.lo).toBeGreaterThanOrEqual(10);
    }
  });
});

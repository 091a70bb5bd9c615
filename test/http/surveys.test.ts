import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { surveyInvitations, surveyOrganisations, surveyResponses, surveyWaveOrganisations } from '../../src/db/schema.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { hashCode, normaliseCode } from '../../src/crypto/survey-codes.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { parseCsv } from '../../src/domain/surveys/csv.js';
import { boundCells, countsForShare, auditDisclosure, exactly, type Knowledge } from '../../src/domain/surveys/disclosure-audit.js';
import { sectors, standardQuestions } from '../../src/domain/surveys/questions.js';
import { additiveTables, countCells, groupId, pressureGroups, pressureTables, tableGroups, type Benchmark, type ResultsTable } from '../../src/domain/surveys/results.js';
import { monitorHeadline } from '../../src/domain/statistics/monitor-headline.js';
import { closeWave } from '../../src/domain/surveys/waves.js';

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
    const bad = ['ORG,FP1,FP2,PRESSURE,SOURCE', 'Gemeente Aa,4,5,yes,director|colleague', 'Gemeente Onbekend,4,5,no,', 'Gemeente Bee,7,5,no,', 'Gemeente Bee,2,2,maybe,', 'Gemeente Aa,2,2,yes,director|boss'].join('\n');
    const refused = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: hiddenValue((await analyst.get(`/staff/surveys/${waveId}`)).html, '_csrf') }, [{ field: 'file', name: 'peiling.csv', bytes: Buffer.from(bad) }]);
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Er is niets geïmporteerd');
    // Every refused value is named, with what the column allows.
    expect(refused.html).toContain('Regel 3: de organisatie “Gemeente Onbekend” doet niet mee aan deze peiling. Toegestaan: Gemeente Aa, Gemeente Bee, Provincie Cee');
    expect(refused.html).toContain('Regel 4: ongeldig antwoord “7” in kolom FP1. Toegestaan: 1, 2, 3, 4, 5.');
    expect(refused.html).toContain('Regel 5: ongeldig antwoord “maybe” in kolom PRESSURE. Toegestaan: yes, no, 1, 2.');
    expect(refused.html).toContain('Regel 6: ongeldig antwoord “boss” in kolom SOURCE. Toegestaan: politician, top_official, director, direct_manager, colleague, external_client, other.');
    const refusedEn = await analyst.postMultipart(`/staff/surveys/${waveId}/import?lang=en`, { _csrf: hiddenValue((await analyst.get(`/staff/surveys/${waveId}?lang=en`)).html, '_csrf') }, [{ field: 'file', name: 'peiling.csv', bytes: Buffer.from(bad) }]);
    expect(refusedEn.status).toBe(422);
    expect(refusedEn.html).toContain('Line 3: the organisation “Gemeente Onbekend” does not take part in this wave. Allowed: Gemeente Aa, Gemeente Bee, Provincie Cee');
    expect(refusedEn.html).toContain('Line 4: invalid answer “7” in column FP1. Allowed: 1, 2, 3, 4, 5.');
    expect(refusedEn.html).toContain('Line 6: invalid answer “boss” in column SOURCE. Allowed: politician, top_official, director, direct_manager, colleague, external_client, other.');
    expect((await t.services.db.select().from(surveyResponses)).length).toBe(before);
    const unknownColumn = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: hiddenValue((await analyst.get(`/staff/surveys/${waveId}`)).html, '_csrf') }, [{ field: 'file', name: 'x.csv', bytes: Buffer.from('ORG,FP9\nGemeente Aa,3\n') }]);
    expect(unknownColumn.html).toContain('Onbekende kolommen in de kopregel: FP9');
    const good = ['ORG;FP1;FP2;PRESSURE;SOURCE', 'Gemeente Aa;4;5;yes;director|colleague', 'Gemeente Bee;2;2;no;'].join('\n');
    const imported = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: hiddenValue((await analyst.get(`/staff/surveys/${waveId}`)).html, '_csrf') }, [{ field: 'file', name: 'peiling.csv', bytes: Buffer.from(good) }]);
    expect(imported.status).toBe(200);
    expect(imported.html).toContain('2 antwoorden geïmporteerd.');
    expect((await t.services.db.select().from(surveyResponses)).length).toBe(before + 2);
  });

  it('lists on the import page, per column, the codes it allows, in the page\'s language', async () => {
    const columnsTable = (html: string) => /<table[^>]*data-testid="import-columns"[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const nl = columnsTable((await analyst.get(`/staff/surveys/${waveId}`)).html);
    expect(nl).toContain('<code class="utrecht-code">ORG</code>');
    expect(nl).toContain('De naam van een deelnemende organisatie: Gemeente Aa, Gemeente Bee, Provincie Cee');
    expect(nl).toMatch(/<code class="utrecht-code">FP1<\/code>.*?Eén van 1, 2, 3, 4, 5 \(1 = helemaal oneens, 5 = helemaal eens\)/);
    expect(nl).toMatch(/<code class="utrecht-code">PRESSURE<\/code>.*?yes of 1 \(ja\), no of 2 \(nee\)/);
    expect(nl).toContain('Een of meer codes, gescheiden door |: politician (Een politicus of bestuurder), top_official (Een topambtenaar), director (Een directeur), direct_manager (Mijn direct leidinggevende)');
    expect(nl).toContain('Eén code: central_government (Rijksoverheid), municipality (Gemeente), province (Provincie), water_authority (Waterschap), other (Anders)');
    const en = columnsTable((await analyst.get(`/staff/surveys/${waveId}?lang=en`)).html);
    expect(en).toContain('One or more codes, separated by |: politician (A politician or administrator), top_official (A top official), director (A director), direct_manager (My direct manager)');
    expect(en).toContain('One code: operational (Operational), specialist (Policy or specialist)');
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

  it('asks, when the analyst chooses, whether the team held a dilemma session or a good conversation, and counts yes as agree beside the statements and in the trends', async () => {
    const created = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: 'Peiling leren', organisationIds: [orgs['Gemeente Aa']!], extraNl: '', extraEn: '', askLearning: 'yes' });
    expect(created.status).toBe(303);
    const learning = /\/staff\/surveys\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    // A respondent with JavaScript off gets the two questions on their own page.
    const previous = waveId;
    waveId = learning;
    const [code] = await codesFor('Gemeente Aa', 1);
    waveId = previous;
    const client = new FormClient(t);
    let page = await client.submit('/survey', '/survey/start', { code: code! });
    for (let guard = 0; guard < 6 && !page.html.includes('Leren in uw team'); guard++) {
      page = await client.post('/survey', { _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _go: 'next', _csrf: hiddenValue(page.html, '_csrf') });
    }
    expect(page.html).toContain('Heeft uw team de afgelopen 12 maanden een dilemmasessie of moreel beraad gehouden?');
    expect(page.html).toContain('name="LEARN_CONVERSATION"');
    // 12 who held one (8 of them agree with FP1), 8 who did not: 60 % yes, and the split by it.
    const rows = ['ORG,FP1,LEARN_DILEMMA,LEARN_CONVERSATION', ...Array.from({ length: 12 }, (_, i) => `Gemeente Aa,${i < 8 ? 4 : 2},yes,yes`), ...Array.from({ length: 8 }, () => 'Gemeente Aa,2,no,')].join('\n');
    const form = await analyst.get(`/staff/surveys/${learning}`);
    expect((await analyst.postMultipart(`/staff/surveys/${learning}/import`, { _csrf: hiddenValue(form.html, '_csrf') }, [{ field: 'file', name: 'r.csv', bytes: Buffer.from(rows) }])).status).toBe(200);
    const results = (await analyst.get(`/staff/surveys/${learning}/results?org=${orgs['Gemeente Aa']}`)).html;
    expect(results).toContain('telt &#39;ja&#39; als eens');
    const csv = (await analyst.get(`/staff/surveys/${learning}/results.csv?org=${orgs['Gemeente Aa']}&table=statements`)).html.split('\r\n');
    expect(csv.find((l) => l.startsWith('LEARN_DILEMMA;Gemeente Aa'))).toMatch(/^LEARN_DILEMMA;Gemeente Aa;60;40;20;/);
    // Asked only of those who held one: 12 answered, all yes.
    expect(csv.find((l) => l.startsWith('LEARN_CONVERSATION;Gemeente Aa'))).toMatch(/^LEARN_CONVERSATION;Gemeente Aa;100;0;12;/);
    // A wave without the choice does not ask them.
    expect((await analyst.get(`/staff/surveys/${previous}/results?org=${orgs['Gemeente Aa']}`)).html).not.toContain('LEARN_DILEMMA');
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
    expect(aa).toContain('Respons: niet getoond.');
    expect(aa).not.toContain('uitgenodigd');
    // Nobody answered SECTOR in this wave: no choice of benchmark.
    expect(aa).not.toContain('name="benchmark"');
    expect(known.get('FP1')!.get(groupId.org(ids.get('Issue Aa')!))).toEqual({ kind: 'hidden' });
    // The attack of the issue also assumes everyone answered the pressure question: grant it.
    for (const m of known.values()) for (const id of [groupId.allPressure('none'), ...organisations.map((o) => groupId.pressure(o.id, 'none'))]) m.set(id, { kind: 'shown', n: 0, agree: { lo: 0, hi: 0 }, disagree: { lo: 0, hi: 0 } });

    const counted = countCells({ questions: standardQuestions, organisations }, rows);
    const tables = additiveTables({ organisations }, counted.levels, counted.sectorAnswers);
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

/** The rows and cells of one table of a page, as text (tags stripped), by its data-testid. */
function tableRows(html: string, testId: string): string[][] {
  const table = new RegExp(`<table[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (table === undefined) throw new Error(`no table ${testId}`);
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()));
}

async function importInto(wave: string, lines: string[]) {
  const page = await analyst.get(`/staff/surveys/${wave}`);
  const imported = await analyst.postMultipart(`/staff/surveys/${wave}/import`, { _csrf: hiddenValue(page.html, '_csrf') }, [{ field: 'file', name: 'r.csv', bytes: Buffer.from(lines.join('\n')) }]);
  expect(imported.status).toBe(200);
}

async function newWave(name: string, organisationIds: string[]): Promise<string> {
  const created = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: name, organisationIds, extraNl: '', extraEn: '' });
  expect(created.status).toBe(303);
  return /\/staff\/surveys\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
}

// The monitor's headline, hand-computed. Everyone answers PRESSURE (and FP1: agree when pressured).
//   A, the organisation itself (its own survey unit), 40: 20 pressured; all say they work in A's sector.
//   B, in A's sector, 30: 12 pressured; its first 25 say A's sector, its last 5 a third sector.
//   C, another sector, 30: 15 pressured. D, in C's sector, 20: 4 pressured (too few for their details).
//   C and D say they work in their own sector.
//   SOURCE among the pressured: direct manager A 14, B 6, C 9, D 4; director A 6, B 6, C 3, D 0.
// So: pressured A 50 %, B 40 %, C 50 %, D 20 %; A's sector 32 of 70 (45,7 %), the other 19 of 50
// (38 %), everyone 51 of 120 (42,5 %); by own answer A's sector 32 of 65 (49,2 %).
// Named the manager: A 14 of 20 (70 %), A's sector 20 of 32 (62,5 %); the director 30 % and 37,5 %.
describe('the monitor\'s headline', () => {
  const plan: Array<[string, number, number, number, number]> = [
    ['A', 40, 20, 14, 6],
    ['B', 30, 12, 6, 6],
    ['C', 30, 15, 9, 3],
    ['D', 20, 4, 4, 0],
  ];
  const names: Record<string, string> = { B: 'Druk Bee', C: 'Druk Cee', D: 'Druk Dee' };
  const id: Record<string, string> = {};
  const organisations: Array<{ id: string; name: string; sector: string }> = [];
  const rows: Array<{ organisationId: string; answers: Array<number | null> }> = [];
  let ownSector: string;
  let otherSector: string;
  let thirdSector: string;
  const sectorName = (code: string) => ({ municipality: 'Gemeente', province: 'Provincie', other: 'Anders', central_government: 'Rijksoverheid', water_authority: 'Waterschap' })[code]!;
  let earlier: string;
  let current: string;
  const at = (code: string) => standardQuestions.findIndex((q) => q.code === code);
  const bit = (question: string, option: string) => 1 << standardQuestions[at(question)]!.options!.findIndex((o) => o.code === option);
  const position = (question: string, option: string) => standardQuestions[at(question)]!.options!.findIndex((o) => o.code === option) + 1;

  beforeAll(async () => {
    const [own] = await t.services.db.select().from(surveyOrganisations).where(eq(surveyOrganisations.organisationId, t.organisationId));
    names.A = own!.name;
    ownSector = own!.sector;
    otherSector = ownSector === 'province' ? 'municipality' : 'province';
    thirdSector = sectors.find((code) => code !== ownSector && code !== otherSector)!;
    for (const [key, sector] of [['B', ownSector], ['C', otherSector], ['D', otherSector]] as const) {
      expect((await analyst.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: names[key]!, sector })).status).toBe(303);
    }
    const all = await t.services.db.select().from(surveyOrganisations);
    for (const key of ['A', 'B', 'C', 'D']) {
      const row = all.find((r) => r.name === names[key])!;
      id[key] = row.id;
      organisations.push({ id: row.id, name: row.name, sector: row.sector });
    }

    // An earlier wave, closed: A 5 of 20 pressured (25 %).
    earlier = await newWave('Druk 2025', [id.A!, id.B!]);
    await importInto(earlier, ['ORG,PRESSURE', ...Array.from({ length: 20 }, (_, i) => `${names.A},${i < 5 ? 'yes' : 'no'}`), ...Array.from({ length: 20 }, (_, i) => `${names.B},${i < 10 ? 'yes' : 'no'}`)]);
    expect((await analyst.submit(`/staff/surveys/${earlier}`, `/staff/surveys/${earlier}/close`, {})).status).toBe(303);

    current = await newWave('Druk 2026', [id.A!, id.B!, id.C!, id.D!]);
    const lines = ['ORG,FP1,PRESSURE,SOURCE,SECTOR'];
    for (const [key, size, yes, manager, director] of plan) {
      for (let i = 0; i < size; i++) {
        const pressured = i < yes;
        const named = [...(pressured && i < manager ? ['direct_manager'] : []), ...(pressured && i >= yes - director ? ['director'] : [])];
        const sector = key === 'B' && i >= size - 5 ? thirdSector : key === 'A' || key === 'B' ? ownSector : otherSector;
        lines.push(`${names[key]},${pressured ? 4 : 2},${pressured ? 'yes' : 'no'},${named.join('|')},${sector}`);
        const answers: Array<number | null> = standardQuestions.map(() => null);
        answers[at('FP1')] = pressured ? 4 : 2;
        answers[at('PRESSURE')] = pressured ? 1 : 2;
        answers[at('SOURCE')] = named.reduce((mask, option) => mask | bit('SOURCE', option), 0) || null;
        answers[at('SECTOR')] = position('SECTOR', sector);
        rows.push({ organisationId: id[key]!, answers });
      }
    }
    await importInto(current, lines);
    await closeWave(t.services, { userId: '00000000-0000-4000-8000-000000000000', organisationId: t.organisationId, roles: ['analyst'] } as never, current);
  });

  const resultsPage = (org: string, query = '') => analyst.get(`/staff/surveys/${current}/results?org=${id[org]}${query}`);

  it('reports the share pressured per organisation, its sector and everyone, and what the pressured named, as hand-computed', async () => {
    const html = (await resultsPage('A')).html;
    const sector = `Sector ${sectorName(ownSector)}`;
    expect(tableRows(html, 'pressured')).toEqual([
      ['Groep', 'Onder druk gezet', 'Aantal onder druk gezet', 'n'],
      [names.A, '50\u00a0%', '20', '40'],
      [sector, '45,7\u00a0%', '32', '70'],
      ['Iedereen', '42,5\u00a0%', '51', '120'],
    ]);
    const sectors = tableRows(html, 'pressured-sectors');
    expect(sectors.slice(1).sort()).toEqual(
      [
        [sectorName(ownSector), '45,7\u00a0%', '32', '70'],
        [sectorName(otherSector), '38\u00a0%', '19', '50'],
      ].sort(),
    );
    const source = tableRows(html, 'pressured-SOURCE');
    expect(source[0]).toEqual(['Antwoord', names.A, sector, 'Iedereen']);
    // Everyone's details are hidden: D's 4 pressured = everyone - A's sector - C.
    expect(source).toContainEqual(['Mijn direct leidinggevende', '70\u00a0%', '62,5\u00a0%', 'niet getoond']);
    expect(source).toContainEqual(['Een directeur', '30\u00a0%', '37,5\u00a0%', 'niet getoond']);
    expect(source).toContainEqual(['Een collega', '0\u00a0%', '0\u00a0%', 'niet getoond']);
    expect(source.at(-1)).toEqual(['Onder druk gezet (aantal)', '20', '32', '51']);
    // D: its share is shown (4 of 20), what its 4 pressured named is not, nor its sector's.
    const d = (await resultsPage('D')).html;
    expect(tableRows(d, 'pressured')[1]).toEqual([names.D, '20\u00a0%', '4', '20']);
    for (const row of tableRows(d, 'pressured-SOURCE').slice(1, -1)) expect(row.slice(1)).toEqual(['niet getoond', 'niet getoond', 'niet getoond']);
    // The same in English, the English way.
    const en = (await resultsPage('A', '&lang=en')).html;
    expect(tableRows(en, 'pressured')[2]!.slice(1)).toEqual(['45.7%', '32', '70']);
    expect(tableRows(en, 'pressured-SOURCE')).toContainEqual(['My direct manager', '70%', '62.5%', 'not shown']);
    // The CSV holds the page's figures.
    const csv = parseCsv((await analyst.get(`/staff/surveys/${current}/results.csv?org=${id.A}&table=pressured`)).html);
    expect(csv[0]).toEqual(['question', 'option', 'group', 'wave', 'percent', 'count', 'n', 'hidden']);
    expect(csv).toContainEqual(['PRESSURE', '', 'Iedereen', 'Druk 2026', '42,5', '51', '120', '']);
    expect(csv).toContainEqual(['SOURCE', 'direct_manager', sector, 'Druk 2026', '62,5', '20', '32', '']);
    expect(csv).toContainEqual(['SOURCE', 'direct_manager', 'Iedereen', 'Druk 2026', '', '', '', 'niet getoond']);
  });

  it('benchmarks by the respondent\'s own sector answer, chosen without JavaScript, with the same suppression', async () => {
    const byOrganisation = (await resultsPage('B')).html;
    // The choice is a GET form: radio buttons and a button, no script.
    expect(byOrganisation).toMatch(/<form action="\/staff\/surveys\/[0-9a-f-]{36}\/results" method="get"/);
    expect(byOrganisation).toContain('name="benchmark" value="organisation" checked=""');
    expect(byOrganisation).toContain('name="benchmark" value="answer"');
    const byAnswer = (await resultsPage('B', '&benchmark=answer')).html;
    expect(byAnswer).toContain('name="benchmark" value="answer" checked=""');
    // Per own sector answer: B's sector 32 of 65; the third sector (5) hidden, and with it C's (else
    // the five = everyone - the rest).
    const bySector = tableRows(byAnswer, 'pressured-sectors');
    expect(bySector).toContainEqual([sectorName(ownSector), '49,2\u00a0%', '32', '65']);
    expect(bySector).toContainEqual([sectorName(thirdSector), 'niet getoond', 'niet getoond', 'niet getoond']);
    expect(bySector).toContainEqual([sectorName(otherSector), 'niet getoond', 'niet getoond', 'niet getoond']);
    expect(bySector).toHaveLength(6);
    expect(bySector.filter((row) => row[3] === '0')).toHaveLength(2);
    // B's benchmark is now who said they work in B's sector: 32 of 65, not the organisations' 32 of 70.
    expect(tableRows(byAnswer, 'pressured')[2]).toEqual([`Zelf opgegeven sector ${sectorName(ownSector)}`, '49,2\u00a0%', '32', '65']);
    expect(tableRows(byOrganisation, 'pressured')[2]).toEqual([`Sector ${sectorName(ownSector)}`, '45,7\u00a0%', '32', '70']);
    // The statements' sector column and the CSV links follow the choice (FP1: agree when pressured).
    expect(byAnswer).toContain(`results.csv?org=${id.B}&amp;table=statements&amp;benchmark=answer`);
    const statements = parseCsv((await analyst.get(`/staff/surveys/${current}/results.csv?org=${id.B}&table=statements&benchmark=answer`)).html);
    expect(statements).toContainEqual(['FP1', `Zelf opgegeven sector ${sectorName(ownSector)}`, '49,2', '50,8', '65', '']);
    const csv = parseCsv((await analyst.get(`/staff/surveys/${current}/results.csv?org=${id.B}&table=pressured&benchmark=answer`)).html);
    expect(csv).toContainEqual(['PRESSURE', '', `Zelf opgegeven sector ${sectorName(ownSector)}`, 'Druk 2026', '49,2', '32', '65', '']);
    // The third sector's five stay hidden in the statements too.
    expect(parseCsv((await analyst.get(`/staff/surveys/${current}/results.csv?org=${id.D}&table=pressured&benchmark=answer`)).html)).toContainEqual(['PRESSURE', '', `Zelf opgegeven sector ${sectorName(thirdSector)}`, 'Druk 2026', '', '', '', 'niet getoond']);
  });

  it('gives no hidden headline figure back: every organisation\'s page and CSV, with either benchmark, together', async () => {
    // What the attacker reads: every organisation's headline CSV in both benchmarks (the page shows the same).
    const known = new Map<string, Map<string, Knowledge>>();
    const knowledge = (code: string) => known.get(code) ?? known.set(code, new Map()).get(code)!;
    // The groups in the order the export writes them (the page's order).
    const wave = { sectors: sectors.filter((code) => organisations.some((o) => o.sector === code)), sectorAnswers: standardQuestions[at('SECTOR')]!.options!.map((o) => o.code) };
    for (const o of organisations) {
      for (const benchmark of ['organisation', 'answer'] as Benchmark[]) {
        const csv = parseCsv((await analyst.get(`/staff/surveys/${current}/results.csv?org=${o.id}&table=pressured&benchmark=${benchmark}`)).html).slice(1);
        const headline = pressureGroups(wave, o, 'headline', benchmark);
        const pressuredRows = csv.filter((r) => r[0] === 'PRESSURE' && r[3] === 'Druk 2026');
        const groups = [...headline, ...pressureGroups(wave, o, 'sectors', benchmark)];
        expect(pressuredRows).toHaveLength(groups.length);
        pressuredRows.forEach(([, , , , , count, n, note], i) => {
          knowledge('PRESSURE').set(groups[i]!, note ? { kind: 'hidden' } : exactly(Number(n), Number(count), Number(n) - Number(count)));
        });
        for (const row of csv.filter((r) => r[0] !== 'PRESSURE')) {
          const [question, option, , , , count, n, note] = row;
          const i = csv.filter((r) => r[0] === question && r[1] === option).indexOf(row);
          const group = headline[i]!;
          const size = knowledge('PRESSURE').get(group)!;
          knowledge(`${question}:${option}`).set(group, !note ? exactly(Number(n), Number(count), Number(n) - Number(count)) : size.kind === 'shown' ? { kind: 'sized', n: { lo: size.agree.lo, hi: size.agree.hi } } : { kind: 'unpublished' });
        }
      }
    }
    expect(known.get('PRESSURE')!.get(groupId.answer(thirdSector))).toEqual({ kind: 'hidden' });
    // Where the pressured share is hidden, so is every detail (an empty one would say "nobody pressured").
    const hiddenShares = [...known.get('PRESSURE')!].filter(([, k]) => k.kind === 'hidden').map(([group]) => group);
    expect(hiddenShares).toContain(groupId.answer(otherSector));
    for (const [code, k] of known) if (code !== 'PRESSURE') for (const group of hiddenShares) if (k.has(group)) expect(k.get(group), `${code} ${group}`).toEqual({ kind: 'unpublished' });
    expect(known.get('SOURCE:direct_manager')!.get(groupId.org(id.D!))).toEqual({ kind: 'sized', n: { lo: 4, hi: 4 } });

    const counted = countCells({ questions: standardQuestions, organisations }, rows);
    const tables = pressureTables({ organisations }, counted.sectorAnswers);
    const truth = (cells: Map<string, { n: number }>) => new Map([...cells].map(([group, c]) => [group, c.n]));
    expect(auditDisclosure(truth(counted.pressure!.share.cells), known.get('PRESSURE')!, tables, 10, { zeroRest: true })).toEqual([]);
    let options = 0;
    for (const detail of counted.pressure!.details) {
      for (const option of detail.options) {
        const k = known.get(`${detail.code}:${option.code}`)!;
        expect(auditDisclosure(truth(option.cells), k, tables, 10, { zeroRest: true, sizePublic: true }), `${detail.code}:${option.code}`).toEqual([]);
        options++;
      }
    }
    expect(options).toBe(19);
    // The statements too, with the own sector answer as a second split of everyone: every table's CSV
    // of every organisation, with either benchmark.
    const levelCodes = [...standardQuestions[at('LEVEL')]!.options!.map((o) => o.code), 'none'];
    const fp1 = new Map<string, Knowledge>();
    for (const o of organisations) {
      for (const benchmark of ['organisation', 'answer'] as Benchmark[]) {
        for (const table of ['statements', 'levels', 'pressure'] as ResultsTable[]) {
          const csv = parseCsv((await analyst.get(`/staff/surveys/${current}/results.csv?org=${o.id}&table=${table}&benchmark=${benchmark}`)).html);
          const groups = tableGroups({ levels: levelCodes }, o, table, benchmark);
          csv.filter((r) => r[0] === 'FP1').forEach(([, , agree, disagree, n, note], i) => {
            fp1.set(groups[i]!, note ? { kind: 'hidden' } : n === '0' ? exactly(0, 0, 0) : { kind: 'shown', n: Number(n), agree: countsForShare(Number(agree!.replace(',', '.')), Number(n)), disagree: countsForShare(Number(disagree!.replace(',', '.')), Number(n)) });
          });
        }
      }
    }
    expect(fp1.get(groupId.answer(ownSector))).toMatchObject({ kind: 'shown', n: 65 });
    const fp1Cells = counted.statements.find((st) => st.code === 'FP1')!.cells;
    expect(auditDisclosure(truth(fp1Cells), fp1, additiveTables({ organisations }, counted.levels, counted.sectorAnswers), 10)).toEqual([]);

    // By hand: the five of the third sector = everyone - the other answers.
    const b = boundCells(known.get('PRESSURE')!, tables, [groupId.answer(thirdSector)], { zeroRest: true }).get(groupId.answer(thirdSector))!;
    expect(b.n.hi - b.n.lo).toBeGreaterThanOrEqual(10);
    // And what D's four pressured named: as wide as their number allows.
    const dm = boundCells(known.get('SOURCE:direct_manager')!, tables, [groupId.org(id.D!)], { zeroRest: true }).get(groupId.org(id.D!))!;
    expect([dm.agree.lo + 0, dm.agree.hi]).toEqual([0, 4]);
  });

  it('shows the pressured share in each earlier closed wave, as that wave published it', async () => {
    const trend = tableRows((await resultsPage('A')).html, 'pressured-trend');
    // "Peiling 2026" is earlier but open: not in it.
    expect(trend[0]).toEqual(['Peiling', 'Druk 2025', 'Druk 2026']);
    expect(trend[1]).toEqual(['Onder druk gezet', '25\u00a0%', '50\u00a0%']);
    expect(trend[2]).toEqual(['n', '20', '40']);
    // The earlier wave's own page says the same, and shows no later wave.
    const own = (await analyst.get(`/staff/surveys/${earlier}/results?org=${id.A}`)).html;
    expect(tableRows(own, 'pressured')[1]).toEqual([names.A, '25\u00a0%', '5', '20']);
    expect(own).not.toContain('data-testid="pressured-trend"');
    const csv = parseCsv((await analyst.get(`/staff/surveys/${current}/results.csv?org=${id.A}&table=pressured`)).html);
    expect(csv).toContainEqual(['PRESSURE', '', names.A, 'Druk 2025', '25', '5', '20', '']);
  });

  it('gives the figures page the same headline as the results page', async () => {
    const headline = (await monitorHeadline(t.services, t.organisationId))!;
    expect(headline.waveName).toBe('Druk 2026');
    expect(headline.pressured).toBe(50);
    expect(headline.pressuredHidden).toBe(false);
    const source = headline.pressureDetails.find((d) => d.code === 'SOURCE')!;
    expect(source.top.map((o) => [o.code, o.share])).toEqual([
      ['direct_manager', 70],
      ['director', 30],
    ]);
    expect(headline.pressureDetails.map((d) => d.code)).toEqual(['SOURCE', 'MEANS', 'AIMS']);
    expect(headline.pressureDetails.find((d) => d.code === 'MEANS')!.top).toEqual([]);
    // Its existing fields are still there.
    expect(headline.responses).toBe(40);
    expect(headline.statements.map((st) => st.code)).toContain('FP1');
  });

  it('writes numbers the Dutch way on Dutch pages and reports an imported wave\'s response without "of 0 invited"', async () => {
    const groot = 'Druk Groot';
    expect((await analyst.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: groot, sector: 'municipality' })).status).toBe(303);
    const [org] = await t.services.db.select().from(surveyOrganisations).where(eq(surveyOrganisations.name, groot));
    const wave = await newWave('Groot', [org!.id]);
    // 142 of 1,234 pressured: 11.5 %.
    await importInto(wave, ['ORG,PRESSURE', ...Array.from({ length: 1234 }, (_, i) => `${groot},${i < 142 ? 'yes' : 'no'}`)]);
    const nl = (await analyst.get(`/staff/surveys/${wave}/results?org=${org!.id}`)).html;
    expect(nl).toContain('Respons: 1.234.');
    expect(nl).not.toContain('uitgenodigd');
    expect(tableRows(nl, 'pressured')[1]).toEqual([groot, '11,5\u00a0%', '142', '1.234']);
    const en = (await analyst.get(`/staff/surveys/${wave}/results?org=${org!.id}&lang=en`)).html;
    expect(en).toContain('Responses: 1,234.');
    expect(tableRows(en, 'pressured')[1]).toEqual([groot, '11.5%', '142', '1,234']);
    // The wave page: no invited and no rate columns when nobody was invited.
    const wavePage = (await analyst.get(`/staff/surveys/${wave}`)).html;
    expect(wavePage).not.toContain('Uitgenodigd');
    expect(wavePage).toMatch(/>Druk Groot<\/a><\/th><td class="utrecht-table__cell utrecht-table__cell--numeric">1\.234<\/td><\/tr>/);
    // Where codes were issued, the rate stays: "Respons: 1.234 van 1.250 uitgenodigd (98,7 %)".
    expect((await analyst.submit(`/staff/surveys/${wave}`, `/staff/surveys/${wave}/codes`, { organisationId: org!.id, count: '1250' })).status).toBe(200);
    expect((await analyst.get(`/staff/surveys/${wave}/results?org=${org!.id}`)).html).toContain('Respons: 1.234 van 1.250 uitgenodigd (98,7\u00a0%).');
    expect((await analyst.get(`/staff/surveys/${wave}`)).html).toContain('<td class="utrecht-table__cell utrecht-table__cell--numeric">1.250</td><td class="utrecht-table__cell utrecht-table__cell--numeric">1.234</td><td class="utrecht-table__cell utrecht-table__cell--numeric">98,7\u00a0%</td>');
  });
});

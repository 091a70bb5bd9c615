import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, deliberations, dilemmaProposalCopies, dilemmaProposals, dilemmas, organisations, receiptAttempts, teamParticipants, teamRounds, teamSessions } from '../../src/db/schema.js';
import { JOIN_BUDGET } from '../../src/domain/learning/join-team-session.js';
import { runDueJobs } from '../../src/jobs/run-jobs.js';
import { seedDilemmas } from '../../src/domain/learning/seed-dilemmas.js';
import { csrfTokenFor, FormClient, hiddenValue } from '../support/form-client.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 16: the dilemma library played alone, team sessions joined with a code, moral
// deliberation on a method, the good-conversation guides, and the panel's curation.
let t: TestApp;
let facilitator: TestStaff;
let otherFacilitator: TestStaff;
let panel: TestStaff;
let manager: TestStaff;
let secretary: TestStaff;
let admin: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  facilitator = await createStaff(t, ['facilitator']);
  otherFacilitator = await createStaff(t, ['facilitator']);
  panel = await createStaff(t, ['ethics_panel_member']);
  manager = await createStaff(t, ['management']);
  secretary = await createStaff(t, ['secretary']);
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

const db = () => t.services.db;
const idOf = (key: string) => db().select({ id: dilemmas.id, choices: dilemmas.choices }).from(dilemmas).where(and(eq(dilemmas.organisationId, t.organisationId), eq(dilemmas.seedKey, key))).then((rows) => rows[0]!);

/** One person playing alone: open the dilemma, choose, follow the redirect. */
async function playAlone(id: string, option: number) {
  const visitor = new FormClient(t);
  const page = await visitor.get(`/dilemmas/${id}`);
  const sent = await visitor.submit(`/dilemmas/${id}`, `/dilemmas/${id}`, { option: String(option), nonce: hiddenValue(page.html, 'nonce') });
  return { visitor, sent };
}

describe('the dilemma library, played alone', () => {
  it('holds the seed library in both languages, filtered by theme and role', async () => {
    const page = await new FormClient(t).get('/dilemmas');
    expect(page.status).toBe(200);
    expect(seedDilemmas.length).toBeGreaterThanOrEqual(8);
    for (const seed of seedDilemmas) expect(page.html).toContain(seed.content.title.nl.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;'));
    const english = await new FormClient(t).get('/dilemmas?lang=en');
    expect(english.html).toContain(seedDilemmas[0]!.content.title.en.replaceAll("'", '&#39;'));
    const political = await new FormClient(t).get('/dilemmas?theme=political_pressure');
    const withTheme = seedDilemmas.filter((d) => d.content.themes.includes('political_pressure'));
    const without = seedDilemmas.filter((d) => !d.content.themes.includes('political_pressure'));
    expect(withTheme.length).toBeGreaterThan(0);
    expect(political.html).toContain(withTheme[0]!.content.question.nl.slice(0, 20));
    for (const d of without) expect(political.html).not.toContain(d.content.question.nl.replaceAll("'", '&#39;'));
    // An unknown filter is no filter, never an error.
    expect((await new FormClient(t).get('/dilemmas?theme=%00%27;drop&role=x')).status).toBe(200);
  });

  it('brings a seed added in a later version as a draft for the panel, never published unseen', async () => {
    await db().delete(dilemmas).where(and(eq(dilemmas.organisationId, t.organisationId), eq(dilemmas.seedKey, 'skip-quality-check')));
    expect((await new FormClient(t).get('/dilemmas')).status).toBe(200);
    const [back] = await db().select().from(dilemmas).where(and(eq(dilemmas.organisationId, t.organisationId), eq(dilemmas.seedKey, 'skip-quality-check')));
    expect(back!.status).toBe('draft');
    expect((await new FormClient(t).get(`/dilemmas/${back!.id}`)).status).toBe(404);
  });

  it('shows how others chose only once the minimum chose, and sets no cookie', async () => {
    const { id } = await idOf('shelved-advice');
    const first = await playAlone(id, 2);
    expect(first.sent.status).toBe(303);
    // The choice stays out of the address (and the browser's history).
    expect(first.sent.location).toMatch(new RegExp(`/dilemmas/${id}/reflection$`));
    // Playing alone needs no cookie: neither the page nor the choice sets one.
    expect(first.visitor.jar.size).toBe(0);
    const hidden = await first.visitor.get(first.sent.location!);
    expect(hidden.html).not.toContain('data-testid="distribution"');
    expect(hidden.html).toContain('zodra minstens 5 mensen');
    // The reflection, the considerations and the routes are there either way.
    const seed = seedDilemmas.find((d) => d.key === 'shelved-advice')!;
    expect(hidden.html).toContain('Reflectie van het ethiekpanel');
    expect(hidden.html).toContain('Huis voor Klokkenluiders');
    expect(hidden.html).toContain(seed.content.options[1]!.nl.slice(0, 30).replaceAll("'", '&#39;'));
    for (const option of [1, 2, 3, 2]) await playAlone(id, option);
    const shown = await new FormClient(t).get(`/dilemmas/${id}/reflection`);
    expect(shown.html).toContain('data-testid="distribution"');
    expect(shown.html).toContain('5 keuzes');
    expect(shown.html).toContain('60\u00a0%');
    expect((await idOf('shelved-advice')).choices).toEqual([1, 3, 1, 0].slice(0, seed.content.options.length));
    // One more choice does not show: the figure moves on only after another five, so nobody can
    // watch a colleague's single choice arrive.
    await playAlone(id, 4);
    expect((await new FormClient(t).get(`/dilemmas/${id}/reflection`)).html).toContain('5 keuzes');
    for (const option of [4, 4, 4, 4]) await playAlone(id, option);
    expect((await new FormClient(t).get(`/dilemmas/${id}/reflection`)).html).toContain('10 keuzes');
  });

  it('counts a double click once and refuses a forged option with a translated error', async () => {
    const { id, choices } = await idOf('known-expert');
    const visitor = new FormClient(t);
    const page = await visitor.get(`/dilemmas/${id}`);
    const nonce = hiddenValue(page.html, 'nonce');
    await visitor.submit(`/dilemmas/${id}`, `/dilemmas/${id}`, { option: '1', nonce });
    await visitor.submit(`/dilemmas/${id}`, `/dilemmas/${id}`, { option: '1', nonce });
    expect((await idOf('known-expert')).choices[0]).toBe(choices[0]! + 1);
    for (const option of ['9', '0', '-1', 'abc', '']) {
      const forged = await visitor.submit(`/dilemmas/${id}`, `/dilemmas/${id}`, { option, nonce: hiddenValue(page.html, 'nonce') });
      expect(forged.status, option).toBe(422);
      expect(forged.html).toContain('Kies een van de mogelijkheden.');
    }
    expect((await idOf('known-expert')).choices).toEqual((await idOf('known-expert')).choices);
    expect((await new FormClient(t).get('/dilemmas/not-an-id')).status).toBe(404);
  });
});

describe('submitting a dilemma and the panel curating', () => {
  it('seals a submission to the panel, which rewrites it into a draft and publishes it in its own words', async () => {
    const visitor = new FormClient(t);
    const situation = 'Mijn afdelingshoofd vroeg mij een advies over een subsidie milder op te schrijven omdat de wethouder het al had toegezegd.';
    const sent = await visitor.submit('/dilemmas/submit', '/dilemmas/submit', { situation, question: 'Moet ik dat doen?' });
    expect(sent.status).toBe(303);
    const [proposal] = await db().select().from(dilemmaProposals).where(eq(dilemmaProposals.organisationId, t.organisationId));
    expect(proposal!.status).toBe('new');
    const copies = await db().select().from(dilemmaProposalCopies).where(eq(dilemmaProposalCopies.proposalId, proposal!.id));
    expect(copies.map((c) => c.userId)).toContain(panel.userId);
    // Only ciphertext in the database: not a word of it readable.
    for (const copy of copies) expect(Buffer.from(copy.sealed).toString('latin1')).not.toContain('wethouder');

    // Nobody but the panel opens it: the facilitator, the manager, the administrator, the secretary.
    for (const who of [facilitator, manager, admin, secretary]) {
      const client = await logInAs(t, who);
      expect((await client.get(`/staff/library/proposals/${proposal!.id}`)).status, who.email).toBe(403);
    }
    const member = await logInAs(t, panel);
    const opened = await member.get(`/staff/library/proposals/${proposal!.id}`);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('wethouder het al had toegezegd');
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.organisationId, t.organisationId), eq(auditLog.action, 'dilemma.proposal.opened')));
    expect(audit!.actorUserId).toBe(panel.userId);

    // A form with a missing translation comes back with every field kept and the error at the field.
    const partial = { titleNl: 'Een toezegging van de wethouder', situationNl: 'Een herschreven situatie over een subsidieadvies dat milder moet.', fromProposal: proposal!.id };
    const incomplete = await member.submit(`/staff/library/proposals/${proposal!.id}`, '/staff/library/new', partial);
    expect(incomplete.status).toBe(422);
    expect(incomplete.html).toContain('Een herschreven situatie over een subsidieadvies');
    expect(incomplete.html).toContain('id="field-titleEn"');
    const full = {
      ...partial,
      titleEn: 'An alderman’s promise',
      situationEn: 'A rewritten situation about subsidy advice that has to be milder.',
      questionNl: 'Schrijf je het advies milder op?',
      questionEn: 'Do you write the advice more mildly?',
      optionsNl: 'Ja\nNee\nEerst vragen wie het vraagt',
      optionsEn: 'Yes\nNo\nFirst ask who is asking',
      valuesNl: 'Betrouwbaarheid.',
      valuesEn: 'Reliability.',
      rolesNl: 'De wethouder besluit, jij adviseert.',
      rolesEn: 'The alderman decides, you advise.',
      pressureNl: '',
      pressureEn: '',
      reflectionNl: 'Het panel denkt mee.',
      reflectionEn: 'The panel reflects.',
      promptsNl: 'Wat zou jij doen?',
      promptsEn: 'What would you do?',
      themes: ['political_pressure'],
      roleTags: ['employee'],
    };
    const saved = await member.submit(`/staff/library/proposals/${proposal!.id}`, '/staff/library/new', full);
    expect(saved.status).toBe(303);
    const newId = saved.location!.split('/').pop()!;
    const [draft] = await db().select().from(dilemmas).where(eq(dilemmas.id, newId));
    expect(draft!.status).toBe('draft');
    expect(draft!.source).toBe('submission');
    // The submitted words are gone once rewritten.
    expect(await db().select().from(dilemmaProposalCopies).where(eq(dilemmaProposalCopies.proposalId, proposal!.id))).toEqual([]);
    expect((await new FormClient(t).get(`/dilemmas/${newId}`)).status).toBe(404);
    await member.submit(`/staff/library/${newId}`, `/staff/library/${newId}/status`, { status: 'published' });
    expect((await new FormClient(t).get(`/dilemmas/${newId}`)).status).toBe(200);
    await member.submit(`/staff/library/${newId}`, `/staff/library/${newId}/status`, { status: 'withdrawn' });
    expect((await new FormClient(t).get(`/dilemmas/${newId}`)).status).toBe(404);
  });

  it('lets only the panel set the minimum, and never below three', async () => {
    const member = await logInAs(t, panel);
    expect((await member.submit('/staff/library', '/staff/library/minimum', { minimum: '2' })).status).toBe(422);
    expect((await member.submit('/staff/library', '/staff/library/minimum', { minimum: '3' })).status).toBe(303);
    const [org] = await db().select({ k: organisations.dilemmaMinCount }).from(organisations).where(eq(organisations.id, t.organisationId));
    expect(org!.k).toBe(3);
    const boss = await logInAs(t, manager);
    expect((await boss.postWithOwnToken('/staff/library/minimum', { minimum: '50' })).status).toBe(403);
    await member.submit('/staff/library', '/staff/library/minimum', { minimum: '5' });
  });
});

/** A participant on their own device: joins with the code, sees the screen, votes. */
async function join(code: string) {
  const participant = new FormClient(t);
  const joined = await participant.submit('/join', '/join', { code });
  return { participant, joined };
}

describe('a team dilemma session', () => {
  it('runs from code to kept outcome, one vote per participant per round, suppressed below the minimum', async () => {
    const lead = await logInAs(t, facilitator);
    const ids = [(await idOf('confront-boss')).id, (await idOf('rewrite-study')).id];
    const started = await lead.submit('/staff/learning/sessions/new', '/staff/learning/sessions', { title: 'Team Vergunningen, 2 december', dilemmaIds: ids });
    expect(started.status).toBe(303);
    const sessionPath = started.location!;
    const screen = await lead.get(sessionPath);
    const code = /data-testid="join-code">([A-Z0-9-]+)</.exec(screen.html)![1]!;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    // Another facilitator does not see this session at all.
    const other = await logInAs(t, otherFacilitator);
    expect((await other.get(sessionPath)).status).toBe(404);

    const people = await Promise.all(Array.from({ length: 6 }, () => join(code.toLowerCase().replace('-', ' '))));
    for (const p of people) expect(p.joined.status).toBe(303);
    expect((await people[0]!.participant.get('/team')).html).toContain('U doet mee');

    const round = (n: number, step: string) => lead.submit(sessionPath, `${sessionPath.replace(/^\/o\/[^/]+/, '')}/advance`, { step, round: String(n) });
    await round(1, 'open');
    const voteToken = async (p: FormClient) => csrfTokenFor((await p.get('/team')).html, '/team/vote');
    const lateToken = await voteToken(people[4]!.participant);
    // Four of six vote; each clicks twice (the second time another option): one vote each.
    for (const [i, option] of [[0, 1], [1, 2], [2, 2], [3, 3]] as const) {
      const p = people[i]!.participant;
      const token = await voteToken(p);
      const sent = await p.post('/team/vote', { round: '1', option: String(option), _csrf: token });
      expect(sent.status).toBe(303);
      expect((await p.post('/team/vote', { round: '1', option: '4', _csrf: token })).status).toBe(303);
      expect((await p.get('/team')).html).toContain('Uw keuze is meegeteld');
    }
    const [counting] = await db().select().from(teamRounds).where(eq(teamRounds.position, 0));
    expect(counting!.counts.reduce((a, b) => a + b, 0)).toBe(4);
    // While the vote is open the facilitator sees how many voted, not how.
    expect((await lead.get(sessionPath)).html).not.toContain('data-testid="distribution"');
    await round(1, 'close');
    // A double click on "close" and a late vote change nothing.
    await round(1, 'close');
    const late = await people[4]!.participant.post('/team/vote', { round: '1', option: '1', _csrf: lateToken });
    expect(late.status).toBe(409);
    expect(late.html).toContain('Deze ronde is al gesloten');
    expect((await db().select().from(teamRounds).where(eq(teamRounds.position, 0)))[0]!.counts).toEqual([1, 2, 1, 0].slice(0, counting!.counts.length));
    const closed = await lead.get(sessionPath);
    // Four choices, below the minimum of five: the distribution stays hidden, on both screens.
    expect(closed.html).not.toContain('data-testid="distribution"');
    expect(closed.html).toContain('zodra minstens 5 mensen');
    expect((await people[0]!.participant.get('/team')).html).toContain('zodra minstens 5 mensen');

    await round(1, 'next');
    await round(1, 'next');
    for (const [i, option] of [[0, 1], [1, 1], [2, 2], [3, 4], [4, 1], [5, 2]] as const) await people[i]!.participant.submit('/team', '/team/vote', { round: '2', option: String(option) });
    await round(2, 'close');
    const second = await lead.get(sessionPath);
    expect(second.html).toContain('data-testid="distribution"');
    expect(second.html).toContain('6 keuzes');
    expect(second.html).toContain('50\u00a0%');
    expect((await people[5]!.participant.get('/team')).html).toContain('data-testid="distribution"');

    await lead.submit(sessionPath, `${sessionPath.replace(/^\/o\/[^/]+/, '')}/conclusion`, { round: '2', 'conclusion-2': 'We spreken af dat we bij herschrijfverzoeken eerst vragen wie het vraagt.' });
    const [sealed] = await db().select().from(teamSessions).where(eq(teamSessions.facilitatorId, facilitator.userId));
    expect(Buffer.from(sealed!.conclusionsSealed!).toString('latin1')).not.toContain('herschrijfverzoeken');
    await round(2, 'end');
    // Ending forgets the code and every participant; their screens send them back to /join.
    expect(await db().select().from(teamParticipants).where(eq(teamParticipants.sessionId, sealed!.id))).toEqual([]);
    const [ended] = await db().select().from(teamSessions).where(eq(teamSessions.id, sealed!.id));
    expect(ended!.codeHash).toBeNull();
    expect((await people[0]!.participant.get('/team')).location).toMatch(/\/join\?ended=1$/);
    expect((await join(code)).joined.status).toBe(422);

    await lead.submit(sessionPath, `${sessionPath.replace(/^\/o\/[^/]+/, '')}/keep`, { keep: 'keep' });
    const kept = await lead.get(sessionPath);
    expect(kept.html).toContain('herschrijfverzoeken');
    expect(kept.html).toContain('6 keuzes');
  });

  it('refuses a code of the wrong shape with a translated error, and throttles guessing without an address', async () => {
    const shape = await join('abc');
    expect(shape.joined.status).toBe(422);
    expect(shape.joined.html).toContain('tien letters en cijfers');
    // Wrong codes of one first pair: the budget's last two, then refused.
    await db().insert(receiptAttempts).values({ bucket: `team:${t.organisationId}:QQ`, windowStart: t.services.now(), failures: JOIN_BUDGET - 2 });
    const guesses: number[] = [];
    for (let i = 0; i < 3; i++) guesses.push((await join(`QQ${'ABC'[i]}ZZZZZZZ`)).joined.status);
    expect(guesses).toEqual([422, 422, 429]);
    // Another first pair of characters is not locked out.
    expect((await join('RRABCDEFGH')).joined.status).toBe(422);
    // A burst sent at once is counted like the same guesses one by one: never more than the budget gets an answer.
    const burst = await Promise.all(Array.from({ length: JOIN_BUDGET + 30 }, (_, i) => join(`SS${'ABCDEFGHJKMNPQRSTUVWXYZ234'[i % 26]}${'ABCDEFGHJK'[Math.floor(i / 26)]}ZZZZZZ`)));
    expect(burst.filter((b) => b.joined.status === 422)).toHaveLength(JOIN_BUDGET);
    expect(burst.filter((b) => b.joined.status === 429)).toHaveLength(30);
    // A session whose code starts with a spent pair: its right code is refused too (the answer
    // tells a guesser nothing), until the facilitator makes a new code.
    const lead = await logInAs(t, facilitator);
    const started = await lead.submit('/staff/learning/sessions/new', '/staff/learning/sessions', { title: 'Nieuwe code', dilemmaIds: [(await idOf('known-expert')).id] });
    const path = started.location!.replace(/^\/o\/[^/]+/, '');
    const [row] = await db().select().from(teamSessions).where(eq(teamSessions.id, path.split('/').pop()!));
    const code = /data-testid="join-code">([A-Z0-9-]+)</.exec((await lead.get(path)).html)![1]!.replace('-', '');
    await db().insert(receiptAttempts).values({ bucket: `team:${t.organisationId}:${code.slice(0, 2)}`, windowStart: t.services.now(), failures: JOIN_BUDGET }).onConflictDoUpdate({ target: receiptAttempts.bucket, set: { failures: JOIN_BUDGET, windowStart: t.services.now() } });
    const refused = await join(code);
    expect(refused.joined.status).toBe(429);
    expect(refused.joined.html).toContain('vraag de begeleider om een nieuwe code');
    await lead.submit(path, `${path}/code`, {});
    const renewed = /data-testid="join-code">([A-Z0-9-]+)</.exec((await lead.get(path)).html)![1]!.replace('-', '');
    expect(renewed).not.toBe(code);
    if (renewed.slice(0, 2) !== code.slice(0, 2)) expect((await join(renewed)).joined.status).toBe(303);
    // The old code no longer finds the session.
    expect((await db().select().from(teamSessions).where(eq(teamSessions.id, row!.id)))[0]!.codeHash).not.toEqual(row!.codeHash);
    const buckets = await db().select().from(receiptAttempts);
    for (const b of buckets) expect(b.bucket).not.toMatch(/\d+\.\d+\.\d+\.\d+|::/);
  });

  it('ends by itself twelve hours after it began: the code and every participant forgotten', async () => {
    const lead = await logInAs(t, facilitator);
    const started = await lead.submit('/staff/learning/sessions/new', '/staff/learning/sessions', { title: 'Vergeten sessie', dilemmaIds: [(await idOf('known-expert')).id] });
    const code = /data-testid="join-code">([A-Z0-9-]+)</.exec((await lead.get(started.location!)).html)![1]!;
    const { participant } = await join(code);
    expect((await participant.get('/team')).status).toBe(200);
    t.clock.advance(11 * 3600_000);
    await runDueJobs(t.services);
    expect((await participant.get('/team')).status).toBe(200);
    t.clock.advance(2 * 3600_000);
    // Past its hours the session no longer lets anyone in, even before the job ran.
    expect((await participant.get('/team')).location).toMatch(/\/join\?ended=1$/);
    await runDueJobs(t.services);
    const id = started.location!.split('/').pop()!;
    const [row] = await db().select().from(teamSessions).where(eq(teamSessions.id, id));
    expect(row!.state).toBe('ended');
    expect(row!.codeHash).toBeNull();
    expect(await db().select().from(teamParticipants).where(eq(teamParticipants.sessionId, id))).toEqual([]);
  });

  it('is for facilitators and managers only', async () => {
    for (const who of [secretary, admin, panel]) {
      const client = await logInAs(t, who);
      expect((await client.get('/staff/learning')).status, who.email).toBe(403);
    }
    expect((await (await logInAs(t, manager)).get('/staff/learning')).status).toBe(200);
  });
});

describe('moral deliberation', () => {
  it('leads the method step by step, keeps notes sealed, and proposes a precedent only with everyone’s consent', async () => {
    const lead = await logInAs(t, facilitator);
    const started = await lead.submit('/staff/learning', '/staff/learning/deliberations', { title: 'Beraad team Handhaving' });
    expect(started.status).toBe(303);
    const path = started.location!.replace(/^\/o\/[^/]+/, '');
    const first = await lead.get(path);
    expect(first.html).toContain('stap 1 van 6');
    const moved = await lead.submit(path, path, { step: '1', notes: 'Een inspecteur kreeg het verzoek een rapport te verzachten.', go: 'next' });
    expect(moved.location).toMatch(/step=2$/);
    const [row] = await db().select().from(deliberations).where(eq(deliberations.facilitatorId, facilitator.userId));
    expect(Buffer.from(row!.notesSealed!).toString('latin1')).not.toContain('inspecteur');
    // Back keeps what was typed at step 2 and shows step 1's notes again.
    const back = await lead.submit(`${path}?step=2`, path, { step: '2', notes: 'Mag ik dit weigeren?', go: 'back' });
    const stepOne = await lead.get(back.location!.replace(/^\/o\/[^/]+/, ''));
    expect(stepOne.html).toContain('Een inspecteur kreeg het verzoek');
    expect((await lead.get(`${path}?step=2`)).html).toContain('Mag ik dit weigeren?');
    // Another facilitator cannot open it.
    expect((await (await logInAs(t, otherFacilitator)).get(path)).status).toBe(404);

    const finished = await lead.submit(`${path}?step=6`, path, { step: '6', notes: 'Het team wil een vast moment voor tegenspraak.', go: 'finish' });
    expect(finished.location).toMatch(/\/result$/);
    const result = await lead.get(`${path}/result`);
    expect(result.html).toContain('Het team wil een vast moment');
    const before = await db().select().from(dilemmaProposals);
    const noConsent = await lead.submit(`${path}/result`, `${path}/propose`, { situation: 'Een inspecteur werd gevraagd een rapport te verzachten na contact met het bedrijf.', question: '' });
    expect(noConsent.status).toBe(422);
    expect(noConsent.html).toContain('Een inspecteur werd gevraagd');
    expect(await db().select().from(dilemmaProposals)).toHaveLength(before.length);
    const proposed = await lead.submit(`${path}/result`, `${path}/propose`, { situation: 'Een inspecteur werd gevraagd een rapport te verzachten na contact met het bedrijf.', question: '', consent: 'all' });
    expect(proposed.status).toBe(303);
    const after = await db().select().from(dilemmaProposals).where(eq(dilemmaProposals.source, 'deliberation'));
    expect(after).toHaveLength(1);
    // Proposed once: the form is gone, a forged second send is refused.
    expect((await lead.postWithOwnToken(`${path}/propose`, { situation: 'nog een keer hetzelfde voorstel sturen', question: '', consent: 'all' })).status).toBe(409);
  });
});

describe('attacks on what is sealed', () => {
  it('a sealed text moved to another row does not open, nor one with a byte changed', async () => {
    const lead = await logInAs(t, facilitator);
    const paths: string[] = [];
    for (const title of ['Beraad een', 'Beraad twee']) {
      const started = await lead.submit('/staff/learning', '/staff/learning/deliberations', { title });
      const path = started.location!.replace(/^\/o\/[^/]+/, '');
      await lead.submit(path, path, { step: '1', notes: `Aantekening bij ${title}`, go: 'save' });
      paths.push(path);
    }
    const [one, two] = paths.map((p) => p.split('/').pop()!);
    const [first] = await db().select().from(deliberations).where(eq(deliberations.id, one!));
    await db().update(deliberations).set({ notesSealed: first!.notesSealed }).where(eq(deliberations.id, two!));
    expect((await lead.get(paths[1]!)).status).toBe(409);
    const flipped = new Uint8Array(first!.notesSealed!);
    flipped[flipped.length - 1]! ^= 1;
    await db().update(deliberations).set({ notesSealed: flipped }).where(eq(deliberations.id, one!));
    expect((await lead.get(paths[0]!)).status).toBe(409);

    // Two submissions: the panel member's copy of one, put on the other, does not open there.
    const visitor = new FormClient(t);
    for (const situation of ['Eerste situatie over een rapport dat anders moest.', 'Tweede situatie over een vergunning voor een bekende.']) await visitor.submit('/dilemmas/submit', '/dilemmas/submit', { situation, question: '' });
    const waiting = await db().select().from(dilemmaProposals).where(and(eq(dilemmaProposals.organisationId, t.organisationId), eq(dilemmaProposals.status, 'new')));
    const [a, b] = waiting.slice(-2);
    const [copyA] = await db().select().from(dilemmaProposalCopies).where(and(eq(dilemmaProposalCopies.proposalId, a!.id), eq(dilemmaProposalCopies.userId, panel.userId)));
    await db().update(dilemmaProposalCopies).set({ sealed: copyA!.sealed }).where(and(eq(dilemmaProposalCopies.proposalId, b!.id), eq(dilemmaProposalCopies.userId, panel.userId)));
    const member = await logInAs(t, panel);
    expect((await member.get(`/staff/library/proposals/${b!.id}`)).status).toBe(409);
    expect((await member.get(`/staff/library/proposals/${a!.id}`)).status).toBe(200);
    // A forged decline from someone outside the panel changes nothing.
    expect((await lead.postWithOwnToken(`/staff/library/proposals/${a!.id}/decline`, {})).status).toBe(403);
    expect((await db().select().from(dilemmaProposals).where(eq(dilemmaProposals.id, a!.id)))[0]!.status).toBe('new');
  });
});

describe('the good-conversation guides', () => {
  it('are printable pages in both languages, linked from the self-check and the route finder, storing nothing', async () => {
    const visitor = new FormClient(t);
    for (const path of ['/good-conversation', '/good-conversation/employee', '/good-conversation/manager', '/good-conversation/employee?lang=en']) {
      const page = await visitor.get(path);
      expect(page.status, path).toBe(200);
    }
    expect((await visitor.get('/good-conversation/employee')).html).toContain('Wie geeft mij precies deze opdracht');
    expect(visitor.jar.size).toBe(0);
    expect((await visitor.get('/route-finder')).html).toContain('/good-conversation/employee');
  });
});

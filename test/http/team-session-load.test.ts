import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { teamParticipants, teamRounds, teamSessions } from '../../src/db/schema.js';
import { csrfTokenFor } from '../support/form-client.js';
import { startLiveServer } from '../support/live-server.js';
import { createStaff, currentCode, type TestStaff } from '../support/staff.js';

// Issue 16: a team dilemma session "must work with 40 participants answering within a few
// seconds". Here 40 browsers on their own connections to a real server join with the code at the
// same moment, then all vote at the same moment, each sending its vote twice at once (a double
// click): every request is answered, each vote counts once. How fast is measured in
// bench/team-session.ts, not here.
const PARTICIPANTS = 40;

let server: Awaited<ReturnType<typeof startLiveServer>>;
let facilitator: TestStaff;

beforeAll(async () => {
  server = await startLiveServer();
  facilitator = await createStaff(server, ['facilitator']);
});
afterAll(() => server?.stop());

interface Answer {
  status: number;
  html: string;
  location: string | null;
}

/** One browser with JavaScript off on its own connection: keeps its cookies, follows no redirect. */
class LiveClient {
  private readonly jar = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  get(path: string): Promise<Answer> {
    return this.send(path, { method: 'GET' });
  }

  post(path: string, fields: Record<string, string | string[]>): Promise<Answer> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.send(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl, 'sec-fetch-site': 'same-origin' },
    });
  }

  /** Loads the page that holds the form posting to `action`, and sends it with that form's token. */
  async submit(page: string, action: string, fields: Record<string, string | string[]>): Promise<Answer> {
    const token = csrfTokenFor((await this.get(page)).html, action);
    return this.post(action, { ...fields, _csrf: token });
  }

  private async send(path: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(`${this.baseUrl}${path}`, { method: init.method, body: init.body, headers, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      if (at < 1) continue;
      const name = pair.slice(0, at);
      if (/=$/.test(pair) || /Max-Age=0/i.test(setCookie)) this.jar.delete(name);
      else this.jar.set(name, pair.slice(at + 1));
    }
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }
}

/** The facilitator's browser, signed in through the real log-in form. */
async function facilitatorBrowser(): Promise<LiveClient> {
  server.clock.advance(30_000);
  const lead = new LiveClient(server.baseUrl);
  const signedIn = await lead.submit('/login', '/login', { email: facilitator.email, password: facilitator.password, totpCode: currentCode(server, facilitator.totpSecret) });
  expect(signedIn.status).toBe(303);
  return lead;
}

/** Every answer's status, counted: { 303: 40 } when all went well. */
const statuses = (answers: Answer[]) => answers.reduce<Record<number, number>>((all, a) => ({ ...all, [a.status]: (all[a.status] ?? 0) + 1 }), {});

const db = () => server.services.db;

describe('a team session with 40 participants at once, over real HTTP', () => {
  it('lets 40 browsers join and vote at the same moment, double clicks included, and counts each vote once', async () => {
    const lead = await facilitatorBrowser();
    // The facilitator's form lists the published library (seeded the first time it is opened); two rounds.
    const form = await lead.get('/staff/learning/sessions/new');
    const dilemmaIds = [...form.html.matchAll(/name="dilemmaIds" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!).slice(0, 2);
    expect(dilemmaIds).toHaveLength(2);
    const started = await lead.submit('/staff/learning/sessions/new', '/staff/learning/sessions', { title: 'Integriteitsweek, hele afdeling', dilemmaIds });
    expect(started.status).toBe(303);
    const sessionPath = new URL(started.location!, server.baseUrl).pathname;
    const sessionId = sessionPath.split('/').pop()!;
    const code = /data-testid="join-code">([A-Z0-9-]+)</.exec((await lead.get(sessionPath)).html)![1]!;
    const advance = async (round: number, step: 'open' | 'close' | 'next') => {
      const moved = await lead.submit(sessionPath, `${sessionPath}/advance`, { step, round: String(round) });
      expect(moved.status).toBe(303);
    };

    // Everyone opens the join page, then all send the code at the same moment.
    const people = Array.from({ length: PARTICIPANTS }, () => new LiveClient(server.baseUrl));
    const joinTokens = await Promise.all(people.map(async (p) => csrfTokenFor((await p.get('/join')).html, '/join')));
    const joins = await Promise.all(people.map((p, i) => p.post('/join', { code, _csrf: joinTokens[i]! })));
    expect(statuses(joins)).toEqual({ 303: PARTICIPANTS });
    for (const joined of joins) expect(joined.location).toMatch(/\/team$/);
    expect(await db().select().from(teamParticipants).where(eq(teamParticipants.sessionId, sessionId))).toHaveLength(PARTICIPANTS);

    const rounds = await db().select().from(teamRounds).where(eq(teamRounds.sessionId, sessionId)).orderBy(teamRounds.position);
    const countsOf = async (position: number) => (await db().select().from(teamRounds).where(and(eq(teamRounds.sessionId, sessionId), eq(teamRounds.position, position))))[0]!.counts;

    /** All 40 load their screen, then all vote at the same moment, each sending its form twice at once. */
    const voteRound = async (round: number) => {
      const options = rounds[round - 1]!.counts.length;
      const choice = (i: number) => ((i * 7 + round) % options) + 1;
      const screens = await Promise.all(people.map((p) => p.get('/team')));
      expect(statuses(screens)).toEqual({ 200: PARTICIPANTS });
      for (const screen of screens) expect(screen.html).toContain(`name="option" value="${options}"`);
      const tokens = screens.map((screen) => csrfTokenFor(screen.html, '/team/vote'));
      const votes = await Promise.all(
        people.flatMap((p, i) => {
          const fields = { round: String(round), option: String(choice(i)), _csrf: tokens[i]! };
          return [p.post('/team/vote', fields), p.post('/team/vote', fields)];
        }),
      );
      expect(statuses(votes)).toEqual({ 303: 2 * PARTICIPANTS });
      const expected = Array.from({ length: options }, (_, o) => people.filter((_, i) => choice(i) === o + 1).length);
      const counts = await countsOf(round - 1);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(PARTICIPANTS);
      expect(counts).toEqual(expected);
      const participants = await db().select({ votedPosition: teamParticipants.votedPosition }).from(teamParticipants).where(eq(teamParticipants.sessionId, sessionId));
      expect(participants).toHaveLength(PARTICIPANTS);
      expect(participants.every((row) => row.votedPosition === round - 1)).toBe(true);
      // Each screen now says the choice was counted, and offers no second vote.
      const after = await Promise.all(people.map((p) => p.get('/team')));
      for (const screen of after) {
        expect(screen.status).toBe(200);
        expect(screen.html).toContain('Uw keuze is meegeteld');
        expect(screen.html).not.toContain('action="/team/vote"');
      }
      return expected;
    };

    await advance(1, 'open');
    const first = await voteRound(1);
    await advance(1, 'close');
    await advance(1, 'next');
    const [session] = await db().select({ position: teamSessions.position, state: teamSessions.state }).from(teamSessions).where(eq(teamSessions.id, sessionId));
    expect(session).toEqual({ position: 1, state: 'voting' });
    await voteRound(2);
    // The second round's votes left the first round's counts alone.
    expect(await countsOf(0)).toEqual(first);

    // The facilitator's screen shows the 40 choices once the round closes.
    await advance(2, 'close');
    const closed = await lead.get(sessionPath);
    expect(closed.html).toContain('data-testid="distribution"');
    expect(closed.html).toContain(`${PARTICIPANTS} keuzes`);
  });
});

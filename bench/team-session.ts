// A team dilemma session at the size issue 16 asks for: 40 participants, each a browser with
// JavaScript off on its own connection to a real HTTP server, join with the code at the same moment,
// and once the facilitator opens the round all reload their screen and vote at the same moment.
// Timed: from sending the 40 joins until the last is answered, plus from the 40 reloads until the
// last vote is answered (the facilitator's steps and opening the join page are not timed). The
// correctness under the same load is tested in test/http/team-session-load.test.ts. Run alone with
// `npx tsx bench/team-session.ts`; `npm run bench` includes it.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import { unlockWithPassword } from '../src/crypto/account-keys.js';
import { boot } from '../src/bootstrap.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { dilemmas, teamRounds } from '../src/db/schema.js';
import { findActiveUserById } from '../src/domain/accounts/find-active-user.js';
import type { StaffActor } from '../src/domain/cases/open-case.js';
import { advanceTeamSession } from '../src/domain/learning/advance-team-session.js';
import { ensureDilemmaLibrary } from '../src/domain/learning/ensure-dilemma-library.js';
import { startTeamSession } from '../src/domain/learning/start-team-session.js';
import { viewTeamSession } from '../src/domain/learning/view-team-session.js';
import { unsafeCreateOrganisation } from '../src/domain/organisation/create-organisation.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logging.js';
import type { Mailer } from '../src/mail/mailer.js';
import type { Services } from '../src/services.js';
import { csrfTokenFor } from '../test/support/form-client.js';
import { percentile } from './measure.js';
import { BENCH_PASSWORD, createBenchStaff } from './staff.js';

type Fetcher = (request: Request) => Response | Promise<Response>;

export interface TeamSessionTimes {
  participants: number;
  /** Per session: all joins answered, all votes answered, and the two together (ms). */
  joinMs: number[];
  voteMs: number[];
  totalMs: number[];
}

/** A participant's browser: its own cookies, no redirects followed, the site's own origin on its forms. */
class Participant {
  private readonly jar = new Map<string, string>();

  constructor(
    private readonly url: string,
    private readonly origin: string,
  ) {}

  async get(path: string): Promise<{ status: number; html: string }> {
    const response = await fetch(`${this.url}${path}`, { headers: this.cookies(), redirect: 'manual' });
    this.keep(response);
    return { status: response.status, html: await response.text() };
  }

  async post(path: string, fields: Record<string, string>): Promise<number> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { ...this.cookies(), 'content-type': 'application/x-www-form-urlencoded', origin: this.origin, 'sec-fetch-site': 'same-origin' },
      redirect: 'manual',
    });
    this.keep(response);
    await response.arrayBuffer();
    return response.status;
  }

  private cookies(): Record<string, string> {
    return this.jar.size > 0 ? { cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') } : {};
  }

  private keep(response: Response) {
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      if (at < 1) continue;
      if (/=$/.test(pair) || /Max-Age=0/i.test(setCookie)) this.jar.delete(pair.slice(0, at));
      else this.jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
}

const expectAll = (what: string, statuses: number[], expected: number) => {
  const wrong = statuses.filter((status) => status !== expected);
  if (wrong.length > 0) throw new Error(`team session bench: ${wrong.length} of ${statuses.length} ${what} answered ${[...new Set(wrong)].join(', ')}, not ${expected}`);
};

/**
 * `sessions` team sessions of `participants` each, one after another (after one untimed warm-up),
 * at the installation's first organisation, over a real HTTP server on this machine. Serves on
 * "localhost", the host of the default BASE_URL, so the requests are for that organisation as a
 * participant's would be.
 */
export async function benchTeamSession(s: Services, app: { fetch: Fetcher }, sessions: number, participants = 40): Promise<TeamSessionTimes> {
  const [lead] = await createBenchStaff(s, ['facilitator'], 'team-');
  const user = await findActiveUserById(s, lead!.userId);
  const actor: StaffActor = { userId: lead!.userId, organisationId: lead!.organisationId, roles: ['facilitator'], privateKey: await unlockWithPassword(s.kdf, s.sodium, user!, BENCH_PASSWORD) };
  await ensureDilemmaLibrary(s, actor.organisationId);
  const [dilemma] = await s.db.select({ id: dilemmas.id }).from(dilemmas).where(and(eq(dilemmas.organisationId, actor.organisationId), eq(dilemmas.status, 'published'))).limit(1);

  const server = serve({ fetch: app.fetch, port: 0, hostname: 'localhost' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const origin = new URL(s.config.baseUrl).origin;
  const times: TeamSessionTimes = { participants, joinMs: [], voteMs: [], totalMs: [] };
  try {
    for (let run = 0; run <= sessions; run++) {
      const id = await startTeamSession(s, actor, { title: `Benchmark ${run}`, dilemmaIds: [dilemma!.id] });
      const { code } = await viewTeamSession(s, actor, id, 'nl');
      const people = Array.from({ length: participants }, () => new Participant(url, origin));
      // Everyone has the join page open and has typed the code; then all send it at once.
      const joinTokens = await Promise.all(people.map(async (p) => csrfTokenFor((await p.get('/join')).html, '/join')));
      const joinStart = performance.now();
      expectAll('joins', await Promise.all(people.map((p, i) => p.post('/join', { code: code!, _csrf: joinTokens[i]! }))), 303);
      const joinMs = performance.now() - joinStart;

      await advanceTeamSession(s, actor, id, { step: 'open', round: '1' });
      // The round is open: everyone reloads their screen and votes at once.
      const voteStart = performance.now();
      const votes = await Promise.all(
        people.map(async (p, i) => {
          const screen = await p.get('/team');
          return p.post('/team/vote', { round: '1', option: String((i % 3) + 1), _csrf: csrfTokenFor(screen.html, '/team/vote') });
        }),
      );
      const voteMs = performance.now() - voteStart;
      expectAll('votes', votes, 303);
      const [round] = await s.db.select({ counts: teamRounds.counts }).from(teamRounds).where(eq(teamRounds.sessionId, id));
      const counted = round!.counts.reduce((a, b) => a + b, 0);
      if (counted !== participants) throw new Error(`team session bench: ${counted} votes counted, not ${participants}`);
      await advanceTeamSession(s, actor, id, { step: 'end', round: '1' });
      if (run === 0) continue;
      times.joinMs.push(joinMs);
      times.voteMs.push(voteMs);
      times.totalMs.push(joinMs + voteMs);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return times;
}

/** The table's row: p95 of the two bursts together, with each burst's own p95 beside it. */
export function teamSessionRow(times: TeamSessionTimes): { measure: string; value: string; ratio: string } {
  const ms = (values: number[]) => percentile(values, 95).toFixed(0);
  return {
    measure: `Team session: ${times.participants} participants join and vote, all at once over HTTP (p95 of ${times.totalMs.length} sessions; joins + votes; target a few seconds)`,
    value: `${ms(times.totalMs)} ms (${ms(times.joinMs)} + ${ms(times.voteMs)})`,
    ratio: '-',
  };
}

// Alone: `npx tsx bench/team-session.ts` (BENCH_TEAM_SESSIONS sessions, default 10) prints only this row.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const nullMailer: Mailer = { send: async () => {}, close: () => {} };
  const config = parseConfig({ SESSION_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', DATA_DIR: '.tmp/bench' });
  const database = await openDatabase({ kind: 'pglite' });
  const { services, close } = await boot(config, { database, mailer: nullMailer, logger: createLogger('silent') });
  await unsafeCreateOrganisation(services, { name: 'Benchmark' });
  const row = teamSessionRow(await benchTeamSession(services, createApp(services), Number(process.env.BENCH_TEAM_SESSIONS ?? 10)));
  console.log(`${row.measure}  ${row.value.padStart(12)}  ${row.ratio.padStart(6)}`);
  await close();
  await database.close();
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KdfRequest } from '../../src/crypto/kdf-pool.js';
import { inviteUser } from '../../src/domain/accounts/invite-user.js';
import { setUserDisabled } from '../../src/domain/accounts/update-user.js';
import { purgeExpiredSessions } from '../../src/jobs/purge-expired-sessions.js';
import { csrfTokenFor, FormClient } from '../support/form-client.js';
import { createStaff, currentCode, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 12: the staff log-in answers the same for an address with an account and one without
// (none at all, a deactivated account, an invitation not yet accepted): the same status, headers
// and page at every attempt number, through the throttle's locks and its daily clean-up, and the
// same work behind it (the same SQL statements in the same order, the same Argon2id runs). Speed is
// measured in bench/login.ts, never here.

let t: TestApp;
let active: TestStaff;
let deactivated: TestStaff;
const invited = 'nog-niet-begonnen@example.nl';
const unknown = 'niemand-hier@example.nl';

// What one request did, observed on the real objects (the real pool still derives, the real
// database still answers): the derivations asked for and the SQL sent, in order.
let recording = false;
const derivations: KdfRequest[] = [];
const statements: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const admin = await createStaff(t, ['administrator']);
  active = await createStaff(t, ['analyst']);
  deactivated = await createStaff(t, ['analyst']);
  const actor = { userId: admin.userId, organisationId: t.organisationId, roles: ['administrator'] as const };
  await setUserDisabled(t.services, actor, deactivated.userId, true);
  await inviteUser(t.services, actor, { email: invited, displayName: 'Nog niet begonnen', roles: ['analyst'] });

  const kdf = t.services.kdf;
  const derive = kdf.derive;
  kdf.derive = (request) => {
    if (recording) derivations.push(request);
    return derive(request);
  };
  const { pglite, pool } = t.services.database.raw;
  const client = (pglite ?? pool) as unknown as { query: (...args: unknown[]) => Promise<unknown> };
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    if (recording) statements.push(sqlText(args[0]));
    return query(...args);
  };
});
afterAll(() => t.close());

function sqlText(first: unknown): string {
  return typeof first === 'string' ? first : String((first as { text?: string }).text ?? JSON.stringify(first));
}

interface Answer {
  status: number;
  retryAfter: string | null;
  headers: string;
  page: string;
  derivations: string;
  statements: string[];
}

async function attempt(email: string, password = 'not the password at all'): Promise<Answer> {
  const client = new FormClient(t);
  const token = csrfTokenFor((await client.get('/login')).html, '/login');
  derivations.length = 0;
  statements.length = 0;
  recording = true;
  let response;
  try {
    response = await client.post('/login', { email, password, totpCode: '123456', _csrf: token });
  } finally {
    recording = false;
  }
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    // Every header and cookie by name and value, but for the date and the CSP nonce.
    headers: headerLines(response.headers),
    // The page, but for the form's token, the nonces and the address typed (kept in the form).
    page: response.html
      .replace(/name="_csrf" value="[^"]*"/g, '')
      .replace(/nonce="[^"]*"/g, '')
      .replaceAll(`value="${email}"`, 'value="(address)"'),
    derivations: JSON.stringify(derivations.map((d) => ({ ops: d.opsLimit, mem: d.memLimit, out: d.outputLength, salt: d.salt.length }))),
    statements: [...statements],
  };
}

function headerLines(headers: Headers): string {
  const lines: string[] = [];
  headers.forEach((value, name) => {
    if (name !== 'date') lines.push(`${name}: ${value.replace(/'nonce-[^']+'/g, "'nonce'")}`);
  });
  return lines.sort().join('\n');
}

const addresses = () => ({ active: active.email, deactivated: deactivated.email, invited, unknown });

/** One attempt on every address at the same moment; every answer must equal the active account's. */
async function round(label: string): Promise<Answer> {
  const answers = Object.entries(addresses()).map(([name, email]) => ({ name, email }));
  const results: Array<{ name: string; answer: Answer }> = [];
  for (const { name, email } of answers) results.push({ name, answer: await attempt(email) });
  const [first, ...others] = results;
  for (const other of others) {
    expect(other.answer, `${label}: ${other.name} against the active account`).toEqual(first!.answer);
  }
  return first!.answer;
}

describe('log-in answers the same with and without an account', () => {
  it('in status, headers, page and work, at every attempt through the locks and the daily clean-up', async () => {
    t.clock.advance(3600_000);
    const seen: Array<{ attempt: number; status: number; retryAfter: string | null }> = [];
    let counted = 0;
    let n = 0;
    const step = async (advanceMs: number) => {
      t.clock.advance(advanceMs);
      const answer = await round(`attempt ${++n}`);
      seen.push({ attempt: n, status: answer.status, retryAfter: answer.retryAfter });
      if (answer.status === 422) counted++;
      return answer;
    };

    // Five free wrong attempts, each one Argon2id run on every address.
    for (let i = 0; i < 5; i++) {
      const answer = await step(7_000);
      expect(answer.status).toBe(422);
      expect(answer.page).toContain('Inloggen is niet gelukt');
      expect(JSON.parse(answer.derivations)).toHaveLength(1);
      // The observation is not empty: the count and the account lookup are among the statements.
      expect(answer.statements.join('\n')).toMatch(/"login_attempts"[\s\S]*"users"/);
    }
    // The 6th is refused for a minute (less the second since), without any derivation.
    const locked = await step(1_000);
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe('59');
    expect(JSON.parse(locked.derivations)).toHaveLength(0);
    // Then, through doubling locks to the hour: a wrong attempt once each lock is over, and one
    // during the next lock, up to the 20th counted wrong attempt.
    while (counted < 20) {
      expect((await step(61 * 60_000)).status).toBe(422);
      const during = await step(30_000);
      expect(during.status).toBe(429);
      expect(Number(during.retryAfter)).toBe(Math.min(2 ** (counted - 5), 60) * 60 - 30);
    }
    expect(n).toBeGreaterThanOrEqual(25);
    expect(seen.filter((s) => s.status === 429).length).toBeGreaterThan(10);

    // A day without attempts: the daily clean-up forgets every address alike, with or without an
    // account, so each has five free attempts again.
    t.clock.advance(25 * 3600_000);
    await purgeExpiredSessions(t.services);
    for (let i = 0; i < 5; i++) expect((await step(1_000)).status).toBe(422);
    expect((await step(1_000)).status).toBe(429);
  }, 180_000);

  it('lets the real person in once a lock is over, and that success starts the count afresh', async () => {
    const staff = await createStaff(t, ['analyst']);
    for (let i = 0; i < 5; i++) expect((await attempt(staff.email)).status).toBe(422);
    expect((await attempt(staff.email, staff.password)).status).toBe(429);
    t.clock.advance(61_000);
    expect((await logInAs(t, staff)).cookie).not.toBeNull();
    // Afresh: five free wrong attempts again, then the lock, whatever the password.
    for (let i = 0; i < 5; i++) expect((await attempt(staff.email)).status).toBe(422);
    t.clock.advance(30_000);
    const client = new FormClient(t);
    const lockedOut = await client.submit('/login', '/login', { email: staff.email, password: staff.password, totpCode: currentCode(t, staff.totpSecret) });
    expect(lockedOut.status).toBe(429);
  });
});

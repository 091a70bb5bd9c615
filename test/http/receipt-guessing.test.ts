import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKdfPool, KdfBusyError } from '../../src/crypto/kdf-pool.js';
import { postJson } from '../support/api.js';
import { createStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A scripted guessing run against the real server: guesses are bounded per first group of digits,
// reserved before the expensive derivation (so parallel guesses cannot overshoot), and no amount of
// guessing elsewhere locks out a reporter whose receipt is real.
let t: TestApp;
let receipt: string;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['ethics_panel_member']);
  const response = await api('/api/v1/reports', { route: 'ethics', anonymity: 'anonymous', answers: { QUESTION: 'Echte vraag.' }, language: 'nl' });
  receipt = String(response.json.receipt);
});
afterAll(() => t.close());

const api = (path: string, body: unknown) => postJson(t, path, body);
const guess = (bucket: number, i: number) => api('/api/v1/reporter/session', { receipt: `${String(bucket).padStart(4, '0')}-0000-0000-0000-${String(i).padStart(4, '0')}` });

async function inParallel<T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  }));
  return results;
}

describe('receipt guessing', () => {
  it('a run of 200 guesses over ten groups: ten derivations per group, the rest refused at once, never a server error; the real receipt still opens', async () => {
    const realGroup = Number(receipt.slice(0, 4));
    const groups = Array.from({ length: 10 }, (_, i) => (realGroup + 1 + i) % 10_000);
    const results = await inParallel(200, 8, (i) => guess(groups[i % 10]!, i));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 422 || s === 429)).toBe(true);
    // Exactly the budget per group was spent on derivations, in parallel too.
    expect(statuses.filter((s) => s === 422)).toHaveLength(10 * 10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100);
    expect((await api('/api/v1/reporter/session', { receipt })).status).toBe(200);
  }, 120_000);

  it('twenty-five guesses at once in one group: exactly ten are tried', async () => {
    const group = (Number(receipt.slice(0, 4)) + 5000) % 10_000;
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => guess(group, i)));
    expect(results.filter((r) => r.status === 422)).toHaveLength(10);
    expect(results.filter((r) => r.status === 429)).toHaveLength(15);
  }, 120_000);

  it('a reporter who mistypes and then gets it right does not use up their group\'s budget', async () => {
    const group = receipt.slice(0, 4);
    for (let i = 0; i < 9; i++) expect((await api('/api/v1/reporter/session', { receipt: `${group}-9999-9999-9999-${String(i).padStart(4, '0')}` })).status).toBe(422);
    expect((await api('/api/v1/reporter/session', { receipt })).status).toBe(200);
    expect((await api('/api/v1/reporter/session', { receipt })).status).toBe(200);
    // The two good ones gave their reservation back: one more mistake is still tried.
    expect((await api('/api/v1/reporter/session', { receipt: `${group}-9999-9999-9999-9999` })).status).toBe(422);
    expect((await api('/api/v1/reporter/session', { receipt: `${group}-9999-9999-9999-9998` })).status).toBe(429);
  }, 120_000);
});

describe('the derivation queue', () => {
  it('is bounded: past it a request is refused at once as busy, and the pool goes on working', async () => {
    const pool = createKdfPool({ threads: 1, maxQueue: 1 });
    try {
      const request = { secret: 'x', salt: new Uint8Array(16), outputLength: 32 };
      const running = [pool.derive(request), pool.derive(request)];
      await expect(pool.derive(request)).rejects.toBeInstanceOf(KdfBusyError);
      await Promise.all(running);
      expect(await pool.derive(request)).toHaveLength(32);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

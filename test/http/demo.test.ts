import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase32 } from '../../src/crypto/encoding.js';
import { roles } from '../../src/domain/access/roles.js';
import { seedDemo } from '../../src/domain/demo/seed-demo.js';
import { FormClient } from '../support/form-client.js';
import { currentCode } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { organisation: false });
});
afterAll(() => t.close());

describe('demo organisation', () => {
  it('has one working account per role, and seeding again returns the same details', async () => {
    const accounts = await seedDemo(t.services);
    expect(accounts.map((a) => a.role).sort()).toEqual([...roles].sort());
    expect(await seedDemo(t.services)).toEqual(accounts);
    for (const account of accounts) {
      t.clock.advance(30_000);
      const client = new FormClient(t);
      const response = await client.submit('/login', '/login', { email: account.email, password: account.password, totpCode: currentCode(t, fromBase32(account.totpSecret)!) });
      expect(response.status, account.role).toBe(303);
      expect((await client.get('/staff')).status).toBe(200);
    }
  });

  it('refuses to seed over a real installation', async () => {
    const real = await createTestApp();
    try {
      await expect(seedDemo(real.services)).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      await real.close();
    }
  });
});

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

describe('demo organisations', () => {
  it('has three organisations, one account per role in the first, every account working at its own address, and seeding again returns the same details', async () => {
    const accounts = await seedDemo(t.services);
    expect(accounts.filter((a) => a.organisation === 'demo').map((a) => a.role).sort()).toEqual([...roles].sort());
    expect(new Set(accounts.map((a) => a.organisation))).toEqual(new Set(['demo', 'demo-waterschap', 'demo-agentschap']));
    expect(await seedDemo(t.services)).toEqual(accounts);
    for (const account of accounts) {
      t.clock.advance(30_000);
      const client = new FormClient(t, undefined, `/o/${account.organisation}`);
      const response = await client.submit('/login', '/login', { email: account.email, password: account.password, totpCode: currentCode(t, fromBase32(account.totpSecret)!) });
      expect(response.status, account.role).toBe(303);
      expect((await client.get('/staff')).status).toBe(200);
    }
  });

  it('lists the three on the installation’s start page; the agency’s commission reports go to the municipality’s commission', async () => {
    const home = await new FormClient(t).get('/');
    for (const slug of ['demo', 'demo-waterschap', 'demo-agentschap']) expect(home.html).toContain(`href="/o/${slug}/"`);
    const agency = await new FormClient(t, undefined, '/o/demo-agentschap').get('/');
    expect(agency.html).toContain('Demo-agentschap Tegenspraak');
    // The readers named for its commission route are the municipality's commission members.
    expect(agency.html).toContain('Demo secretary');
    expect(agency.html).not.toContain('Demo secretary (Demo-waterschap');
    // Each of the other two in its own colours; the municipality in the standard look.
    expect((await new FormClient(t, undefined, '/o/demo-agentschap').get('/theme.css')).html).toContain('#6b2c6f');
    expect((await new FormClient(t, undefined, '/o/demo-waterschap').get('/theme.css')).html).toContain('#00594f');
    expect((await new FormClient(t, undefined, '/o/demo').get('/')).html).not.toContain('theme.css');
  });

  it('shows the municipality’s figures with its own monitor results beside them, and the agency’s reports among the commission’s', async () => {
    const accounts = await seedDemo(t.services);
    const chair = accounts.find((a) => a.organisation === 'demo' && a.role === 'chair')!;
    t.clock.advance(30_000);
    const client = new FormClient(t, undefined, '/o/demo');
    await client.submit('/login', '/login', { email: chair.email, password: chair.password, totpCode: currentCode(t, fromBase32(chair.totpSecret)!) });
    const page = await client.get('/staff/figures');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Integriteitsmonitor: Demo-peiling 2026');
    expect(page.html).toContain('Respons: 48.');
    expect(page.html).toMatch(/\d+(,\d)?\u00a0%/);
    // The shared commission's figures name the agency it serves.
    expect(page.html).toContain('Demo-agentschap Tegenspraak');
    expect(page.html).toContain('Alle organisaties samen');
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A database error's message can quote what was written (a name, an address, a query's values).
// Forced here with triggers that put the row's data in the message: neither the error handler of
// a request nor the scheduler may let any of it reach the log.
let t: TestApp;
let admin: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, ['administrator']);
});
afterAll(() => t.close());

describe('a database error', () => {
  it('in a request: a translated 500 page without a stack, and a log line without the data', async () => {
    await t.services.db.execute(sql`create function leak_name() returns trigger language plpgsql as $$ begin raise exception 'refused name %', new.name; end $$`);
    await t.services.db.execute(sql`create trigger leak_name before update on organisations for each row execute function leak_name()`);
    try {
      t.logLines.length = 0;
      const client = await logInAs(t, admin);
      const response = await client.submit('/staff/settings', '/staff/settings', {
        name: 'Geheime-Naam-4711',
        defaultLanguage: 'nl',
        contactText: 'x',
        commissionText: '',
        panelText: '',
        retentionMonths: '24',
        timeZone: 'Europe/Amsterdam',
        headcount: '',
        languages: ['nl', 'en'],
      });
      expect(response.status).toBe(500);
      expect(response.html).not.toContain('Geheime-Naam-4711');
      expect(response.html).not.toMatch(/at .*\.(ts|js):\d+/);
      const log = t.logLines.join('');
      expect(log).toContain('request failed');
      expect(log).not.toContain('Geheime-Naam-4711');
      expect(log).not.toContain('refused name');
    } finally {
      await t.services.db.execute(sql`drop trigger leak_name on organisations`);
      await t.services.db.execute(sql`drop function leak_name()`);
    }
  });

  it('in a scheduled job: a log line with the error\'s kind only', async () => {
    // Something waits for the secretariat, so the daily digest claims its day (a row in job_runs).
    await createStaff(t, ['secretary']);
    await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Wacht op het secretariaat.', WANT: ['advice'] });
    await t.services.db.execute(sql`create function leak_job() returns trigger language plpgsql as $$ begin raise exception 'refused job %', new.key; end $$`);
    await t.services.db.execute(sql`create trigger leak_job before insert on job_runs for each row execute function leak_job()`);
    try {
      t.logLines.length = 0;
      const scheduler = startScheduler(t.services, 3600);
      await expect.poll(() => t.logLines.join('').includes('scheduled jobs failed')).toBe(true);
      await scheduler.stop();
      const log = t.logLines.join('');
      expect(log).not.toContain('refused job');
      expect(log).not.toMatch(/digest:|reminder:/);
    } finally {
      await t.services.db.execute(sql`drop trigger leak_job on job_runs`);
      await t.services.db.execute(sql`drop function leak_job()`);
    }
  });
});

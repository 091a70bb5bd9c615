import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Without SMTP_URL the app runs its own development mail sink. It must not put recipients, links
// or texts in the log (an invitation link is a secret, a reporter's address is sealed elsewhere):
// mails go to files under the data folder that only the server's user can read.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { developmentMail: true });
});
afterAll(() => t.close());

describe('the development mail sink', () => {
  it('writes each mail to a 0600 file in the data folder and logs neither recipient, subject nor link', async () => {
    const admin = await createStaff(t, ['administrator']);
    const client = await logInAs(t, admin);
    const invited = await client.submit('/staff/users', '/staff/users', { displayName: 'Mila Mail', email: 'mila.geheim@example.nl', roles: ['analyst'] });
    expect(invited.status).toBeLessThan(400);
    const folder = join(t.services.config.dataDir, 'mail');
    await expect.poll(async () => (await readdir(folder).catch(() => [])).length).toBeGreaterThan(0);
    const files = await readdir(folder);
    const contents = await Promise.all(files.map((f) => readFile(join(folder, f), 'utf8')));
    const invitation = contents.find((c) => c.includes('mila.geheim@example.nl'))!;
    expect(invitation).toMatch(/\/invitation\//);
    for (const file of files) expect((await stat(join(folder, file))).mode & 0o777).toBe(0o600);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);

    const log = t.logLines.join('');
    expect(log).toContain('mail written to the development mail folder');
    expect(log).not.toContain('mila.geheim');
    expect(log).not.toContain('/invitation/');
    expect(log).not.toMatch(/Subject|Uitnodiging/i);
  });
});

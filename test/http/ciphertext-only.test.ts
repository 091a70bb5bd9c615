import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { organisations } from '../../src/db/schema.js';
import { FormClient } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp } from '../support/test-app.js';

const run = promisify(execFile);

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/** Every byte the database engine wrote: the PGlite data folder, or a pg_dump of the server database. */
async function rawDatabaseBytes(dataDir: string, databaseUrl: string | undefined): Promise<Buffer> {
  if (databaseUrl) {
    const { stdout } = await run('pg_dump', ['--no-owner', databaseUrl], { maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' });
    return stdout as unknown as Buffer;
  }
  return Buffer.concat(await Promise.all((await filesUnder(dataDir)).map((file) => readFile(file))));
}

describe('what a database dump holder sees', () => {
  it('finds no trace of any answer, identity or message, while plain settings are visible', async () => {
    const marker = `ZQX${Date.now().toString(36).toUpperCase()}MARK`;
    const control = `CTRL${Date.now().toString(36).toUpperCase()}PLAIN`;
    const dataDir = await mkdtemp(join(tmpdir(), 'tegenspraak-raw-'));
    const t = await createTestApp({}, { pgliteDataDir: join(dataDir, 'db') });
    let closed = false;
    try {
      await t.services.db.update(organisations).set({ contactText: control });
      const secretary = await createStaff(t, ['secretary']);
      await createStaff(t, ['chair']);
      const receipt = await reportThroughForm(
        t,
        { KIND: 'improper_pressure', WHAT: `${marker} wat er gebeurde`, WHEN: `${marker} voorjaar`, WANT: ['advice'], MEETING: 'no' },
        { anonymity: 'confidential', identity: { name: `${marker} naam`, contact: `${marker}@prive.example` }, files: [{ name: `${marker}.txt`, bytes: Buffer.from(`${marker} inhoud van een bijlage`) }] },
      );
      const handler = await logInAs(t, secretary);
      const caseId = /href="\/staff\/cases\/([0-9a-f-]{36})"/.exec((await handler.get('/staff/cases')).html)![1]!;
      await declareNoRelation(handler, caseId);
      await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/messages`, { text: `${marker} antwoord van de commissie` });
      const reporter = await openWithReceipt(t, receipt);
      await reporter.submit('/my-report', '/my-report/messages', { text: `${marker} reactie van de melder` });
      expect((await reporter.get('/my-report')).html).toContain(`${marker} antwoord van de commissie`);
      await new FormClient(t).get('/');

      const logs = t.logLines.join('');
      // A server database is dumped while it exists; a PGlite folder is read once it is closed.
      const dumped = t.databaseUrl ? await rawDatabaseBytes('', t.databaseUrl) : null;
      await t.close();
      closed = true;
      const raw = dumped ?? (await rawDatabaseBytes(join(dataDir, 'db'), undefined));
      expect(raw.length).toBeGreaterThan(10_000);
      // The scan works: an unencrypted setting is found...
      expect(raw.includes(Buffer.from(control))).toBe(true);
      // ...and nothing the reporter or the handlers wrote is, nor the receipt.
      expect(raw.includes(Buffer.from(marker))).toBe(false);
      expect(raw.includes(Buffer.from(receipt.replace(/-/g, '')))).toBe(false);
      expect(logs).not.toContain(marker);
    } finally {
      if (!closed) await t.close();
    }
  });
});

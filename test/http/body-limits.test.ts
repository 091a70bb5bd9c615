import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/domain/surveys/import-responses.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { createStaff, logInAs } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Each address has the body limit of what it really takes, enforced before anything reads the
// body (the CSRF check included): form steps are small, only the report's send and the message
// forms take attachments, and the survey import takes its own 20 MiB.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t, ['secretary']);
});
afterAll(() => t.close());

const raw = (path: string, bytes: number, contentType = 'application/x-www-form-urlencoded') =>
  t.app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': contentType, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }, body: `x=${'a'.repeat(bytes)}` });

describe('body limits', () => {
  it('a form step takes the small limit, refused before the CSRF check reads anything', async () => {
    // Without a valid token: a body over the limit is refused as too large (413), not as forged (403).
    expect((await raw('/report/commission', 300 * 1024)).status).toBe(413);
    expect((await raw('/report/commission', 10 * 1024)).status).toBe(403);
    expect((await raw('/receipt', 300 * 1024)).status).toBe(413);
    expect((await raw('/login', 300 * 1024)).status).toBe(413);
    // The send address takes attachments: the same body is not too large there.
    expect((await raw('/report/commission/send', 300 * 1024)).status).toBe(403);
  });

  it('the survey import has its own limit: a large file is read, a file over 20 MiB is refused', async () => {
    const analyst = await logInAs(t, await createStaff(t, ['analyst']));
    await analyst.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: 'Grote organisatie', sector: 'other' });
    const orgId = /value="([0-9a-f-]{36})"/.exec((await analyst.get('/staff/surveys')).html)![1]!;
    const created = await analyst.submit('/staff/surveys', '/staff/surveys', { waveName: 'Groot', organisationIds: [orgId], extraNl: '', extraEn: '' });
    const waveId = /([0-9a-f-]{36})$/.exec(created.location!)![1]!;
    const token = hiddenValue((await analyst.get(`/staff/surveys/${waveId}`)).html, '_csrf');
    const line = 'Grote organisatie,3\n';
    const csv = (bytes: number) => Buffer.from(`ORG,FP1\n${line.repeat(Math.ceil(bytes / line.length))}`);
    const large = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: token }, [{ field: 'file', name: 'groot.csv', bytes: csv(2 * 1024 * 1024) }]);
    expect(large.status).toBe(200);
    expect(large.html).toMatch(/\d+ antwoorden geïmporteerd/);
    const tooLarge = await analyst.postMultipart(`/staff/surveys/${waveId}/import`, { _csrf: token }, [{ field: 'file', name: 'te-groot.csv', bytes: csv(MAX_IMPORT_BYTES + 2 * 1024 * 1024) }]);
    expect(tooLarge.status).toBe(413);
  }, 120_000);

  it('GET requests are not touched by the limits', async () => {
    expect((await new FormClient(t).get('/report/commission')).status).toBe(200);
  });
});

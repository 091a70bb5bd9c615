import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { attachments, cases } from '../../src/db/schema.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let secretary: TestStaff;
let ethics: TestStaff;
const secret = 'AUTHOR-J.JANSEN-GPS-52.09';
const answers = { KIND: 'improper_pressure', WHAT: 'Met bijlagen.', WANT: ['advice'] };

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_BYTES: String(200 * 1024) });
  secretary = await createStaff(t, ['secretary']);
  ethics = await createStaff(t, ['ethics_panel_member']);
});
afterAll(() => t.close());

async function pdfWithAuthor(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage();
  (document.context.lookup(document.context.trailerInfo.Info) as PDFDict).set(PDFName.of('Author'), PDFString.of(secret));
  return document.save({ useObjectStreams: false });
}

function jpegWithExif(): Uint8Array {
  const exif = Buffer.from(`Exif\0\0${secret}`, 'latin1');
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 255]),
    exif,
    Buffer.from([0xff, 0xda, 0, 4, 1, 2]),
    Buffer.from('PIXELDATA'),
    Buffer.from([0xff, 0xd9]),
  ]);
}

async function latestCaseId(handler: FormClient): Promise<string> {
  const caseId = /href="\/staff\/cases\/([0-9a-f-]{36})"/.exec((await handler.get('/staff/cases')).html)![1]!;
  await declareNoRelation(handler, caseId);
  return caseId;
}

describe('attachments', () => {
  it('arrive without their metadata, encrypted, and download intact for the handler', async () => {
    const receipt = await reportThroughForm(t, answers, {
      files: [
        { name: 'notulen.pdf', bytes: await pdfWithAuthor() },
        { name: 'foto van whiteboard.jpg', bytes: jpegWithExif() },
        { name: 'aantekeningen.txt', bytes: Buffer.from('Gewone aantekeningen.') },
      ],
    });
    const handler = await logInAs(t, secretary);
    const caseId = await latestCaseId(handler);
    const page = await handler.get(`/staff/cases/${caseId}`);
    const links = [...page.html.matchAll(/href="(\/staff\/cases\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(3);
    const downloads = await Promise.all(links.map((link) => handler.get(link)));
    const byType = Object.fromEntries(downloads.map((d) => [d.headers.get('content-type')!, d]));
    const pdf = byType['application/pdf']!;
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="notulen.pdf"/);
    expect(pdf.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(pdf.bytes).includes(Buffer.from(secret))).toBe(false);
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(1);
    const jpeg = byType['image/jpeg']!;
    expect(Buffer.from(jpeg.bytes).includes(Buffer.from(secret))).toBe(false);
    expect(Buffer.from(jpeg.bytes).includes(Buffer.from('PIXELDATA'))).toBe(true);
    expect(byType['text/plain; charset=utf-8']!.html).toBe('Gewone aantekeningen.');

    // Nothing of the files is readable in the database.
    const rows = await t.services.db.select().from(attachments).where(eq(attachments.caseId, caseId));
    for (const row of rows) expect(Buffer.from(row.ciphertext).includes(Buffer.from('Gewone aantekeningen'))).toBe(false);

    // The reporter sees and downloads them too.
    const reporter = await openWithReceipt(t, receipt);
    const mine = await reporter.get('/my-report');
    const reporterLinks = [...mine.html.matchAll(/href="(\/my-report\/files\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(reporterLinks).toHaveLength(3);
    expect((await reporter.get(reporterLinks[0]!)).status).toBe(200);
  });

  it('travel both ways with messages', async () => {
    const receipt = await reportThroughForm(t, answers);
    const reporter = await openWithReceipt(t, receipt);
    const mine = await reporter.get('/my-report');
    const sent = await reporter.postMultipart('/my-report/messages', { text: '', _csrf: hiddenValue(mine.html, '_csrf') }, [{ field: 'files', name: 'bewijs.txt', bytes: Buffer.from('Het bewijs.') }]);
    expect(sent.status).toBe(303);
    const handler = await logInAs(t, secretary);
    const caseId = await latestCaseId(handler);
    const casePage = await handler.get(`/staff/cases/${caseId}`);
    expect(casePage.html).toContain('bewijs.txt');
    const reply = await handler.postMultipart(`/staff/cases/${caseId}/messages`, { text: 'Zie bijlage.', _csrf: hiddenValue(casePage.html, '_csrf') }, [{ field: 'files', name: 'antwoord.txt', bytes: Buffer.from('Ons antwoord.') }]);
    expect(reply.status).toBe(303);
    const after = await reporter.get('/my-report');
    expect(after.html).toContain('antwoord.txt');
    expect(after.html).toContain('Zie bijlage.');
  });

  it('refuses disguised, oversized and too many files, keeps the draft and stores nothing', async () => {
    const client = new FormClient(t);
    const before = (await t.services.db.select({ n: count() }).from(cases))[0]!.n;
    let page = await client.get('/report/commission');
    const step = async (fields: Record<string, string | string[]>) => {
      page = await client.post('/report/commission', { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
      return page;
    };
    await step({ anonymity: 'anonymous', _go: 'next' });
    await step({ KIND: 'risk_signal', WHAT: 'Te weinig mensen.', _go: 'next' });
    await step({ _go: 'next' });
    await step({ _go: 'next' });
    await step({ WANT: ['record_only'], _go: 'next' });
    const review = page;
    const send = (files: { name: string; bytes: Uint8Array }[]) =>
      client.postMultipart('/report/commission/send', { _go: 'send', _draft: hiddenValue(review.html, '_draft'), _at: 'review', _csrf: hiddenValue(review.html, '_csrf') }, files.map((f) => ({ field: 'files', ...f })));
    // The review page's own send button posts there, with its files; its other buttons post without them.
    expect(review.html).toContain('formaction="/report/commission/send"');
    expect(review.html).toContain('enctype="multipart/form-data"');
    expect(review.html).toMatch(/value="back" formenctype="application\/x-www-form-urlencoded"/);

    const disguised = await send([{ name: 'rapport.pdf', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4]) }]);
    expect(disguised.status).toBe(422);
    expect(disguised.html).toContain('geen PDF, JPG, PNG');
    expect(disguised.html).toContain('Te weinig mensen.');
    const tooLarge = await send([{ name: 'groot.txt', bytes: Buffer.alloc(201 * 1024, 65) }]);
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.html).toContain('te groot');
    const tooMany = await send(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, bytes: Buffer.from('x') })));
    expect(tooMany.status).toBe(422);
    const wholeBodyTooLarge = await send(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.txt`, bytes: Buffer.alloc(450 * 1024, 65) })));
    expect(wholeBodyTooLarge.status).toBe(413);
    // A step of the form takes no files at all: the small form limit, at the step's own address.
    const bigStep = await client.postMultipart('/report/commission', { _go: 'back', _draft: hiddenValue(review.html, '_draft'), _at: 'review', _csrf: hiddenValue(review.html, '_csrf') }, [{ field: 'files', name: 'a.txt', bytes: Buffer.alloc(300 * 1024, 65) }]);
    expect(bigStep.status).toBe(413);
    // Files posted to a step are never read, and a send there stores no attachment.
    const smallStep = await client.postMultipart('/report/commission', { _go: 'back', _draft: hiddenValue(review.html, '_draft'), _at: 'review', _csrf: hiddenValue(review.html, '_csrf') }, [{ field: 'files', name: 'a.txt', bytes: Buffer.from('klein') }]);
    expect(smallStep.status).toBe(200);
    expect((await t.services.db.select({ n: count() }).from(cases))[0]!.n).toBe(before);
  });

  it('a tampered file is refused; other routes and other cases cannot download it', async () => {
    const receipt = await reportThroughForm(t, answers, { files: [{ name: 'a.txt', bytes: Buffer.from('Origineel.') }] });
    const handler = await logInAs(t, secretary);
    const caseId = await latestCaseId(handler);
    const link = /href="(\/staff\/cases\/[0-9a-f-]{36}\/files\/([0-9a-f-]{36}))"/.exec((await handler.get(`/staff/cases/${caseId}`)).html)!;
    expect((await (await logInAs(t, ethics)).get(link[1]!)).status).toBe(403);
    const otherReporter = await openWithReceipt(t, await reportThroughForm(t, answers));
    expect((await otherReporter.get(`/my-report/files/${link[2]}`)).status).toBe(404);

    const [row] = await t.services.db.select().from(attachments).where(eq(attachments.id, link[2]!));
    const damaged = row!.ciphertext.slice();
    damaged[3]! ^= 1;
    await t.services.db.update(attachments).set({ ciphertext: damaged }).where(eq(attachments.id, link[2]!));
    const refused = await handler.get(link[1]!);
    expect(refused.status).toBe(409);
    expect(refused.html).not.toContain('Origineel.');
    void receipt;
  });
});

import { expect } from 'vitest';
import { FormClient, hiddenValue } from './form-client.js';
import { logInAs, type TestStaff } from './staff.js';
import type { TestApp } from './test-app.js';

export interface TestFile {
  name: string;
  bytes: Uint8Array;
}

export interface CommissionAnswers {
  KIND?: string;
  WHAT?: string;
  WHEN?: string;
  SOURCE?: string[];
  MEANS?: string[];
  AIMS?: string[];
  EFFECTS_PERSONAL?: string[];
  EFFECTS_PUBLIC?: string[];
  TALKED_TO?: string[];
  WANT?: string[];
  MEETING?: string;
}

/**
 * Walks the commission report form as a browser without JavaScript would: one POST per page,
 * the sealed draft carried along. Returns the receipt shown at the end.
 */
export async function reportThroughForm(
  t: TestApp,
  answers: CommissionAnswers,
  options: { anonymity?: 'anonymous' | 'confidential' | 'open'; identity?: { name: string; contact: string }; files?: TestFile[]; client?: FormClient; start?: string } = {},
): Promise<string> {
  // Each report a minute after the last, so "the newest case" is well defined in tests.
  t.clock.advance(60_000);
  const client = options.client ?? new FormClient(t);
  let page = await client.get(options.start ?? '/report/commission');
  expect(page.status).toBe(200);
  const next = async (fields: Record<string, string | string[] | undefined>) => {
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
    const response = await client.post('/report/commission', {
      ...clean,
      _draft: hiddenValue(page.html, '_draft'),
      _at: hiddenValue(page.html, '_at'),
      _csrf: hiddenValue(page.html, '_csrf'),
    });
    expect(response.status, response.html.slice(0, 3000)).toBeLessThan(400);
    page = response;
    return response;
  };
  await next({ anonymity: options.anonymity ?? 'anonymous', _go: 'next' });
  await next({ KIND: answers.KIND, WHAT: answers.WHAT, WHEN: answers.WHEN, _go: 'next' });
  await next({ SOURCE: answers.SOURCE, MEANS: answers.MEANS, AIMS: answers.AIMS, _go: 'next' });
  await next({ EFFECTS_PERSONAL: answers.EFFECTS_PERSONAL, EFFECTS_PUBLIC: answers.EFFECTS_PUBLIC, TALKED_TO: answers.TALKED_TO, _go: 'next' });
  await next({ WANT: answers.WANT, MEETING: answers.MEETING, _go: 'next' });
  if ((options.anonymity ?? 'anonymous') !== 'anonymous') await next({ ...options.identity, _go: 'next' });
  const sent = options.files
    ? await client.postMultipart(
        '/report/commission/send',
        { _go: 'send', _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') },
        options.files.map((f) => ({ field: 'files', ...f })),
      )
    : await next({ _go: 'send' });
  expect(sent.status, sent.html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 1500)).toBe(201);
  // The receipt page says how many attachments arrived.
  expect(sent.html).toContain(options.files?.length ? `Ontvangen en versleuteld: ${options.files.length} bijlage(n).` : 'U hebt geen bijlagen meegestuurd.');
  return /data-testid="receipt">([\d-]+)</.exec(sent.html)![1]!;
}

/** Logs in with a receipt through the page; the client then holds the reporter cookie. */
export async function openWithReceipt(t: TestApp, receipt: string, at = ''): Promise<FormClient> {
  const client = new FormClient(t, undefined, at);
  const response = await client.submit('/receipt', '/receipt', { receipt });
  expect(response.status).toBe(303);
  return client;
}

/** The handler's first look at a case: the declaration of no personal relation. */
export async function declareNoRelation(handler: FormClient, caseId: string): Promise<void> {
  const response = await handler.submit(`/staff/cases/${caseId}`, `/staff/cases/${caseId}/declaration`, { decision: 'no_relation' });
  expect(response.status).toBe(303);
}

/** A handler signed in who has declared no personal relation to the case, ready to work on it. */
export async function declaredHandler(t: TestApp, staff: TestStaff, caseId: string): Promise<FormClient> {
  const client = await logInAs(t, staff);
  await declareNoRelation(client, caseId);
  return client;
}

/**
 * Any route's form, step by step: `steps` holds the fields of each questionnaire page in order.
 * Returns the receipt shown at the end.
 */
export async function reportOnRoute(
  t: TestApp,
  route: string,
  steps: Array<Record<string, string | string[]>>,
  options: { anonymity?: 'anonymous' | 'confidential' | 'open'; identity?: { name: string; contact: string } } = {},
): Promise<string> {
  t.clock.advance(60_000);
  const client = new FormClient(t);
  let page = await client.get(`/report/${route}`);
  const next = async (fields: Record<string, string | string[]>) => {
    page = await client.post(`/report/${route}`, { ...fields, _draft: hiddenValue(page.html, '_draft'), _at: hiddenValue(page.html, '_at'), _csrf: hiddenValue(page.html, '_csrf') });
    expect(page.status, page.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 1500)).toBeLessThan(400);
  };
  await next({ anonymity: options.anonymity ?? 'anonymous', _go: 'next' });
  for (const fields of steps) await next({ ...fields, _go: 'next' });
  if ((options.anonymity ?? 'anonymous') !== 'anonymous') await next({ ...options.identity!, _go: 'next' });
  await next({ _go: 'send' });
  expect(page.status).toBe(201);
  return /data-testid="receipt">([\d-]+)</.exec(page.html)![1]!;
}

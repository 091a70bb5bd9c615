import { keptPage } from '../page-cache.js';
import type { Hono } from 'hono';
import { organisationIdOf } from '../middleware/organisation.js';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { clearPreSession, existingPreSession } from '../middleware/pre-session.js';
import { forgetDrafts } from '../../domain/reports/forget-drafts.js';
import { addReporterMessage } from '../../domain/reports/add-message.js';
import { readCaseAsReporter } from '../../domain/cases/open-case.js';
import { sendFile } from '../send-file.js';
import { endReporterSession, REPORTER_SESSION_MINUTES, resolveReporterSession, startReporterSession } from '../../domain/reports/reporter-session.js';
import type { Services } from '../../services.js';
import { answerMinutes, awaitingMinutes } from '../../domain/cases/minutes.js';
import { MyReportPage, ReceiptLoginPage } from '../../views/pages/report/my-report-page.js';
import type { AppEnv } from '../env.js';
import { reporterCookieName } from '../middleware/session.js';
import { render } from '../render.js';
import { handleForm, list, readFiles, readForm, redirectTo, text } from './form-input.js';
import { answerTransfer, proposalsIn } from '../../domain/transfers/transfer-to-commission.js';
import { getRoute } from '../../domain/routes/get-route.js';
import { computeDeadlines } from '../../domain/reports/deadlines.js';
import { ReceiptPage } from '../../views/pages/report/receipt-page.js';
import { isUuid } from '../../domain/ids.js';
import { answerIdentityRequest } from '../../domain/identity/answer-identity-request.js';
import { identityQuestionsFor } from '../../domain/identity/list-identity-requests.js';
import { IdentityConsentPage } from '../../views/pages/report/identity-consent-page.js';
import { downloadReporterFile } from '../../domain/reports/download-reporter-file.js';

// Returning with the receipt. The reporter's browser gets a cookie only now, after asking for a
// session by entering the receipt; it holds the one token that can open the case key.
export function reporterPages(app: Hono<AppEnv>, s: Services) {
  const cookieName = reporterCookieName(s.config.secureCookies);
  const megabytes = Math.floor(s.config.uploadMaxBytes / (1024 * 1024));

  app.get('/my-report/files/:id', async (c) => {
    const found = await resolveReporterSession(s, c.get('organisation')?.id ?? null, getCookie(c, cookieName));
    if (!found) return redirectTo(c, '/receipt');
    return sendFile(c, await downloadReporterFile(s, found, c.req.param('id')));
  });

  app.get('/receipt', (c) => keptPage(c, s, () => render(c, c.get('t')('receiptLogin.title'), <ReceiptLoginPage notice={c.req.query('left') ? 'left' : undefined} />)));

  app.post('/receipt', async (c) => {
    const receipt = text(await readForm(c), 'receipt');
    return handleForm(
      c,
      async () => {
        const { token } = await startReporterSession(s, organisationIdOf(c), { receipt });
        setCookie(c, cookieName, token, { path: '/', httpOnly: true, secure: s.config.secureCookies, sameSite: 'Strict', maxAge: REPORTER_SESSION_MINUTES * 60 });
        return redirectTo(c, '/my-report');
      },
      { title: c.get('t')('receiptLogin.title'), body: () => <ReceiptLoginPage /> },
    );
  });

  /** The reporter's page with whatever waits for an answer: minutes to confirm, a proposal to consent to. */
  async function myReportPage(found: { caseId: string; organisationId: string; casePrivateKey: Uint8Array }, extra: Partial<Parameters<typeof MyReportPage>[0]> = {}) {
    const view = await readCaseAsReporter(s, found);
    const pending = proposalsIn(view).some((p) => p.answer === null);
    const want = pending ? (await getRoute(s, found.organisationId, 'commission')).definition.steps.flatMap((st) => st.questions).find((q) => q.code === 'WANT') : undefined;
    const lang = view.language;
    return (
      <MyReportPage
        view={view}
        maxFileMegabytes={megabytes}
        awaitingMinutes={await awaitingMinutes(s, found.caseId)}
        identityQuestions={await identityQuestionsFor(s, view)}
        wantChoices={want ? (want.options ?? []).map((o) => ({ value: o.code, label: o.label[lang] })) : undefined}
        {...extra}
      />
    );
  }

  app.get('/my-report', async (c) => {
    const found = await resolveReporterSession(s, c.get('organisation')?.id ?? null, getCookie(c, cookieName));
    if (!found) return redirectTo(c, '/receipt');
    const answered = c.req.query('identity');
    return render(c, c.get('t')('myReport.title'), await myReportPage(found, { sent: c.req.query('sent') === '1', identityAnswer: answered === 'consent' || answered === 'object' ? answered : undefined }));
  });

  /** A granted request for the reporter's name, to consent to or object to; null when none waits under this id. */
  async function identityConsentPage(found: { caseId: string; organisationId: string; casePrivateKey: Uint8Array }, requestId: string, values?: { answer: string; comment: string }) {
    const view = await readCaseAsReporter(s, found);
    const question = (await identityQuestionsFor(s, view)).find((q) => q.requestId === requestId);
    return question ? <IdentityConsentPage question={question} timeZone={view.timeZone} values={values} /> : null;
  }

  app.get('/my-report/identity/:id', async (c) => {
    const found = await resolveReporterSession(s, c.get('organisation')?.id ?? null, getCookie(c, cookieName));
    if (!found) return redirectTo(c, '/receipt');
    if (!isUuid(c.req.param('id'))) return c.notFound();
    const page = await identityConsentPage(found, c.req.param('id'));
    // Answered already, or released: the reporter's own page says where things stand.
    if (!page) return redirectTo(c, '/my-report');
    return render(c, c.get('t')('identityConsent.title'), page);
  });

  app.post('/my-report/identity/:id', async (c) => {
    const found = await resolveReporterSession(s, c.get('organisation')?.id ?? null, getCookie(c, cookieName));
    if (!found) return redirectTo(c, '/receipt');
    const form = await readForm(c);
    const input = { answer: text(form, 'answer'), comment: text(form, 'comment') };
    return handleForm(
      c,
      async () => {
        await answerIdentityRequest(s, found, c.req.param('id'), input);
        return redirectTo(c, `/my-report?identity=${input.answer}`);
      },
      { title: c.get('t')('identityConsent.title'), body: async () => (await identityConsentPage(found, c.req.param('id'), input)) ?? myReportPage(found) },
    );
  });

  app.post('/my-report/minutes/:id', async (c) => {
    const found = await resolveReporterSession(s, c.get('organisation')?.id ?? null, getCookie(c, cookieName));
    if (!found) return redirectTo(c, '/receipt');
    const form = await readForm(c);
    const input = { answer: text(form, 'answer'), correction: text(form, 'correction') };
    return handleForm(
      c,
      async () => {
        await answerMinutes(s, found, c.req.param('id'), input);
        return redirectTo(c, '/my-report?sent=1');
      },
      { title: c.get('t')('myReport.title'), body: () => myReportPage(found, { minutesValues: input }) },
    );
  });

  app.post('/my-report/transfers/:id', async (c) => {
    const found = await resolveReporterSession(s, c.get('organisation')?.id ?? null, getCookie(c, cookieName));
    if (!found) return redirectTo(c, '/receipt');
    const form = await readForm(c);
    const input = { answer: text(form, 'answer'), want: list(form, 'want') };
    return handleForm(
      c,
      async () => {
        const result = await answerTransfer(s, found, c.req.param('id'), input);
        if (result.answer === 'decline') return redirectTo(c, '/my-report?sent=1');
        const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
        return render(c, c.get('t')('receipt.title'), <ReceiptPage receipt={result.receipt} deadlines={computeDeadlines(s.now(), null, timeZone)} transferred />, 201);
      },
      { title: c.get('t')('myReport.title'), body: () => myReportPage(found, { transferValues: input }) },
    );
  });

  app.post('/my-report/messages', async (c) => {
    const found = await resolveReporterSession(s, c.get('organisation')?.id ?? null, getCookie(c, cookieName));
    if (!found) return redirectTo(c, '/receipt');
    const input = { text: text(await readForm(c), 'text') };
    const files = await readFiles(c, 'files');
    return handleForm(
      c,
      async () => {
        await addReporterMessage(s, found, input, files);
        return redirectTo(c, '/my-report?sent=1');
      },
      { title: c.get('t')('myReport.title'), body: () => myReportPage(found, { draftText: input.text }) },
    );
  });

  app.post('/my-report/logout', async (c) => {
    await endReporterSession(s, getCookie(c, cookieName));
    deleteCookie(c, cookieName, { path: '/', secure: s.config.secureCookies });
    // Leaving forgets this browser's report drafts and its pre-session cookie too: nothing stays behind.
    await forgetDrafts(s, existingPreSession(c, s.config.secureCookies));
    clearPreSession(c, s.config.secureCookies);
    return redirectTo(c, '/receipt?left=1');
  });
}

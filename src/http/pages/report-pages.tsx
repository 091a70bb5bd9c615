import type { Context, Hono } from 'hono';
import { organisationIdOf } from '../middleware/organisation.js';
import { AppError, type FieldError } from '../../domain/errors.js';
import { computeDeadlines } from '../../domain/reports/deadlines.js';
import { DRAFT_HOURS, newDraft, openDraft, openExpiredDraft, sealDraft, type ReportDraft } from '../../domain/reports/report-draft.js';
import { DraftExpiredPage } from '../../views/pages/report/draft-expired-page.js';
import { submitReport } from '../../domain/reports/submit-report.js';
import { getRoute, listActiveRoutes, type RouteWithQuestionnaire } from '../../domain/routes/get-route.js';
import type { Services } from '../../services.js';
import { ReceiptPage } from '../../views/pages/report/receipt-page.js';
import { ReportFormPage } from '../../views/pages/report/report-form-page.js';
import { advanceWizard, applyPosition, isPosition, positions, type Position } from '../../domain/reports/report-wizard.js';
import { RouteChoicePage } from '../../views/pages/report/route-choice-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { readFiles, readForm, text } from './form-input.js';
import { requireStaff } from './require-staff.js';
import { ensurePreSession, existingPreSession } from '../middleware/pre-session.js';
import { findKeptDraft } from '../../domain/reports/kept-draft.js';
import { keepDraft } from '../../domain/reports/keep-draft.js';
import { markDraftSent } from '../../domain/reports/mark-draft-sent.js';
import { discardDraft } from '../../domain/reports/discard-draft.js';
import { receiptOfEarlierSend } from '../../domain/reports/repeated-send.js';
import { AlreadySentPage } from '../../views/pages/report/already-sent-page.js';
import { selfCheckAnswersFrom } from './self-check-pages.js';
import { routeReaders, type RouteReaders } from '../../domain/admission/route-readers.js';
import { RouteUnavailablePage } from '../../views/pages/report/route-unavailable-page.js';
import { prefillFromSelfCheck, prefillRoutes } from '../../domain/self-check/prefill.js';
import type { IncomingFile } from '../../domain/files/prepare-upload.js';

// The reporter's path. It works without JavaScript. Every step posts the whole form, with the
// draft sealed inside it (report-draft.ts), and nothing of the report is stored before "send".
// For the browser's Back and Forward buttons each step also has its own address: after a step the
// server keeps the draft sealed to this browser's pre-session cookie (kept-draft.ts) and redirects
// to GET /report/:route/:position, so history holds pages the browser can fetch again (no "confirm
// form resubmission"), all no-store (nothing in the disk cache). A browser without the cookie, or
// a full store, gets the next step as the answer to its post, as before.
export function reportPages(app: Hono<AppEnv>, s: Services) {
  app.get('/report', async (c) => render(c, c.get('t')('routes.title'), <RouteChoicePage routes={await listActiveRoutes(s, organisationIdOf(c))} readers={await routeReaders(s, organisationIdOf(c))} />));

  async function page(c: Context<AppEnv>, rq: RouteWithQuestionnaire, draft: ReportDraft, position: Position, errors: FieldError[] = [], known?: RouteReaders) {
    const all = positions(rq.definition, draft);
    // The key to the kept draft (kept-draft.ts): the page sets it if this browser has none yet.
    ensurePreSession(c, s.config.secureCookies);
    // The first step names the route's readers (verified signatures: looked up once per request).
    const readers = position === 'anonymity' ? (known ?? (await routeReaders(s, organisationIdOf(c))).find((r) => r.routeCode === rq.route.code)) : undefined;
    return render(
      c,
      rq.route.name[c.get('lang')],
      <ReportFormPage
        route={rq.route}
        definition={rq.definition}
        draft={draft}
        sealedDraft={sealDraft(s, draft)}
        position={position}
        all={all}
        maxFileMegabytes={Math.floor(s.config.uploadMaxBytes / (1024 * 1024))}
        draftHours={DRAFT_HOURS}
        readers={readers}
      />,
      errors.length ? 422 : 200,
      errors,
    );
  }

  const pre = (c: Context<AppEnv>) => existingPreSession(c, s.config.secureCookies);

  /** The next page of the form: kept and redirected to its own address where this browser allows, else answered directly. */
  async function show(c: Context<AppEnv>, rq: RouteWithQuestionnaire, draft: ReportDraft, position: Position, errors: FieldError[] = []) {
    if (!draft.operator && (await keepDraft(s, pre(c), { draft, position, errors }))) return c.redirect(c.get('href')(`/report/${rq.route.code}/${position}`), 303);
    return page(c, rq, draft, position, errors);
  }

  function expiredPage(c: Context<AppEnv>, rq: RouteWithQuestionnaire, draft: ReportDraft) {
    return render(c, c.get('t')('report.expired.title'), <DraftExpiredPage route={rq.route} definition={rq.definition} draft={draft} />, 410);
  }

  app.get('/report/:route', async (c) => {
    const rq = await getRoute(s, organisationIdOf(c), c.req.param('route'));
    // ?intake=1: the secretariat enters an oral report for someone; only a secretary may.
    const operator = c.req.query('intake') === '1' ? requireStaff(c, 'cases.intake').userId : undefined;
    // A route nobody can read is not offered: no form, but where to go instead.
    const readers = (await routeReaders(s, organisationIdOf(c))).find((r) => r.routeCode === rq.route.code);
    if (!readers || readers.readers.length === 0) return render(c, rq.route.name[c.get('lang')], <RouteUnavailablePage route={rq.route} />);
    const kept = await findKeptDraft(s, pre(c), rq.route);
    // Coming back to the route continues the draft this browser is writing; an expired one is shown to copy.
    if (kept?.state === 'open' && !operator) return c.redirect(c.get('href')(`/report/${rq.route.code}/${kept.position}`), 303);
    if (kept?.state === 'expired') return expiredPage(c, rq, kept.draft);
    if (kept?.state === 'sent') await discardDraft(s, pre(c), rq.route);
    return page(c, rq, newDraft(s, rq.route, rq.version, operator), 'anonymity', [], readers);
  });

  // One step of the draft this browser is writing (the address the steps redirect to).
  app.get('/report/:route/:position', async (c) => {
    const rq0 = await getRoute(s, organisationIdOf(c), c.req.param('route'));
    const kept = await findKeptDraft(s, pre(c), rq0.route);
    if (!kept) return c.redirect(c.get('href')(`/report/${rq0.route.code}`), 303);
    if (kept.state === 'sent') return render(c, c.get('t')('report.sent.title'), <AlreadySentPage route={rq0.route} />);
    const rq = kept.draft.version === rq0.version ? rq0 : await getRoute(s, organisationIdOf(c), rq0.route.code, kept.draft.version);
    if (kept.state === 'expired') return expiredPage(c, rq, kept.draft);
    const position = c.req.param('position');
    if (!isPosition(position, positions(rq.definition, kept.draft))) return c.redirect(c.get('href')(`/report/${rq.route.code}/${kept.position}`), 303);
    return page(c, rq, kept.draft, position, kept.position === position ? kept.errors : []);
  });

  // "Start again": what this browser kept for the route is deleted.
  app.post('/report/:route/discard', async (c) => {
    const rq = await getRoute(s, organisationIdOf(c), c.req.param('route'));
    await discardDraft(s, pre(c), rq.route);
    return c.redirect(c.get('href')(`/report/${rq.route.code}`), 303);
  });

  // From the self-check's result page: a new report or question that starts with what the person chose to carry over.
  app.post('/report/:route/prefill', async (c) => {
    const rq = await getRoute(s, organisationIdOf(c), c.req.param('route'));
    if (!(prefillRoutes as readonly string[]).includes(rq.route.code)) throw new AppError('not_found');
    const answers = selfCheckAnswersFrom(await readForm(c));
    const draft = newDraft(s, rq.route, rq.version);
    draft.answers = prefillFromSelfCheck(rq.route.code, rq.definition, answers, c.get('lang'));
    return show(c, rq, draft, 'anonymity');
  });

  // Every step posts small; only the review page's send button posts its files, to /send, the one
  // address with the attachment limit (see body-limits.ts). Both run the same steps.
  app.post('/report/:route', (c) => step(c, false));
  app.post('/report/:route/send', (c) => step(c, true));

  async function step(c: Context<AppEnv>, withFiles: boolean) {
    const form = await readForm(c);
    const rq0 = await getRoute(s, organisationIdOf(c), c.req.param('route') ?? '');
    const draft = form._draft ? openDraft(s, text(form, '_draft'), rq0.route) : newDraft(s, rq0.route, rq0.version);
    if (!draft) {
      // Expired: nothing was stored or sent, but the person gets back what they typed (this page's too) to copy.
      const expired = openExpiredDraft(s, text(form, '_draft'), rq0.route);
      if (expired) {
        const rqOld = expired.version === rq0.version ? rq0 : await getRoute(s, organisationIdOf(c), rq0.route.code, expired.version);
        const at = text(form, '_at');
        if (isPosition(at, positions(rqOld.definition, expired))) applyPosition(rqOld.definition, expired, at, form);
        return expiredPage(c, rqOld, expired);
      }
      // Altered or foreign: nothing was stored, so say so and start again.
      throw new AppError('token_invalid');
    }
    const rq = draft.version === rq0.version ? rq0 : await getRoute(s, organisationIdOf(c), rq0.route.code, draft.version);
    // A page of a report already sent (another tab): "already sent", and its content is not kept again.
    if (text(form, '_go') !== 'send' && draft.nonce && (await receiptOfEarlierSend(s, draft.nonce))) {
      return render(c, c.get('t')('report.sent.title'), <AlreadySentPage route={rq.route} />);
    }
    const move = advanceWizard(rq.definition, draft, form);
    if (move.kind === 'send') return send(c, rq, draft, withFiles ? await readFiles(c, 'files') : []);
    return show(c, rq, draft, move.position, move.errors);
  }

  async function send(c: Context<AppEnv>, rq: RouteWithQuestionnaire, draft: ReportDraft, files: IncomingFile[]) {
    // A draft begun in operator mode is sent only by that same secretary, still signed in.
    const operator = draft.operator ? requireStaff(c, 'cases.intake') : null;
    if (operator && operator.userId !== draft.operator) throw new AppError('forbidden');
    try {
      const { receipt, repeated, files: filesStored } = await submitReport(s, organisationIdOf(c), {
        route: rq.route.code,
        anonymity: draft.anonymity,
        answers: draft.answers,
        identity: draft.anonymity === 'anonymous' ? undefined : draft.identity,
        language: c.get('lang'),
        ...(draft.notifyEmail ? { notificationEmail: draft.notifyEmail } : {}),
      }, files, operator ? { userId: operator.userId } : null, draft.nonce ?? null, draft.readers ?? null);
      // Back from the receipt finds "already sent", not the form with the report in it.
      await markDraftSent(s, pre(c), rq.route);
      const timeZone = c.get('organisation')?.timeZone ?? 'Europe/Amsterdam';
      return render(
        c,
        c.get('t')('receipt.title'),
        <ReceiptPage receipt={receipt} deadlines={computeDeadlines(s.now(), null, timeZone)} operator={!!operator} repeated={repeated} files={filesStored} />,
        repeated ? 200 : 201,
      );
    } catch (error) {
      // Nothing typed is lost: the review page comes back with the reason.
      if (error instanceof AppError && error.fieldErrors.length > 0) {
        // Told once that others read now (named on the first step); sending again goes to them.
        if (error.fieldErrors.some((e) => e.message === 'errors.route.readersChanged')) draft.readers = rq.route.bodyOrganisationId;
        return show(c, rq, draft, 'review', error.fieldErrors);
      }
      throw error;
    }
  }
}

import type { Hono } from 'hono';
import { organisationIdOf } from '../middleware/organisation.js';
import { addHandlerMessage } from '../../domain/reports/add-message.js';
import { listInbox } from '../../domain/cases/list-inbox.js';
import { readCaseAsHandler, type CaseView } from '../../domain/cases/open-case.js';
import { openCaseForHandler } from '../../domain/cases/open-case-for-handler.js';
import { downloadCaseFile } from '../../domain/cases/download-case-file.js';
import { AppError } from '../../domain/errors.js';
import { sendFile } from '../send-file.js';
import { declareRelation, stepAside } from '../../domain/cases/declarations.js';
import { presentCasePage } from '../../domain/cases/case-page-model.js';
import { acknowledgeCase } from '../../domain/cases/acknowledge-case.js';
import { DeclarationPage } from '../../views/pages/declaration-page.js';
import { listActiveRoutes } from '../../domain/routes/get-route.js';
import type { Services } from '../../services.js';
import { CaseInboxPage } from '../../views/pages/case-inbox-page.js';
import { CasePage, caseDoneKinds, type CaseDone } from '../../views/pages/case-page.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, readFiles, readForm, redirectTo, text, withFormFieldNames, type FormValues } from './form-input.js';
import { addInternalNote, advanceCase, assessCase, extendFeedbackDeadline, reopenCase } from '../../domain/cases/lifecycle.js';
import type { OrganisationStaff } from './require-staff.js';
import { grantCaseAccess, revokeCaseAccess } from '../../domain/cases/case-access.js';
import { requireStaff } from './require-staff.js';
import { isUuid, requireId } from '../../domain/ids.js';
import { assignCaseOwner } from '../../domain/cases/assign-case-owner.js';
import type { LetterKind } from '../../domain/letters/letter-kinds.js';

// Case routes are for handlers only; the administrator is refused here as everywhere else.
export function casePages(app: Hono<AppEnv>, s: Services) {
  const megabytes = Math.floor(s.config.uploadMaxBytes / (1024 * 1024));

  app.get('/staff/cases/:id/files/:fileId', async (c) => {
    const actor = requireStaff(c, 'cases.read');
    return sendFile(c, await downloadCaseFile(s, actor, c.req.param('id'), c.req.param('fileId')));
  });

  app.get('/staff/cases', async (c) => {
    const actor = requireStaff(c, 'cases.list');
    const [inbox, routes, organisation] = await Promise.all([listInbox(s, actor, c.req.query()), listActiveRoutes(s, organisationIdOf(c)), Promise.resolve(c.get('organisation'))]);
    return render(
      c,
      c.get('t')('cases.title'),
      <CaseInboxPage inbox={inbox} routes={routes} timeZone={organisation?.timeZone ?? 'Europe/Amsterdam'} recused={c.req.query('notice') === 'recused'} />,
    );
  });

  app.get('/staff/cases/:id', async (c) => {
    const actor = requireStaff(c, 'cases.read');
    const caseId = requireId(c.req.param('id'));
    const opened = await openCaseForHandler(s, actor, caseId);
    if (opened.declarationNeeded) return render(c, c.get('t')('declaration.title'), <DeclarationPage caseId={caseId} />);
    const view = opened.view;
    const done = caseDoneKinds.find((kind) => kind === c.req.query('done'));
    return render(c, c.get('t')('case.title', { number: view.number, route: view.route.name[c.get('lang')] }), await casePage(actor, caseId, { view, ...(done ? { done } : {}) }));
  });

  app.post('/staff/cases/:id/declaration', async (c) => {
    const actor = requireStaff(c, 'cases.read');
    const caseId = requireId(c.req.param('id'));
    const decision = text(await readForm(c), 'decision');
    return handleForm(
      c,
      async () => {
        await declareRelation(s, actor, caseId, decision);
        return redirectTo(c, decision === 'recused' ? '/staff/cases?notice=recused' : `/staff/cases/${caseId}`);
      },
      { title: c.get('t')('declaration.title'), body: () => <DeclarationPage caseId={caseId} /> },
    );
  });

  app.post('/staff/cases/:id/acknowledge', async (c) => {
    const actor = requireStaff(c, 'cases.read');
    const caseId = requireId(c.req.param('id'));
    const form = await readForm(c);
    const input = { note: text(form, 'ackNote'), letter: text(form, 'ackLetter') };
    return handleForm(
      c,
      async () => {
        const taken = await alreadyTaken(() => withFormFieldNames({ letter: 'ackLetter', note: 'ackNote' }, () => acknowledgeCase(s, actor, caseId, input)));
        if (taken === false) return redirectTo(c, `/staff/cases/${caseId}?done=stale`);
        return redirectTo(c, `/staff/cases/${caseId}?done=acknowledged`);
      },
      { title: c.get('t')('cases.title'), body: () => casePage(actor, caseId, { letters: typeof form.ackLetter === 'string' ? { acknowledgement: input.letter } : {} }) },
    );
  });

  /** The letters the posted form carried (a field left out is not a letter emptied). */
  const letterFields: Array<[LetterKind, string]> = [['inadmissible', 'noticeText'], ['feedback', 'stepText'], ['closing', 'closingLetter']];
  const lettersIn = (form: FormValues): Partial<Record<LetterKind, string>> =>
    Object.fromEntries(letterFields.filter(([, name]) => typeof form[name] === 'string').map(([kind, name]) => [kind, text(form, name)]));

  /**
   * A step the case has already moved past (a double click, a second tab, the Back button, a
   * colleague): false, and the page then shows the case as it is now, rather than an error page.
   */
  async function alreadyTaken<T>(run: () => Promise<T>): Promise<T | false> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict' && error.fieldErrors.length === 0) return false;
      throw error;
    }
  }

  /** The case page, as shown again after a form (with its errors) or after a step. */
  async function casePage(actor: OrganisationStaff, caseId: string, options: { view?: CaseView; done?: CaseDone; draftText?: string; letters?: Partial<Record<LetterKind, string>> } = {}) {
    const view = options.view ?? (await readCaseAsHandler(s, actor, caseId));
    const model = await presentCasePage(s, actor, view);
    // A letter that came back with an error keeps the handler's own words, also when they emptied it on purpose.
    const letters = { ...model.letters, ...options.letters };
    return <CasePage view={view} model={{ ...model, letters }} done={options.done} draftText={options.draftText} maxFileMegabytes={megabytes} />;
  }

  // Stepping aside at any time, also after having read the case: the key copies are destroyed at once.
  app.post('/staff/cases/:id/owner', async (c) => {
    const actor = requireStaff(c, 'cases.assign');
    const caseId = requireId(c.req.param('id'));
    const ownerId = text(await readForm(c), 'ownerId');
    return handleForm(
      c,
      async () => {
        await assignCaseOwner(s, actor, caseId, ownerId);
        return redirectTo(c, `/staff/cases/${caseId}?done=owner`);
      },
      { title: c.get('t')('cases.title'), body: () => casePage(actor, caseId) },
    );
  });

  app.post('/staff/cases/:id/step-aside', async (c) => {
    const actor = requireStaff(c, 'cases.read');
    const caseId = requireId(c.req.param('id'));
    return handleForm(
      c,
      async () => {
        await stepAside(s, actor, caseId);
        return redirectTo(c, '/staff/cases?notice=recused');
      },
      { title: c.get('t')('cases.title'), body: () => casePage(actor, caseId) },
    );
  });

  for (const [name, change] of Object.entries({ grant: grantCaseAccess, revoke: revokeCaseAccess })) {
    app.post(`/staff/cases/:id/access/${name}`, async (c) => {
      const actor = requireStaff(c, 'cases.grant');
      const caseId = requireId(c.req.param('id'));
      const userId = text(await readForm(c), 'userId');
      return handleForm(
        c,
        async () => {
          if (!isUuid(userId)) throw new AppError('validation', [{ field: 'userId', message: 'errors.choice.required' }]);
          await change(s, actor, caseId, userId);
          return redirectTo(c, `/staff/cases/${caseId}?done=access`);
        },
        { title: c.get('t')('cases.title'), body: () => casePage(actor, caseId) },
      );
    });
  }

  // The lifecycle steps: each a small form on the case page, each audited.
  const steps: Record<string, (actor: OrganisationStaff, caseId: string, form: FormValues) => Promise<CaseDone | void>> = {
    assess: (actor, caseId, form) =>
      assessCase(
        s,
        actor,
        caseId,
        { kind: text(form, 'kind'), admissible: text(form, 'admissible'), reason: text(form, 'assessReason'), priority: text(form, 'priority'), retaliationRisk: text(form, 'retaliationRisk'), measures: text(form, 'measures') },
        text(form, 'noticeText'),
      ),
    advance: (actor, caseId, form) => advanceCase(s, actor, caseId, text(form, 'to'), { text: text(form, 'stepText'), letter: text(form, 'closingLetter') }),
    extend: (actor, caseId, form) => extendFeedbackDeadline(s, actor, caseId, { months: text(form, 'months'), reason: text(form, 'extensionReason') }),
    notes: (actor, caseId, form) => addInternalNote(s, actor, caseId, { text: text(form, 'noteText') }),
    reopen: (actor, caseId, form) => reopenCase(s, actor, caseId, { text: text(form, 'reopenText') }),
  };
  // The forms name their fields apart (unique ids on one page); errors come back under the domain's names.
  const formFieldFor: Record<string, Record<string, string>> = {
    assess: { reason: 'assessReason', notice: 'noticeText' },
    advance: { text: 'stepText', letter: 'closingLetter' },
    extend: { reason: 'extensionReason' },
    notes: { text: 'noteText' },
    reopen: { text: 'reopenText' },
  };
  for (const [name, run] of Object.entries(steps)) {
    app.post(`/staff/cases/:id/${name}`, async (c) => {
      const actor = requireStaff(c, 'cases.read');
      const caseId = requireId(c.req.param('id'));
      const form = await readForm(c);
      return handleForm(
        c,
        async () => {
          // A step may say what it did (an assessment that closed the case as inadmissible); else its name.
          const result = await alreadyTaken(() => withFormFieldNames(formFieldFor[name] ?? {}, () => run(actor, caseId, form)));
          if (result === false) return redirectTo(c, `/staff/cases/${caseId}?done=stale`);
          const done = result ?? name;
          return redirectTo(c, `/staff/cases/${caseId}?done=${done}`);
        },
        { title: c.get('t')('cases.title'), body: () => casePage(actor, caseId, { letters: lettersIn(form) }) },
      );
    });
  }

  app.post('/staff/cases/:id/messages', async (c) => {
    const actor = requireStaff(c, 'cases.read');
    const input = { text: text(await readForm(c), 'text') };
    const files = await readFiles(c, 'files');
    return handleForm(
      c,
      async () => {
        await addHandlerMessage(s, actor, c.req.param('id'), input, files);
        return redirectTo(c, `/staff/cases/${c.req.param('id')}?done=message`);
      },
      { title: c.get('t')('cases.title'), body: () => casePage(actor, c.req.param('id'), { draftText: input.text }) },
    );
  });
}

import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { openCaseForHandler } from '../../domain/cases/open-case-for-handler.js';
import { decideIdentityRequest } from '../../domain/identity/decide-identity-request.js';
import { presentIdentityPage } from '../../domain/identity/list-identity-requests.js';
import { requestIdentity } from '../../domain/identity/request-identity.js';
import { presentInterventionsPage, recordIntervention, recordInterventionResult } from '../../domain/cases/interventions.js';
import { closeDecision, draftDecision, recordRecommendation, voteOnDecision } from '../../domain/cases/joint-decision.js';
import { presentDecisionPage } from '../../domain/cases/decision-page-model.js';
import { recordMinutes } from '../../domain/cases/minutes.js';
import { requireId } from '../../domain/ids.js';
import { readCaseAsHandler, type CaseView } from '../../domain/cases/open-case.js';
import type { OrganisationStaff } from './require-staff.js';
import type { Services } from '../../services.js';
import { followUpRecommendation } from '../../domain/cases/follow-up-recommendation.js';
import { codeCase } from '../../domain/coding/code-case.js';
import { presentCodingPage } from '../../domain/coding/present-coding-page.js';
import { CodingPage } from '../../views/pages/case-work/coding-page.js';
import { DecisionPage } from '../../views/pages/case-work/decision-page.js';
import { IdentityPage } from '../../views/pages/case-work/identity-page.js';
import { InterventionsPage } from '../../views/pages/case-work/interventions-page.js';
import { MinutesPage } from '../../views/pages/case-work/minutes-page.js';
import { TransferPage } from '../../views/pages/case-work/transfer-page.js';
import { proposeTransfer } from '../../domain/transfers/transfer-to-commission.js';
import type { AppEnv } from '../env.js';
import { render } from '../render.js';
import { handleForm, list, readForm, redirectTo, text, withFormFieldNames, type FormValues } from './form-input.js';
import { requireStaff } from './require-staff.js';

type Page = 'interventions' | 'decision' | 'identity' | 'minutes' | 'transfer' | 'coding';
type Values = Record<string, string>;

// The work on a case beyond its steps, one page per task: interventions, the joint decision and
// recommendations, identity requests, minutes of meetings. Handlers only, after their declaration.
export function caseWorkPages(app: Hono<AppEnv>, s: Services) {
  const pages: Record<Page, { title: 'interventions.title' | 'decision.title' | 'identity.title' | 'minutes.title' | 'transfer.title' | 'coding.title'; body: (actor: OrganisationStaff, view: CaseView, saved: boolean, values?: Values, query?: Values) => Promise<Child> }> = {
    interventions: {
      title: 'interventions.title',
      body: async (_actor, view, saved, values, query) => <InterventionsPage view={view} model={presentInterventionsPage(view)} saved={saved} values={values} resultFor={query?.result} />,
    },
    decision: {
      title: 'decision.title',
      body: async (actor, view, saved, values) => <DecisionPage view={view} model={await presentDecisionPage(s, actor, view)} saved={saved} values={values} />,
    },
    identity: {
      title: 'identity.title',
      body: async (actor, view, saved, values) => (
        <IdentityPage view={view} model={await presentIdentityPage(s, actor, view)} saved={saved} values={values} />
      ),
    },
    minutes: { title: 'minutes.title', body: async (_actor, view, saved, values) => <MinutesPage view={view} saved={saved} values={values} /> },
    transfer: { title: 'transfer.title', body: async (_actor, view, saved, values) => <TransferPage view={view} saved={saved} values={values} /> },
    coding: { title: 'coding.title', body: async (actor, view, saved) => <CodingPage view={view} model={await presentCodingPage(s, actor, view)} saved={saved} /> },
  };

  async function show(c: Context<AppEnv>, page: Page) {
    const actor = requireStaff(c, 'cases.read');
    const caseId = requireId(c.req.param('id') ?? '');
    const opened = await openCaseForHandler(s, actor, caseId);
    // The declaration comes first, on the case's own page.
    if (opened.declarationNeeded) return redirectTo(c, `/staff/cases/${caseId}`);
    return render(c, c.get('t')(pages[page].title), await pages[page].body(actor, opened.view, c.req.query('saved') === '1', undefined, c.req.query()));
  }

  for (const page of Object.keys(pages) as Page[]) app.get(`/staff/cases/:id/${page}`, (c) => show(c, page));

  /** A form on one of these pages: run, then back to the page; wrong input shows the page again with the errors. */
  function action(path: string, page: Page, formFieldFor: Record<string, string>, run: (actor: OrganisationStaff, caseId: string, form: FormValues, param: (name: string) => string) => Promise<void>) {
    app.post(`/staff/cases/:id/${path}`, async (c) => {
      const actor = requireStaff(c, 'cases.read');
      const caseId = requireId(c.req.param('id') ?? '');
      const form = await readForm(c);
      return handleForm(
        c,
        async () => {
          await withFormFieldNames(formFieldFor, () => run(actor, caseId, form, (name) => c.req.param(name) ?? ''));
          return redirectTo(c, `/staff/cases/${caseId}/${page}?saved=1`);
        },
        {
          title: c.get('t')(pages[page].title),
          body: async () => pages[page].body(actor, await readCaseAsHandler(s, actor, caseId), false, Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]))),
        },
      );
    });
  }

  action('interventions', 'interventions', {}, (actor, caseId, form) => recordIntervention(s, actor, caseId, { kind: text(form, 'kind'), who: text(form, 'who'), what: text(form, 'what'), plannedOn: text(form, 'plannedOn') }));
  action('interventions/:iid/result', 'interventions', {}, (actor, caseId, form, param) => recordInterventionResult(s, actor, caseId, param('iid'), { result: text(form, 'result'), doneOn: text(form, 'doneOn') }));
  action('decision', 'decision', {}, (actor, caseId, form) => draftDecision(s, actor, caseId, { outcome: text(form, 'outcome'), conclusion: text(form, 'conclusion') }));
  action('decision/:did/vote', 'decision', { reason: 'voteReason' }, (actor, caseId, form, param) => voteOnDecision(s, actor, caseId, param('did'), { position: text(form, 'position'), reason: text(form, 'voteReason') }));
  action('decision/:did/close', 'decision', {}, (actor, caseId, _form, param) => closeDecision(s, actor, caseId, param('did')));
  action('recommendations', 'decision', { text: 'recommendationText' }, (actor, caseId, form) => recordRecommendation(s, actor, caseId, { addressee: text(form, 'addressee'), text: text(form, 'recommendationText') }));
  action('recommendations/:rid/follow-up', 'decision', {}, (actor, caseId, form, param) => followUpRecommendation(s, actor, caseId, param('rid'), { status: text(form, 'status') }));
  action('identity', 'identity', { reason: 'requestReason' }, (actor, caseId, form) => requestIdentity(s, actor, caseId, { reason: text(form, 'requestReason') }));
  action('identity/:rid/decide', 'identity', { reason: 'decisionReason' }, (actor, caseId, form, param) =>
    decideIdentityRequest(s, actor, caseId, param('rid'), { decision: text(form, 'decision'), reason: text(form, 'decisionReason'), legalDuty: list(form, 'legalDuty').includes('yes') }),
  );
  action('transfer', 'transfer', {}, (actor, caseId, form) => proposeTransfer(s, actor, caseId, { kind: text(form, 'kind'), carried: text(form, 'carried'), explanation: text(form, 'explanation') }));
  // The coding form has groups of checkboxes: after a refused save it shows every ticked code again.
  app.post('/staff/cases/:id/coding', async (c) => {
    const actor = requireStaff(c, 'cases.read');
    const caseId = requireId(c.req.param('id') ?? '');
    const form = await readForm(c);
    const many = ['sources', 'means', 'aims', 'effectsPersonal', 'effectsPublic', 'themes', 'measures'];
    const input = Object.fromEntries([...['kind', 'category', 'channel', 'outcome', 'termsMet'].map((name) => [name, text(form, name)]), ...many.map((name) => [name, list(form, name)])]);
    return handleForm(c, async () => {
      await codeCase(s, actor, caseId, input);
      return redirectTo(c, `/staff/cases/${caseId}/coding?saved=1`);
    }, {
      title: c.get('t')('coding.title'),
      body: async () => {
        const view = await readCaseAsHandler(s, actor, caseId);
        return <CodingPage view={view} model={await presentCodingPage(s, actor, view)} values={input} />;
      },
    });
  });
  action('minutes', 'minutes', { text: 'minutesText' }, (actor, caseId, form) => recordMinutes(s, actor, caseId, { meetingOn: text(form, 'meetingOn'), text: text(form, 'minutesText') }));
}

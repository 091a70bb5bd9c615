import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq, or } from 'drizzle-orm';
import { auditLog, bodyAdmissions, cases, surveyWaves, users } from '../../src/db/schema.js';
import { isAllowed } from '../../src/domain/access/authorize.js';
import { roles, type Role } from '../../src/domain/access/roles.js';
import { unsafeCreateInvitation } from '../../src/domain/accounts/create-invitation.js';
import { unsafeVerifyAuditChain } from '../../src/domain/audit/verify-audit.js';
import { unsafeCreateOrganisation } from '../../src/domain/organisation/create-organisation.js';
import { routePolicies } from '../../src/http/route-policies.js';
import { FormClient, hiddenValue } from '../support/form-client.js';
import { declareNoRelation, openWithReceipt, reportThroughForm } from '../support/reporting.js';
import { createStaff, logInAs, type TestStaff } from '../support/staff.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 13: two organisations on one installation, attacked from each side. Every account of
// organisation A, in every role, uses every route of the route table against organisation B's
// resources (its case, file, accounts, survey, settings, audit): refused, and nothing of B shows
// in A's pages, exports or API answers. A's sessions count nowhere but at A's addresses, and
// receipts open only at the organisation they were given by. The route table itself decides
// which requests are made, so a new route is attacked without anyone remembering to add it.
let t: TestApp;
const A = '/o/testorganisatie';
const B = '/o/tweede-dienst';
let orgB = '';
const ofA = new Map<Role, { staff: TestStaff; client: FormClient; token: string }>();
const ofB = new Map<Role, { staff: TestStaff; client: FormClient; token: string }>();
let caseB = '';
let fileB = '';
let waveB = '';
let admissionB = '';
let receiptA = '';
let receiptB = '';
// What would betray B on one of A's pages.
let markers: string[] = [];

const PASSWORD = 'twee organisaties, een platform';

async function signedIn(staff: TestStaff, at: string) {
  const client = await logInAs(t, staff, staff.password, at);
  const home = await client.get('/staff');
  expect(home.status).toBe(200);
  return { staff, client, token: hiddenValue(home.html, '_csrf') };
}

beforeAll(async () => {
  t = await createTestApp();
  orgB = (await unsafeCreateOrganisation(t.services, { name: 'Tweede Dienst', slug: 'tweede-dienst' })).id;
  for (const role of roles) {
    ofA.set(role, await signedIn(await createStaff(t, [role], PASSWORD), A));
    const staff = await createStaff(t, [role], PASSWORD, { organisationId: orgB });
    await t.services.db.update(users).set({ displayName: `Bee ${role}` }).where(eq(users.id, staff.userId));
    ofB.set(role, await signedIn(staff, B));
  }
  receiptA = await reportThroughForm(t, { KIND: 'improper_pressure', WHAT: 'Melding bij A.', WANT: ['advice'] }, { client: new FormClient(t, undefined, A) });
  receiptB = await reportThroughForm(
    t,
    { KIND: 'improper_pressure', WHAT: 'Geheime melding van Tweede Dienst.', WANT: ['advice'] },
    { client: new FormClient(t, undefined, B), files: [{ name: 'bijlage-bee.txt', bytes: new TextEncoder().encode('inhoud van Bee') }] },
  );
  const secretaryB = ofB.get('secretary')!.client;
  caseB = /\/staff\/cases\/([0-9a-f-]{36})"/.exec((await secretaryB.get('/staff/cases')).html)![1]!;
  await declareNoRelation(secretaryB, caseB);
  fileB = new RegExp(`/staff/cases/${caseB}/files/([0-9a-f-]{36})`).exec((await secretaryB.get(`/staff/cases/${caseB}`)).html)![1]!;
  // B's analyst: a survey unit and a wave of B's own.
  const analystB = ofB.get('analyst')!.client;
  expect((await analystB.submit('/staff/surveys', '/staff/surveys/organisations', { orgName: 'Eenheid Bee', sector: 'municipality' })).status).toBe(303);
  const unit = /name="organisationIds" value="([0-9a-f-]{36})"/.exec((await analystB.get('/staff/surveys')).html)![1]!;
  const wave = await analystB.submit('/staff/surveys', '/staff/surveys', { waveName: 'Golf van Bee', organisationIds: [unit], extraNl: '', extraEn: '' });
  waveB = /\/staff\/surveys\/([0-9a-f-]{36})$/.exec(wave.location ?? '')![1]!;
  [{ id: admissionB }] = (await t.services.db.select({ id: bodyAdmissions.id }).from(bodyAdmissions).where(eq(bodyAdmissions.organisationId, orgB)).limit(1)) as [{ id: string }];
  markers = ['Tweede Dienst', 'Bee ', caseB, caseB.slice(0, 8), fileB, waveB, 'Golf van Bee', 'Eenheid Bee', 'bijlage-bee'];
}, 300_000);
afterAll(() => t.close());

const NIL = '00000000-0000-4000-8000-000000000000';
const userOfB = () => ofB.get('analyst')!.staff.userId;

/** A route's path with B's resources in it: B's case, file, account, wave. */
function againstB(path: string): string {
  const id = path.startsWith('/staff/users') ? userOfB() : path.startsWith('/staff/surveys') ? waveB : path.startsWith('/staff/account') ? NIL : caseB;
  return path
    .replace(':fileId', fileB)
    .replace(/:(iid|did|rid)\b/g, NIL)
    .replace(':id', id)
    .replace(':route', 'commission')
    .replace(':body', 'commission')
    .replace(':token', 'not-a-token')
    .replace(':name', 'app.css');
}

// Fields that name B where a form takes an id: the person to admit, grant or reassign, B's admission.
const hostileFields = () => ({ userId: userOfB(), from: userOfB(), to: userOfB(), admissionId: admissionB, organisationId: NIL, fingerprint: 'x', roles: ['secretary'] });

const betrays = (html: string) => markers.filter((m) => html.includes(m));

/** B's state that an attack could change: its case, accounts, wave, admissions and audit chain. */
async function stateOfB() {
  const db = t.services.db;
  return JSON.stringify({
    case: await db.select({ status: cases.status, ack: cases.acknowledgedAt, kind: cases.kind }).from(cases).where(eq(cases.id, caseB)),
    users: await db.select({ id: users.id, roles: users.roles, status: users.status }).from(users).where(eq(users.organisationId, orgB)).orderBy(users.id),
    wave: await db.select({ status: surveyWaves.status, link: surveyWaves.openLinkHash }).from(surveyWaves).where(eq(surveyWaves.id, waveB)),
    admissions: await db
      .select({ id: bodyAdmissions.id, removed: bodyAdmissions.removedAt })
      .from(bodyAdmissions)
      .innerJoin(users, eq(users.id, bodyAdmissions.userId))
      .where(or(eq(bodyAdmissions.organisationId, orgB), eq(users.organisationId, orgB)))
      .orderBy(bodyAdmissions.id),
    audit: await db.select({ n: count() }).from(auditLog).where(eq(auditLog.organisationId, orgB)),
  });
}

const staffRoutes = () => Object.entries(routePolicies).filter(([, policy]) => typeof policy === 'object') as Array<[string, { staff: Parameters<typeof isAllowed>[1] }]>;

describe('two organisations on one installation', () => {
  it('refuses every staff route, for every role of A and for A’s administrator, against B’s resources, and changes nothing of B', async () => {
    const before = await stateOfB();
    const failures: string[] = [];
    const operatorRoutes = Object.keys(routePolicies).filter((r) => routePolicies[r] === 'operator');
    for (const route of [...staffRoutes().map(([r]) => r), ...operatorRoutes]) {
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      const url = againstB(path);
      for (const [role, { client, token }] of ofA) {
        const response = method === 'GET' ? await client.get(url) : await client.post(url, { ...hostileFields(), _csrf: token });
        // A route that names a resource by id is refused outright; one on A's own things (its
        // inbox, its questionnaire, its body, an invitation with B's user in the fields) may
        // answer, but shows and changes nothing of B (checked here and after the loop).
        // The platform's own pages (the list of organisations) are refused to every organisation's account.
        const namesB = /:(id|fileId|iid|did|rid)\b/.test(path) || operatorRoutes.includes(route);
        if (namesB && response.status < 400) failures.push(`${role} ${method} ${url}: ${response.status} ${response.location ?? ''}`);
        // The address the attacker typed is echoed (the language switch links back to it): not a leak.
        const seen = betrays(response.html.split(url).join(''));
        if (seen.length > 0) failures.push(`${role} ${method} ${url}: shows ${seen.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await stateOfB()).toBe(before);
  }, 600_000);

  it('shows nothing of B on any of A’s pages, exports or API answers', async () => {
    const failures: string[] = [];
    const pages = [...staffRoutes().map(([r]) => r), ...Object.keys(routePolicies).filter((r) => routePolicies[r] === 'public')]
      .filter((r) => r.startsWith('GET ') && !r.includes('/assets/'))
      .map((r) => r.slice(4).replace(/:(id|fileId|iid|did|rid)\b/g, NIL).replace(':route', 'commission').replace(':body', 'commission').replace(':token', 'x'));
    for (const [role, { client }] of [...ofA, ['visitor' as Role, { client: new FormClient(t, undefined, A) }] as const]) {
      for (const path of pages) {
        const seen = betrays((await client.get(path)).html);
        if (seen.length > 0) failures.push(`${role} ${path}: ${seen.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    // The counterpart: B's own people do see B's case, so the markers are real.
    expect((await ofB.get('secretary')!.client.get('/staff/cases')).html).toContain(caseB);
  }, 600_000);

  it('counts a session only at its own organisation’s addresses, and an account signs in only there', async () => {
    for (const [role, { client }] of ofA) {
      const elsewhere = new FormClient(t, undefined, B);
      for (const [name, value] of client.jar) elsewhere.jar.set(name, value);
      const home = await elsewhere.get('/staff');
      expect(home.status, role).toBe(303);
      expect(home.location, role).toBe(`${B}/login`);
    }
    const chairA = ofA.get('chair')!.staff;
    t.clock.advance(30_000);
    const attempt = await new FormClient(t, undefined, B).submit('/login', '/login', { email: chairA.email, password: chairA.password, totpCode: '000000' });
    expect(attempt.status).toBe(422);
    expect(attempt.html).toContain('Inloggen is niet gelukt');
  });

  it('opens a receipt only at the organisation that gave it, in the form and the API', async () => {
    const at = (prefix: string) => new FormClient(t, undefined, prefix);
    expect((await at(B).submit('/receipt', '/receipt', { receipt: receiptA })).status).toBe(422);
    expect((await at(A).submit('/receipt', '/receipt', { receipt: receiptB })).status).toBe(422);
    const api = await t.app.request(`http://localhost${A}/api/v1/reporter/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt: receiptB }) });
    expect(api.status).toBe(422);
    // At its own organisation it opens, and that reporter's cookie is worth nothing at A.
    const reporter = await openWithReceipt(t, receiptB, B);
    expect((await reporter.get('/my-report')).html).toContain('Geheime melding van Tweede Dienst.');
    const elsewhere = new FormClient(t, undefined, A);
    for (const [name, value] of reporter.jar) elsewhere.jar.set(name, value);
    for (const route of Object.keys(routePolicies).filter((r) => routePolicies[r] === 'reporter')) {
      const [method, path] = route.split(' ') as ['GET' | 'POST', string];
      const url = path.replace(/:(id)\b/g, fileB);
      const answer = url.startsWith('/api/')
        ? await t.app.request(`http://localhost${A}${url}`, { method, headers: { authorization: `Bearer ${[...reporter.jar.values()].at(-1)}`, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"text":"x"}' } : {}) })
        : null;
      const page = answer ? { status: answer.status, html: await answer.text() } : method === 'GET' ? await elsewhere.get(url) : await elsewhere.postWithOwnToken(url, { text: 'x', answer: 'consent' }, '/receipt');
      expect(page.status, route).toBeGreaterThanOrEqual(300);
      expect(page.status, route).not.toBe(304);
      expect(betrays(page.html), route).toEqual([]);
    }
  });

  it('keeps a draft begun at one organisation’s address from another’s form, and an encoded address from passing as another', async () => {
    const browser = new FormClient(t, undefined, A);
    const start = await browser.get('/report/commission');
    const step = await browser.post('/report/commission', { anonymity: 'anonymous', _go: 'next', _draft: hiddenValue(start.html, '_draft'), _at: 'anonymity', _csrf: hiddenValue(start.html, '_csrf') });
    expect(step.status).toBe(200);
    await browser.post('/report/commission', { KIND: 'improper_pressure', WHAT: 'Bedoeld voor A alleen.', _go: 'next', _draft: hiddenValue(step.html, '_draft'), _at: hiddenValue(step.html, '_at'), _csrf: hiddenValue(step.html, '_csrf') });
    // The same browser at B's address: B's form starts empty, and A's sealed draft is not taken there.
    const atB = new FormClient(t, undefined, B);
    for (const [name, value] of browser.jar) atB.jar.set(name, value);
    const fresh = await atB.get('/report/commission/step-0');
    expect(fresh.html).not.toContain('Bedoeld voor A alleen.');
    const bStart = await atB.get('/report/commission');
    const carried = await atB.post('/report/commission', { WHAT: 'x', _go: 'next', _draft: hiddenValue(step.html, '_draft'), _at: hiddenValue(step.html, '_at'), _csrf: hiddenValue(bStart.html, '_csrf') });
    expect(carried.html).not.toContain('Bedoeld voor A alleen.');
    // A percent-encoded address is the organisation it spells, not the installation's first.
    const encoded = await new FormClient(t).get('/o/%74weede-dienst/');
    expect(encoded.html).toContain('Tweede Dienst');
    expect(encoded.html).not.toContain('Testorganisatie');
  });

  it('opens an invitation only at its own organisation’s address', async () => {
    const invitation = await t.services.db.transaction((tx) => unsafeCreateInvitation({ ...t.services, db: tx }, orgB, { email: 'nieuw-bee@example.nl', displayName: 'Nieuw Bee', roles: ['analyst'] }));
    expect((await new FormClient(t, undefined, A).get(`/invitation/${invitation.token}`)).status).toBe(410);
    expect((await new FormClient(t, undefined, B).get(`/invitation/${invitation.token}`)).status).toBe(200);
  });

  it('keeps one audit chain per organisation: an entry moved from B’s chain into A’s breaks both', async () => {
    expect(await unsafeVerifyAuditChain(t.services, t.organisationId)).toMatchObject({ ok: true });
    expect(await unsafeVerifyAuditChain(t.services, orgB)).toMatchObject({ ok: true });
    const [last] = await t.services.db.select().from(auditLog).where(eq(auditLog.organisationId, orgB)).orderBy(desc(auditLog.seq)).limit(1);
    const [headA] = await t.services.db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.organisationId, t.organisationId)).orderBy(desc(auditLog.seq)).limit(1);
    await t.services.db
      .update(auditLog)
      .set({ organisationId: t.organisationId, seq: headA!.seq + 1 })
      .where(and(eq(auditLog.organisationId, orgB), eq(auditLog.seq, last!.seq)));
    expect(await unsafeVerifyAuditChain(t.services, t.organisationId)).toMatchObject({ ok: false, brokenAt: headA!.seq + 1 });
    // B's chain lost its newest entry; the anchor (once the jobs ran) tells, and the entry is gone from B's count.
    await t.services.db
      .update(auditLog)
      .set({ organisationId: orgB, seq: last!.seq })
      .where(and(eq(auditLog.organisationId, t.organisationId), eq(auditLog.seq, headA!.seq + 1)));
    expect(await unsafeVerifyAuditChain(t.services, t.organisationId)).toMatchObject({ ok: true });
    expect(await unsafeVerifyAuditChain(t.services, orgB)).toMatchObject({ ok: true });
  });

  it('attacks every route of the route table in one of the ways above', () => {
    // Staff and operator routes: with B's ids (first test). Reporter routes: B's reporter cookie at A. Public
    // and token routes: at A's address, where nothing of B may show (second test), and receipts
    // and invitations of B (fourth and fifth).
    const covered = new Set([...staffRoutes().map(([r]) => r), ...Object.keys(routePolicies).filter((r) => ['public', 'token', 'reporter', 'operator'].includes(routePolicies[r] as string))]);
    expect(Object.keys(routePolicies).filter((r) => !covered.has(r))).toEqual([]);
  });
});

import { listRouteQuestionnaires } from '../../domain/routes/list-public-routes.js';
import { z } from 'zod';
import { organisationIdOf } from '../middleware/organisation.js';
import type { Context } from 'hono';
import { AppError } from '../../domain/errors.js';
import { addReporterMessage } from '../../domain/reports/add-message.js';
import { readCaseAsReporter } from '../../domain/cases/open-case.js';
import { REPORTER_SESSION_MINUTES, resolveReporterSession, startReporterSession } from '../../domain/reports/reporter-session.js';
import { messageSchema, receiptInputSchema, submitReportSchema } from '../../domain/reports/schemas.js';
import { submitReport } from '../../domain/reports/submit-report.js';
import { enabledQuestions } from '../../domain/routes/questionnaire.js';
import type { Services } from '../../services.js';
import type { AppEnv } from '../env.js';
import { JsonText, type ApiRegistry } from './registry.js';

// The reporting API, for tests and for organisations that embed the form in their intranet.
// Reporters authenticate with a short-lived bearer token obtained from the receipt; no cookies.
const localised = z.object({ nl: z.string(), en: z.string() });
const routeSchema = z.object({
  code: z.string(),
  name: localised,
  description: localised,
  questionnaireVersion: z.number().int(),
  questions: z.array(z.object({ code: z.string(), type: z.string(), required: z.boolean(), label: localised, options: z.array(z.string()) })),
});
const deadlinesSchema = z.object({ acknowledgeBy: z.string(), feedbackBy: z.string() });
const caseSchema = z.object({
  route: z.string(),
  status: z.string(),
  // 'not_admissible' for a report closed without being taken into handling; else the status.
  shownStatus: z.string(),
  anonymity: z.enum(['anonymous', 'confidential', 'open']),
  receivedAt: z.string(),
  deadlines: deadlinesSchema,
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  messages: z.array(z.object({ id: z.string(), author: z.enum(['reporter', 'handler']), type: z.string(), text: z.string(), createdAt: z.string() })),
});

export function reportRoutes(api: ApiRegistry, s: Services) {
  async function bearerSession(c: Context<AppEnv>) {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const session = await resolveReporterSession(s, c.get('organisation')?.id ?? null, token);
    if (!session) throw new AppError('unauthenticated');
    return session;
  }

  api.add({
    method: 'get',
    path: '/api/v1/routes',
    operationId: 'listRoutes',
    summary: 'Reporting routes with their question and option codes',
    tags: ['reporting'],
    responses: { 200: { description: 'The active routes', schema: z.array(routeSchema) } },
    handler: async (c) => {
      const organisationId = organisationIdOf(c);
      // The same for every caller until a route or questionnaire changes: kept as its JSON text.
      const json = await s.publicCache.get(`routes-json:${organisationId}`, async () => {
        const routes = await listRouteQuestionnaires(s, organisationId);
        return new JsonText(
          JSON.stringify(
            routes.map(({ route, version, definition }) => ({
              code: route.code,
              name: route.name,
              description: route.description,
              questionnaireVersion: version,
              questions: definition.steps.flatMap(enabledQuestions).map((q) => ({ code: q.code, type: q.type, required: q.required, label: q.label, options: (q.options ?? []).map((o) => o.code) })),
            })),
          ),
        );
      });
      return { status: 200, json };
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/reports',
    operationId: 'submitReport',
    summary: 'Submit a report; the answer holds the receipt, shown once',
    tags: ['reporting'],
    body: submitReportSchema,
    responses: { 201: { description: 'Stored, encrypted for the route handlers', schema: z.object({ receipt: z.string() }) } },
    handler: async (c, body) => ({ status: 201, json: { receipt: (await submitReport(s, organisationIdOf(c), body)).receipt } }),
  });

  api.add({
    method: 'post',
    path: '/api/v1/reporter/session',
    operationId: 'startReporterSession',
    summary: 'Exchange a receipt for a short-lived bearer token',
    tags: ['reporting'],
    body: receiptInputSchema,
    responses: { 200: { description: 'A bearer token for the reporter endpoints', schema: z.object({ token: z.string(), expiresInSeconds: z.number() }) } },
    handler: async (c, body) => ({ status: 200, json: { token: (await startReporterSession(s, organisationIdOf(c), body)).token, expiresInSeconds: REPORTER_SESSION_MINUTES * 60 } }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/reporter/case',
    operationId: 'getReporterCase',
    summary: 'The decrypted report, its status, deadlines and messages',
    tags: ['reporting'],
    responses: { 200: { description: 'The case as the reporter sees it', schema: caseSchema } },
    handler: async (c) => {
      const view = await readCaseAsReporter(s, await bearerSession(c));
      return {
        status: 200,
        json: {
          route: view.route.code,
          status: view.status,
          shownStatus: view.shownStatus,
          anonymity: view.anonymity,
          receivedAt: view.receivedAt.toISOString(),
          deadlines: view.deadlines,
          answers: view.answers,
          // Exactly the documented fields: minutes, proposals and notices are told apart by type.
          messages: view.messages.map((m) => ({ id: m.id, author: m.author, type: m.type, text: m.text, createdAt: m.createdAt.toISOString() })),
        },
      };
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/reporter/messages',
    operationId: 'addReporterMessage',
    summary: 'Send a message to the handlers of the case',
    tags: ['reporting'],
    body: messageSchema,
    authenticate: bearerSession,
    responses: { 201: { description: 'Stored, encrypted', schema: z.object({ ok: z.literal(true) }) } },
    handler: async (c, body) => {
      await addReporterMessage(s, await bearerSession(c), body);
      return { status: 201, json: { ok: true } };
    },
  });
}

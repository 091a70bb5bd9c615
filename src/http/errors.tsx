import { KdfBusyError } from '../crypto/kdf-pool.js';
import { hasDatabaseCode, hasDatabaseMessage, REJECTED_TEXT, UNIQUE_VIOLATION } from '../db/database-errors.js';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { AppError, errorCodes, REFUSAL_FIELD, type ErrorCode } from '../domain/errors.js';
import { translateKey, type MessageKey } from '../i18n/index.js';
import { ErrorPage } from '../views/pages/error-page.js';
import type { AppEnv } from './env.js';
import { render } from './render.js';

// The one place where errors become responses: a translated page for people, an RFC 9457
// problem document for the API. Nothing internal (stack, SQL, file paths) ever reaches a client.
const titles: Record<ErrorCode | 'internal', MessageKey> = {
  validation: 'errors.validation.title',
  unauthenticated: 'errors.unauthenticated.title',
  forbidden: 'errors.forbidden.title',
  not_found: 'errors.notFound.title',
  conflict: 'errors.conflict.title',
  token_invalid: 'errors.tokenInvalid.title',
  throttled: 'errors.throttled.title',
  csrf: 'errors.csrf.title',
  payload_too_large: 'errors.payloadTooLarge.title',
  unavailable: 'errors.unavailable.title',
  busy: 'errors.busy.title',
  route_unavailable: 'errors.routeUnavailable.title',
  tampered: 'errors.tampered.title',
  declaration_required: 'errors.declarationRequired.title',
  recused: 'errors.recused.title',
  internal: 'errors.internal.title',
};

const explanations: Record<ErrorCode | 'internal', MessageKey> = {
  validation: 'errors.validation.text',
  unauthenticated: 'errors.unauthenticated.text',
  forbidden: 'errors.forbidden.text',
  not_found: 'errors.notFound.text',
  conflict: 'errors.conflict.text',
  token_invalid: 'errors.tokenInvalid.text',
  throttled: 'errors.throttled.text',
  csrf: 'errors.csrf.text',
  payload_too_large: 'errors.payloadTooLarge.text',
  unavailable: 'errors.unavailable.text',
  busy: 'errors.busy.text',
  route_unavailable: 'errors.routeUnavailable.text',
  tampered: 'errors.tampered.text',
  declaration_required: 'errors.declarationRequired.text',
  recused: 'errors.recused.text',
  internal: 'errors.internal.text',
};

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('payload_too_large');
    if (error.status < 500) return new AppError('validation');
  }
  // Malformed request bodies (broken JSON, broken multipart) are the caller's error, not ours.
  if (error instanceof SyntaxError || (error instanceof Error && /body|multipart|form/i.test(error.message) && error.name === 'TypeError')) {
    return new AppError('validation');
  }
  if (isDatabaseUnavailable(error)) return new AppError('unavailable', [], 30);
  if (error instanceof KdfBusyError) return new AppError('busy', [], 5);
  // Text PostgreSQL cannot store (a NUL byte, an invalid sequence) is the caller's input, refused
  // whole: the statement failed, so its transaction stored nothing.
  if (hasDatabaseCode(error, REJECTED_TEXT)) return new AppError('validation', [{ field: 'form', message: 'errors.field.invalid' }]);
  // A unique constraint lost to a concurrent request: someone else was first.
  if (hasDatabaseCode(error, [UNIQUE_VIOLATION])) return new AppError('conflict');
  return null;
}

const unavailableCodes = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006'];
// node-postgres reports a dropped connection by message only.
const unavailableMessage = /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|not queryable/i;

function isDatabaseUnavailable(error: unknown): boolean {
  return hasDatabaseCode(error, unavailableCodes) || hasDatabaseMessage(error, unavailableMessage);
}

export function errorHandler(logger: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    const appError = toAppError(error);
    const code: ErrorCode | 'internal' = appError?.code ?? 'internal';
    const status = (appError ? errorCodes[appError.code] : 500) as ContentfulStatusCode;
    if (!appError) {
      // Only the error's class and its stack frames ("    at …"): a message can quote user input and
      // span several lines (Drizzle adds the query and its parameters), so no line of it is kept.
      const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 7).join('\n');
      logger.error({ route: c.req.routePath, errorName: error.name, frames }, 'request failed');
    }
    const isApi = c.req.path.startsWith('/api/') || c.req.path === '/healthz';
    // A page that needs a log-in sends the person to the log-in form rather than an error.
    if (code === 'unauthenticated' && !isApi && c.req.method === 'GET') return c.redirect(c.get('href')('/login'), 303);
    if (appError?.retryAfterSeconds) c.header('Retry-After', String(appError.retryAfterSeconds));
    const t = c.get('t');
    if (isApi) {
      return c.json(
        {
          type: `about:blank`,
          title: t(titles[code]),
          status,
          code,
          detail: t(explanations[code]),
          errors: appError?.fieldErrors.map((e) => ({ field: e.field, message: translateKey(t, e.message) })) ?? [],
        },
        status,
        { 'Content-Type': 'application/problem+json' },
      );
    }
    // A refusal that gives its reason (see refusal()) shows that reason rather than the general text.
    const reasons = appError?.fieldErrors.filter((e) => e.field === REFUSAL_FIELD).map((e) => translateKey(t, e.message)) ?? [];
    return render(c, t(titles[code]), <ErrorPage code={code} title={titles[code]} text={explanations[code]} reasons={reasons} retryAfterSeconds={appError?.retryAfterSeconds} />, status);
  };
}

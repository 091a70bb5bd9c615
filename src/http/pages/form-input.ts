import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { AppError } from '../../domain/errors.js';
import type { IncomingFile } from '../../domain/files/prepare-upload.js';
import type { AppEnv } from '../env.js';
import { CSRF_FIELD } from '../middleware/csrf.js';
import { render } from '../render.js';

export type FormValues = Record<string, string | string[]>;

const withoutNul = (value: string) => value.replaceAll('\u0000', '');

/** The submitted fields as strings (repeated names as arrays), without the CSRF token or files. */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === CSRF_FIELD) continue;
    // No text field can hold a NUL byte (PostgreSQL refuses it); it is dropped, never stored.
    if (typeof value === 'string') values[name] = withoutNul(value);
    else if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string').map(withoutNul);
  }
  return values;
}

/** The files sent under one field name; an empty file input sends nothing. */
export async function readFiles(c: Context<AppEnv>, name: string): Promise<IncomingFile[]> {
  const body = await c.req.parseBody({ all: true });
  const value = body[name];
  const files = (Array.isArray(value) ? value : [value]).filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v);
  const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  return read.filter((file) => file.bytes.length > 0 || file.name !== '');
}

export function text(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

export function list(values: FormValues, name: string): string[] {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Runs a form command; when the input is wrong, shows the same form again with every error and
 * everything typed kept (passwords excepted), instead of an error page.
 */
export async function handleForm(
  c: Context<AppEnv>,
  action: () => Promise<Response>,
  formAgain: { title: string; body: () => Child | Promise<Child> },
): Promise<Response> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation' && error.fieldErrors.length > 0) {
      return render(c, formAgain.title, await formAgain.body(), 422, error.fieldErrors);
    }
    // A refusal with a reason (the step is not possible now, and why): the same page, the reason on top.
    if (error instanceof AppError && error.code === 'conflict' && error.fieldErrors.length > 0) {
      return render(c, formAgain.title, await formAgain.body(), 409, error.fieldErrors);
    }
    // Too busy right now: the same form, everything typed kept, with the reason and when to retry.
    if (error instanceof AppError && error.code === 'busy') {
      if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
      return render(c, formAgain.title, await formAgain.body(), 503, [{ field: 'form', message: 'errors.busy.text' }]);
    }
    throw error;
  }
}

/** POST, then redirect: the browser's back button never re-submits a form. */
export function redirectTo(c: Context<AppEnv>, path: string): Response {
  return c.redirect(c.get('href')(path), 303);
}

/**
 * Runs a domain command whose field names differ from the form's (forms on one page name their
 * fields apart so every id is unique) and hands errors back under the form's names.
 */
export async function withFormFieldNames<T>(formFieldFor: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.fieldErrors.map((e) => ({ ...e, field: formFieldFor[e.field] ?? e.field })), error.retryAfterSeconds);
  }
}

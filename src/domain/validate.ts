import type { z } from 'zod';
import { AppError } from './errors.js';

/** Parses input with a schema; failures become one AppError listing every field and its message key. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const fieldErrors = result.error.issues
    .map((issue) => ({
      field: issue.path.length > 0 ? String(issue.path[0]) : 'form',
      message: issue.message.startsWith('errors.') ? issue.message : 'errors.field.invalid',
    }))
    .filter((error) => (seen.has(error.field) ? false : (seen.add(error.field), true)));
  throw new AppError('validation', fieldErrors);
}

/** A calendar date as a date field sends it (YYYY-MM-DD) that exists (no 31 February), in years the database takes (not year 0). */
export function isLocalDate(value: string): boolean {
  return /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

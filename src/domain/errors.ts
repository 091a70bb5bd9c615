// One error type for everything the user or caller can get wrong. The code is stable (tests and
// API clients rely on it); the HTTP layer maps it to a status and a translated message.
export const errorCodes = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  token_invalid: 410,
  throttled: 429,
  csrf: 403,
  payload_too_large: 413,
  unavailable: 503,
  route_unavailable: 409,
  tampered: 409,
  declaration_required: 403,
  /** The handler stepped aside from this case: their key is gone, and the page says so. */
  recused: 403,
  /** Too many expensive requests are waiting (key derivations): try again in a few seconds. */
  busy: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  field: string;
  /** A message-catalogue key. */
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function fieldError(field: string, message: string): AppError {
  return new AppError('validation', [{ field, message }]);
}

/**
 * A refusal that says why (a catalogue key), not just what kind: the form comes back with the
 * reason at the top, the error page shows it instead of the general text, the API lists it.
 */
export function refusal(code: ErrorCode, reason: string): AppError {
  return new AppError(code, [{ field: REFUSAL_FIELD, message: reason }]);
}

/** The field name a refusal's reason travels under (it belongs to no input). */
export const REFUSAL_FIELD = 'refusal';

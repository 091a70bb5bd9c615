import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../domain/errors.js';
import { MAX_FILES_PER_SUBMISSION } from '../../domain/files/prepare-upload.js';

// Forms and JSON are small. The few routes that take files allow a few full-size files; each
// file is checked against the per-file limit again when it is read.
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;
const uploadRoutes = [/^\/report\/[a-z_]+$/, /^\/my-report\/messages$/, /^\/staff\/cases\/[0-9a-f-]{36}\/messages$/];

export function bodyLimits(uploadMaxBytes: number) {
  const onError = () => {
    throw new AppError('payload_too_large');
  };
  const small = bodyLimit({ maxSize: FORM_BODY_LIMIT_BYTES, onError });
  const large = bodyLimit({ maxSize: MAX_FILES_PER_SUBMISSION * uploadMaxBytes + 1024 * 1024, onError });
  return createMiddleware(async (c, next) => {
    const limit = uploadRoutes.some((route) => route.test(c.req.path)) ? large : small;
    return limit(c, next);
  });
}

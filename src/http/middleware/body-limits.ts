import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../domain/errors.js';
import { MAX_FILES_PER_SUBMISSION } from '../../domain/files/prepare-upload.js';
import { MAX_IMPORT_BYTES } from '../../domain/surveys/import-responses.js';
import { MAX_LOGO_BYTES } from '../../domain/organisation/set-organisation-look.js';

// Forms and JSON are small. The few addresses that take files allow a few full-size files; each
// file is checked against the per-file limit again when it is read. The limit is enforced while
// the body streams in (or at once from its declared length), before anything parses or checks
// the body, the CSRF check included.
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;
const MULTIPART_OVERHEAD = 1024 * 1024;

export function bodyLimits(uploadMaxBytes: number) {
  const onError = () => {
    throw new AppError('payload_too_large');
  };
  const limited = (maxSize: number) => bodyLimit({ maxSize, onError });
  const small = limited(FORM_BODY_LIMIT_BYTES);
  const attachments = limited(MAX_FILES_PER_SUBMISSION * uploadMaxBytes + MULTIPART_OVERHEAD);
  const routes: Array<[RegExp, ReturnType<typeof limited>]> = [
    // Only the report form's send (not its steps) takes attachments.
    [/^\/report\/[a-z_]+\/send$/, attachments],
    [/^\/my-report\/messages$/, attachments],
    [/^\/staff\/cases\/[0-9a-f-]{36}\/messages$/, attachments],
    [/^\/staff\/surveys\/[0-9a-f-]{36}\/import$/, limited(MAX_IMPORT_BYTES + MULTIPART_OVERHEAD)],
    // A logo too large is answered on the form itself (the limit is checked again when it is read).
    [/^\/staff\/settings\/look$/, limited(4 * MAX_LOGO_BYTES + MULTIPART_OVERHEAD)],
  ];
  return createMiddleware((c, next) => {
    // A request without a body costs nothing here (no Request is rebuilt for a GET).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = routes.find(([route]) => route.test(c.req.path))?.[1] ?? small;
    return limit(c, next);
  });
}

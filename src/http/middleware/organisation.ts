import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getPath } from 'hono/utils/url';
import { AppError } from '../../domain/errors.js';
import { findOrganisationBySlug } from '../../domain/organisation/find-organisation.js';
import { getOrganisation } from '../../domain/organisation/get-organisation.js';
import type { Services } from '../../services.js';
import type { AppEnv } from '../env.js';

// Which organisation a request is for, decided in this one place. On a platform of many each
// organisation has its own public address, /o/<slug>/…; the routes themselves are written without
// it (the app's getPath strips it), and every link and redirect the pages build gets it back through
// the href helper. A request without the prefix is for the installation's first organisation, so an
// installation upgraded in place keeps its old addresses.
const PREFIX = /^\/o\/([a-z0-9-]{1,40})(?=\/|$)/;

/** The app's routing path: the request's path without an organisation prefix. */
export function routingPath(request: Request): string {
  const path = getPath(request);
  const match = PREFIX.exec(path);
  return match ? path.slice(match[0].length) || '/' : path;
}

/** The prefix the request came in under ("/o/<slug>"), or "" for the first organisation's plain addresses. */
export function organisationPrefix(c: Context<AppEnv>): string {
  return PREFIX.exec(new URL(c.req.url).pathname)?.[0] ?? '';
}

export function organisation(s: Pick<Services, 'db'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const prefix = organisationPrefix(c);
    c.set('organisationPrefix', prefix);
    if (prefix) {
      c.set('organisation', await findOrganisationBySlug(s, prefix.slice(3)));
    } else if (!c.req.path.startsWith('/assets/')) {
      // An error page must still render when the database is away: then there is no organisation.
      c.set('organisation', await getOrganisation(s).catch(() => null));
    } else c.set('organisation', null);
    await next();
  });
}

/** After the language is known (so the error page can be translated): an unknown /o/<slug> is a 404. */
export function knownOrganisation() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.get('organisationPrefix') && !c.get('organisation')) {
      c.set('organisationPrefix', '');
      throw new AppError('not_found');
    }
    await next();
  });
}

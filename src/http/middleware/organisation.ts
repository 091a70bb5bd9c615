import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getPath } from 'hono/utils/url';
import { AppError } from '../../domain/errors.js';
import type { Organisation } from '../../domain/organisation/get-organisation.js';
import { keptOrganisationDirectory, organisationDirectory } from '../../domain/organisation/organisation-directory.js';
import type { Services } from '../../services.js';
import type { AppEnv } from '../env.js';

// Which organisation a request is for, decided in this one place. On a platform of many each
// organisation has its own public address, /o/<slug>/…; the routes themselves are written without
// it (the app's getPath strips it), and every link and redirect the pages build gets it back through
// the href helper. A request without the prefix is for the installation's first organisation, so an
// installation upgraded in place keeps its old addresses.
// The platform operator's own address, /platform/…, is the one address of no organisation: its
// accounts (organisation_id null) sign in only there and see names and counts, never content.
const PREFIX = /^(?:\/o\/([a-z0-9-]{1,40})|\/platform)(?=\/|$)/;

export const PLATFORM_PREFIX = '/platform';

/** The app's routing path: the request's path without an organisation prefix. */
export function routingPath(request: Request): string {
  const path = getPath(request);
  const match = PREFIX.exec(path);
  return match ? path.slice(match[0].length) || '/' : path;
}

/**
 * The prefix the request came in under ("/o/<slug>", "/platform"), or "" for the first
 * organisation's plain addresses. Read from the same decoded path the routing uses, so that
 * "/o/%62eta/…" cannot route as one organisation's page while being served as another's.
 */
export function organisationPrefix(c: Context<AppEnv>): string {
  return PREFIX.exec(getPath(c.req.raw))?.[0] ?? '';
}

export function organisation(s: Pick<Services, 'db' | 'config' | 'publicCache'>) {
  const platformHost = new URL(s.config.baseUrl).hostname;
  return createMiddleware<AppEnv>(async (c, next) => {
    const prefix = organisationPrefix(c);
    c.set('organisationPrefix', prefix);
    if (c.req.path.startsWith('/assets/')) {
      c.set('organisation', null);
      return next();
    }
    // Read before the organisation is: a page made with an organisation read before a change is
    // then never kept, even when the change is reported only after that read returned.
    c.set('cacheGeneration', s.publicCache.current());
    // An error page must still render when the database is away: then there is no organisation,
    // and whatever needs one answers with the database's own error (503), not "not found".
    const directory =
      keptOrganisationDirectory(s) ??
      (await organisationDirectory(s).catch((error: unknown) => {
        c.set('organisationError', error);
        return null;
      }));
    // An organisation's own host name (set by the operator): there, the plain addresses are that
    // organisation's, its /o/<slug> too, and nothing else is served: no other organisation, no
    // platform operator.
    const host = new URL(c.req.url).hostname.toLowerCase();
    c.set('hostname', host);
    const owner = host !== platformHost ? (directory?.byHost.get(host) ?? null) : null;
    if (owner) {
      const elsewhere = prefix === PLATFORM_PREFIX || (prefix !== '' && prefix.slice(3) !== owner.slug);
      c.set('organisation', elsewhere ? null : owner);
      if (elsewhere) c.set('organisationPrefix', '/o/-');
    } else if (!directory || prefix === PLATFORM_PREFIX) {
      c.set('organisation', null);
    } else if (prefix) {
      c.set('organisation', directory.bySlug.get(prefix.slice(3)) ?? null);
    } else {
      c.set('organisation', directory.first);
    }
    return next();
  });
}

/** After the language is known (so the error page can be translated): an unknown /o/<slug> is a 404. */
export function knownOrganisation() {
  return createMiddleware<AppEnv>((c, next) => {
    if (c.get('organisationPrefix') && c.get('organisationPrefix') !== PLATFORM_PREFIX && !c.get('organisation')) {
      c.set('organisationPrefix', '');
      // The database away is its own error (503), not "no such organisation".
      throw c.get('organisationError') ?? new AppError('not_found');
    }
    return next();
  });
}

/** The organisation the request is for; a 404 when there is none (an installation not set up yet). */
export function organisationOf(c: Context<AppEnv>): Organisation {
  const found = c.get('organisation');
  if (!found && c.get('organisationError')) throw c.get('organisationError');
  if (!found) throw new AppError('not_found');
  return found;
}

/** The id of the organisation the request is for; a 404 when there is none. */
export function organisationIdOf(c: Context<AppEnv>): string {
  return organisationOf(c).id;
}

/**
 * Whose accounts sign in at this address: the organisation's, or (null) the platform operator's at
 * /platform/…. A 404 anywhere else without an organisation (an installation not set up yet).
 */
export function accountScopeOf(c: Context<AppEnv>): string | null {
  return c.get('organisationPrefix') === PLATFORM_PREFIX ? null : organisationIdOf(c);
}

/** Whether the request came in on its organisation's own host name (where the platform's list is never shown). */
export function onOwnHost(c: Context<AppEnv>): boolean {
  const hostName = c.get('organisation')?.hostName;
  return !!hostName && hostName === (c.get('hostname') ?? new URL(c.req.url).hostname.toLowerCase());
}

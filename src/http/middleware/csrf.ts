import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { reporterCookieName } from './session.js';
import { ensurePreSession, existingPreSession } from './pre-session.js';
import { AppError, refusal } from '../../domain/errors.js';
import { fromBase64Url, toBase64Url } from '../../crypto/encoding.js';
import type { Services } from '../../services.js';
import type { AppEnv } from '../env.js';

// Every form carries a token bound to the staff session, the reporter's session, or before any
// session to the form's own path (plus, for a form that starts a session, the browser's
// pre-session cookie, see pre-session.ts), and signed with the server key; cross-site requests are also refused by their Origin and
// Fetch-Metadata headers. The JSON API uses bearer tokens, never cookies, so it needs neither.
const TOKEN_LIFETIME_SECONDS = 12 * 3600;
const MAC_BYTES = 16;
export const CSRF_FIELD = '_csrf';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The report form's send button posts to its own address (so that only it takes attachments) with
// the token of the form it belongs to.
const formPath = (path: string) => path.replace(/^(\/report\/[a-z_]+)\/send$/, '$1');

// Forms that start a session are bound to the browser's pre-session cookie and never accepted
// without it: otherwise a token fetched in the attacker's own browser could log the victim into
// the attacker's receipt or account (login CSRF). Other forms before a session (the report form's
// steps, the self-check) start nothing, so they stay bound to their path alone and a browser that
// refuses cookies can still write and send a report.
/** A form action's or request's path as it is, query dropped ("//host/login" stays that, not "/login"). */
const pathOf = (action: string) => action.split(/[?#]/)[0]!;

const startsSession = (path: string) => /^\/(receipt|login|recover|join|setup\/[^/]+|invitation\/[^/]+)$/.test(path);

/** Whether a form's token, before any session, binds (and so needs) the browser's pre-session cookie. */
export const formNeedsPreSession = (action: string): boolean => startsSession(pathOf(action));

export function csrf(s: Pick<Services, 'sodium' | 'serverKeys' | 'now' | 'config'>) {
  const mac = (binding: string, expiry: number) =>
    s.sodium.crypto_generichash(MAC_BYTES, s.sodium.from_string(`${binding}|${expiry}`), s.serverKeys.csrf);
  // Staff forms bind to the staff session; a returning reporter's forms to their session cookie
  // (hashed); forms before any session to their own path.
  const reporterCookie = reporterCookieName(s.config.secureCookies);
  const hashed = (value: string) => s.sodium.to_hex(s.sodium.crypto_generichash(16, s.sodium.from_string(value), null));
  /** What a token is bound to; `pre` is the pre-session value, or null where there is none. */
  const bindingFor = (c: Context<AppEnv>, action: string, pre: string | null) => {
    const staff = c.get('session')?.sessionId;
    if (staff) return `session:${staff}`;
    const reporter = getCookie(c, reporterCookie);
    if (reporter) return `reporter:${hashed(reporter)}`;
    // The organisation's address is part of the form (on a platform of many, /o/a/… and /o/b/… share paths).
    const path = `${c.get('organisationPrefix')}:${formPath(pathOf(action))}`;
    return startsSession(formPath(pathOf(action))) ? `pre:${pre ? hashed(pre) : 'none'}|form:${path}` : `form:${path}`;
  };
  const secure = s.config.secureCookies;
  // A session-starting form before any session gets the browser's pre-session cookie (set now if missing).
  const tokenFor = (c: Context<AppEnv>, action: string) => {
    const pre = !c.get('session') && !getCookie(c, reporterCookie) && formNeedsPreSession(action) ? ensurePreSession(c, secure) : null;
    return issue(bindingFor(c, action, pre));
  };

  const issue = (binding: string) => {
    const expiry = Math.floor(s.now().getTime() / 1000) + TOKEN_LIFETIME_SECONDS;
    const out = new Uint8Array(4 + MAC_BYTES);
    new DataView(out.buffer).setUint32(0, expiry);
    out.set(mac(binding, expiry), 4);
    return toBase64Url(out);
  };

  const check = (binding: string, token: unknown): boolean => {
    const bytes = typeof token === 'string' && token.length < 64 ? fromBase64Url(token) : null;
    if (!bytes || bytes.length !== 4 + MAC_BYTES) return false;
    const expiry = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
    if (expiry < s.now().getTime() / 1000) return false;
    return s.sodium.memcmp(bytes.subarray(4), mac(binding, expiry));
  };

  const allowedOrigins = new Set([new URL(s.config.baseUrl).origin]);

  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('csrfToken', (action: string) => tokenFor(c, action));
    if (!unsafeMethods.has(c.req.method) || c.req.path.startsWith('/api/')) return next();

    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('csrf');
    const origin = c.req.header('origin');
    // Our pages send no referrer, so a browser's own form posts here carry "Origin: null"; that is
    // accepted only when the same browser's Fetch Metadata vouches for this origin. A sandboxed
    // frame or a data: page elsewhere also sends "null", but with Sec-Fetch-Site cross-site, or
    // (an old browser) without it: both refused.
    if (origin === 'null' ? site !== 'same-origin' : origin && !allowedOrigins.has(origin) && origin !== new URL(c.req.url).origin) {
      throw new AppError('csrf');
    }
    const contentType = c.req.header('content-type') ?? '';
    if (!contentType.startsWith('application/x-www-form-urlencoded') && !contentType.startsWith('multipart/form-data')) {
      throw new AppError('csrf');
    }
    const pre = existingPreSession(c, secure);
    if (!pre && startsSession(c.req.path) && !c.get('session')) throw refusal('csrf', 'errors.csrf.cookiesNeeded');
    const body = await c.req.parseBody();
    if (!check(bindingFor(c, c.req.path, pre), body[CSRF_FIELD])) throw new AppError('csrf');
    return next();
  });
}

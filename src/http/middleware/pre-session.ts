import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import { randomPool } from '../../crypto/random-pool.js';
import type { AppEnv } from '../env.js';

// The pre-session cookie: 32 random bytes that tie a browser's forms before any log-in to that
// browser. It carries no identity and is stored nowhere; it binds the forms' CSRF tokens (so a
// token fetched in an attacker's browser does not work in the victim's) and is the key to the
// report form's kept draft (src/domain/reports/draft-store.ts). It is set only by a page that
// shows a form, is a session cookie (gone when the browser closes), HttpOnly and SameSite=Lax, so
// a link from elsewhere still finds the person's draft but no other site's form carries it.
// The quick exit deletes it, which makes a kept draft unreadable.
export function preSessionCookieName(secure: boolean): string {
  return secure ? '__Host-tegenspraak-pre' : 'tegenspraak-pre';
}

const VALUE = /^[A-Za-z0-9_-]{43}$/;
const preSessionValue = randomPool(32);

/** The browser's pre-session value, if it sent exactly one, well-formed. */
export function existingPreSession(c: Context<AppEnv>, secure: boolean): string | null {
  const name = preSessionCookieName(secure);
  // Two of them (one planted from a sibling domain over plain http) count as none.
  const header = c.req.header('cookie') ?? '';
  if (header.split(';').filter((part) => part.trim().startsWith(`${name}=`)).length > 1) return null;
  const value = getCookie(c, name);
  return value && VALUE.test(value) ? value : null;
}

/** The browser's pre-session value; a page about to show a form without one gets one set. */
export function ensurePreSession(c: Context<AppEnv>, secure: boolean): string {
  const known = c.get('preSession') ?? existingPreSession(c, secure);
  if (known) {
    c.set('preSession', known);
    return known;
  }
  c.header('Set-Cookie', startPreSession(c, secure), { append: true });
  return c.get('preSession')!;
}

/**
 * A new pre-session for this request, returned as its Set-Cookie line for a response that carries
 * its headers itself (a kept page, see page-cache.ts); forms rendered after it are bound to it.
 */
export function startPreSession(c: Context<AppEnv>, secure: boolean): string {
  const value = preSessionValue().toString('base64url');
  c.set('preSession', value);
  return serialize(preSessionCookieName(secure), value, { path: '/', httpOnly: true, secure, sameSite: 'Lax' });
}

export function clearPreSession(c: Context<AppEnv>, secure: boolean): void {
  setCookie(c, preSessionCookieName(secure), '', { path: '/', httpOnly: true, secure, sameSite: 'Lax', maxAge: 0 });
}

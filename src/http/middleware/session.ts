import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import { resolveSession } from '../../domain/sessions/resolve-session.js';
import type { Services } from '../../services.js';
import type { AppEnv } from '../env.js';
import { PLATFORM_PREFIX } from './organisation.js';

// The "__Host-" prefix pins the cookie to this exact origin, but browsers accept it only with
// Secure, so it is used whenever the app is served over HTTPS.
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-tegenspraak-session' : 'tegenspraak-session';
}

/** A returning reporter's cookie, set only after they enter their receipt. */
export function reporterCookieName(secure: boolean): string {
  return secure ? '__Host-tegenspraak-reporter' : 'tegenspraak-reporter';
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, secure, sameSite: 'Strict' as const, maxAge: maxAgeSeconds };
}

/** Finds the staff session behind the cookie, if any. Pages without a cookie never touch the sessions table. */
export function session(s: Pick<Services, 'db' | 'sodium' | 'now' | 'config'>) {
  const name = sessionCookieName(s.config.secureCookies);
  return createMiddleware<AppEnv & { Variables: { sessionToken: string | null } }>(async (c, next) => {
    const token = getCookie(c, name) ?? null;
    c.set('sessionToken', token);
    if (!token) {
      c.set('session', null);
      return next();
    }
    const found = await resolveSession(s, token);
    // A session counts only at its own organisation's addresses: signed in at A is signed out at B.
    // The platform operator's (no organisation) only at the platform's address, /platform/….
    const here = c.get('organisationPrefix') === PLATFORM_PREFIX ? null : (c.get('organisation')?.id ?? undefined);
    c.set('session', found && found.organisationId === here ? found : null);
    return next();
  });
}

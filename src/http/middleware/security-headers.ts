import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { randomPool } from '../../crypto/random-pool.js';
import type { AppEnv } from '../env.js';

/**
 * Strict headers on every response: a nonce-based CSP that allows nothing from other origins, no
 * framing, no referrer, and no caching (pages may show personal or case data). Static assets
 * opt back into caching themselves.
 */
const policy = (nonce: string) =>
  `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

function constantHeaders(https: boolean): Readonly<Record<string, string>> {
  return Object.freeze({
    'referrer-policy': 'no-referrer',
    // Behind https the browser is told to never try plain http again (set it at the proxy too).
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  });
}

// Responses built by securedResponse carry every header already, as plain values the server writes
// without a Headers object in between (the hot public pages); the middleware leaves those alone.
const secured = new WeakSet<Response>();

export function securityHeaders(options: { https: boolean }) {
  const nonces = nonceSource();
  const constant = constantHeaders(options.https);
  return createMiddleware<AppEnv>(async (c, next) => {
    const nonce = nonces();
    c.set('nonce', nonce);
    c.set('securityHeaders', constant);
    await next();
    if (secured.has(c.res)) return;
    const headers = c.res.headers;
    // A response may bring a stricter policy of its own (file downloads are sandboxed).
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', policy(nonce));
    for (const name in constant) headers.set(name, constant[name]!);
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  });
}

/**
 * A response with the strict headers and `headers` (lower-case names) as plain values. For
 * responses made whole in one place (a kept page, a JSON answer): nothing else may have set
 * headers on the context, since those are not carried over.
 */
export function securedResponse(c: Context<AppEnv>, status: number, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string>): Response {
  const response = new Response(body, {
    status,
    headers: { 'cache-control': 'no-store', 'content-security-policy': policy(c.get('nonce')), ...c.get('securityHeaders'), ...headers },
  });
  secured.add(response);
  return response;
}

/** 128-bit nonces, each used once. */
function nonceSource(): () => string {
  const take = randomPool(16);
  return () => take().toString('base64');
}

import { createMiddleware } from 'hono/factory';
import { randomBytes } from 'node:crypto';
import type { AppEnv } from '../env.js';

/**
 * Strict headers on every response: a nonce-based CSP that allows nothing from other origins, no
 * framing, no referrer, and no caching (pages may show personal or case data). Static assets
 * opt back into caching themselves.
 */
export function securityHeaders(options: { https: boolean }) {
  const nonces = nonceSource();
  return createMiddleware<AppEnv>(async (c, next) => {
    const nonce = nonces();
    c.set('nonce', nonce);
    await next();
    const headers = c.res.headers;
    // A response may bring a stricter policy of its own (file downloads are sandboxed).
    if (!headers.has('Content-Security-Policy')) headers.set(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join('; '),
    );
    headers.set('Referrer-Policy', 'no-referrer');
    // Behind https the browser is told to never try plain http again (set it at the proxy too).
    if (options.https) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  });
}

/**
 * 128-bit nonces from the system's random source, read 256 at a time: one call to the kernel per
 * 256 requests instead of one per request. Each nonce is used once.
 */
function nonceSource(): () => string {
  const SIZE = 16;
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + SIZE > pool.length) {
      pool = randomBytes(SIZE * 256);
      offset = 0;
    }
    const nonce = pool.toString('base64', offset, offset + SIZE);
    offset += SIZE;
    return nonce;
  };
}

import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';

/**
 * One line per request with the route pattern (never the concrete path: it may hold a token),
 * the status and the duration. No address, user agent, cookie, query or body.
 */
export function requestLog(logger: Logger) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({ method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
}

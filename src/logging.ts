import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

// Logs say what the server did, never who asked or what they wrote: no IP addresses, user agents,
// cookies, tokens, URLs with tokens, or bodies. Request lines carry the route pattern only.
export function createLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['req', 'headers', 'body', 'cookie', 'ip', 'userAgent'], remove: true },
    },
    destination as pino.DestinationStream | undefined,
  );
}

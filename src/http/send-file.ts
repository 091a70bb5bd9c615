import type { Context } from 'hono';

/**
 * Hands a decrypted file to the browser as a download, never rendered in the page's origin:
 * a sandboxing CSP and nosniff keep a hostile PDF or text file from running anything.
 */
export function sendFile(c: Context, file: { name: string; mime: string; bytes: Uint8Array }): Response {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.mime,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}

import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';
import type { Services } from '../services.js';
import type { AppEnv } from './env.js';
import { formNeedsPreSession } from './middleware/csrf.js';
import { onOwnHost } from './middleware/organisation.js';
import { startPreSession } from './middleware/pre-session.js';
import { securedResponse } from './middleware/security-headers.js';

// A public page that is the same for every visitor but for its script nonce (the Content-Security-
// Policy's) and its forms' CSRF tokens is kept with marks where those go; each request gets its own
// nonce and its own tokens (and, with them, its own pre-session cookie) in their place. Only a
// request without any cookie (no staff session, no reporter, no draft) and with no query but the
// language is served from memory, so nobody's own state is ever kept.
const MARK = randomBytes(12).toString('hex');
const NONCE_MARK = `nonce-mark-${MARK}`;
const tokenMark = (i: number) => `token-mark-${MARK}-${i}-`;

interface KeptPage {
  /** The page's bytes between the marks, and which mark goes where. */
  parts: Array<Buffer | { token: number } | 'nonce'>;
  /** The form actions whose tokens the page carries, in the order of their marks. */
  actions: string[];
  /** Whether one of those forms starts a session, so each visit gets its own pre-session cookie. */
  preSession: boolean;
}

function pageKey(c: Context<AppEnv>): string | null {
  if (c.req.header('cookie') !== undefined) return null;
  const url = c.req.url;
  const query = url.indexOf('?');
  const search = query < 0 ? '' : url.slice(query);
  // Only the plain address, or the language the page is shown in asked for by name (a language not
  // offered is shown in the default one, fresh, and not kept: unknown codes cannot fill the cache).
  if (search !== '' && search !== `?lang=${c.get('lang')}`) return null;
  // Only the address spelled as the app writes it: the page repeats its own path in its language
  // links, so "/%72eceipt" or "/o/a" (for "/o/a/") is rendered fresh rather than shown to others.
  const path = url.slice(url.indexOf('/', url.indexOf('://') + 3), query < 0 ? undefined : query);
  if (path !== `${c.get('organisationPrefix')}${c.req.path}`) return null;
  return `page:${c.get('organisation')?.id ?? '-'}:${c.get('organisationPrefix')}:${onOwnHost(c) ? 'own' : 'platform'}:${c.get('lang')}:${path}${search}`;
}

/**
 * Splits a rendered page at its marks, once: the parts are kept as bytes, so serving it is copying
 * them with this request's nonce and tokens between (no text to encode or measure per request).
 */
function keep(html: string, nonce: string, actions: string[]): KeptPage {
  const parts: Array<Buffer | { token: number } | 'nonce'> = [];
  const marks = new RegExp(`(${NONCE_MARK})|token-mark-${MARK}-(\\d+)-`, 'g');
  const marked = html.replaceAll(nonce, NONCE_MARK);
  let last = 0;
  for (const match of marked.matchAll(marks)) {
    parts.push(Buffer.from(marked.slice(last, match.index), 'utf8'));
    parts.push(match[1] ? 'nonce' : { token: Number(match[2]) });
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(marked.slice(last), 'utf8'));
  return { parts, actions, preSession: actions.some(formNeedsPreSession) };
}

/** The kept page with this request's nonce, tokens and (where its forms start a session) pre-session cookie in place. */
function fill(c: Context<AppEnv>, s: Pick<Services, 'config'>, kept: KeptPage): Response {
  // Set before the tokens are made, so they are bound to it (the request has no cookie at all).
  const cookie = kept.preSession ? startPreSession(c, s.config.secureCookies) : undefined;
  const tokens = kept.actions.map((action) => c.get('csrfToken')(action));
  const nonce = c.get('nonce');
  const bytes = Buffer.concat(kept.parts.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part === 'nonce' ? nonce : tokens[part.token]!, 'latin1'))));
  return securedResponse(c, 200, bytes, { 'content-type': 'text/html; charset=UTF-8', ...(cookie ? { 'set-cookie': cookie } : {}) });
}

/** The page `render` makes, from memory when it may be and was made before. */
export async function keptPage(c: Context<AppEnv>, s: Pick<Services, 'publicCache' | 'config'>, render: () => Response | Promise<Response>): Promise<Response> {
  const key = pageKey(c);
  if (!key) return render();
  const kept = s.publicCache.peek<KeptPage>(key);
  if (kept !== undefined) return fill(c, s, kept);
  // As of the start of the request: the organisation on the page was read before this point.
  const generation = c.get('cacheGeneration') ?? s.publicCache.current();
  // Rendered once with marks for the tokens, then filled like a kept page.
  const issue = c.get('csrfToken');
  const actions: string[] = [];
  c.set('csrfToken', (action: string) => {
    if (!actions.includes(action)) actions.push(action);
    return tokenMark(actions.indexOf(action));
  });
  let response: Response;
  try {
    response = await render();
  } finally {
    c.set('csrfToken', issue);
  }
  // Only a plain page is kept: another status, or a header of its own (a cookie), and it is made
  // again for this visitor with real tokens, and not kept.
  let ownHeaders = false;
  response.headers.forEach((_, name) => (ownHeaders ||= name !== 'content-type'));
  if (response.status !== 200 || ownHeaders) return render();
  const page = keep(await response.text(), c.get('nonce'), actions);
  s.publicCache.put(key, page, generation);
  return fill(c, s, page);
}

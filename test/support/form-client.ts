import type { TestApp } from './test-app.js';

export interface PageResponse {
  status: number;
  html: string;
  bytes: Uint8Array;
  headers: Headers;
  location: string | null;
  /** The address a report step redirected to, when the client followed it (see `post`). */
  redirectedTo?: string;
}

/**
 * Talks to the app like a browser with JavaScript off: keeps its cookie, reads the CSRF token
 * from the page that holds the form, and posts url-encoded forms. No port is opened.
 */
export class FormClient {
  /** Every cookie the app set, by name, as a browser keeps them. */
  readonly jar = new Map<string, string>();

  /** The session cookie ("name=value"): the staff or reporter session, not the pre-session cookie. */
  get cookie(): string | null {
    const entry = [...this.jar].find(([name]) => !name.endsWith('tegenspraak-pre'));
    return entry ? `${entry[0]}=${entry[1]}` : null;
  }

  set cookie(value: string | null) {
    for (const name of [...this.jar.keys()]) if (!name.endsWith('tegenspraak-pre')) this.jar.delete(name);
    if (value) {
      const at = value.indexOf('=');
      this.jar.set(value.slice(0, at), value.slice(at + 1));
    }
  }

  /** The pre-session cookie's value, once a page with a form set it. */
  get preSession(): string | null {
    return [...this.jar].find(([name]) => name.endsWith('tegenspraak-pre'))?.[1] ?? null;
  }

  /**
   * `at`: an organisation's address prefix ("/o/<slug>"); every path this client asks for is then
   * under it, as for a browser that came in through that organisation's own link.
   */
  constructor(
    private readonly t: TestApp,
    private readonly origin = 'http://localhost',
    readonly at = '',
  ) {}

  /** The path under this client's organisation prefix. */
  under(path: string): string {
    return this.at && !/^\/o\/[a-z0-9-]+(\/|$)/.test(path) ? `${this.at}${path}` : path;
  }

  async get(path: string): Promise<PageResponse> {
    return this.send(path, { method: 'GET' });
  }

  /** Fetches `pagePath`, takes the CSRF token of the form posting to `action`, and submits it. */
  async submit(pagePath: string, action: string, fields: Record<string, string | string[]>): Promise<PageResponse> {
    const page = await this.get(pagePath);
    const token = csrfTokenFor(page.html, this.under(action));
    return this.post(action, { ...fields, _csrf: token });
  }

  /**
   * Posts where no page offers the form (the attempt a page does not invite), with the best token
   * this client can get: its session's (bound to the session, so any page's will do), taken from
   * `tokenPage`; a visitor without a session gets the log-in form's, which is bound elsewhere.
   */
  async postWithOwnToken(path: string, fields: Record<string, string | string[]>, tokenPage = this.cookie ? '/staff' : '/login'): Promise<PageResponse> {
    const token = hiddenValue((await this.get(tokenPage)).html, '_csrf');
    return this.post(path, { ...fields, _csrf: token });
  }

  async post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<PageResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    return this.followStep(await this.send(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin, 'sec-fetch-site': 'same-origin', ...headers },
    }));
  }

  /**
   * The report form's steps answer with a redirect to the step's own address (so that a browser's
   * Back button works); like a browser, the client follows it and returns that page.
   */
  private async followStep(response: PageResponse): Promise<PageResponse> {
    const location = response.location;
    if (response.status !== 303 || !location || !/^(\/o\/[a-z0-9-]+)?\/report\//.test(location)) return response;
    return { ...(await this.get(location)), redirectedTo: location };
  }

  /** A multipart form with files, as a browser sends a form with a file input. */
  async postMultipart(path: string, fields: Record<string, string | string[]>, files: { field: string; name: string; bytes: Uint8Array; type?: string }[]): Promise<PageResponse> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    for (const file of files) form.append(file.field, new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/octet-stream' }));
    return this.followStep(await this.send(path, { method: 'POST', body: form, headers: { origin: this.origin, 'sec-fetch-site': 'same-origin' } }));
  }

  private async send(path: string, init: { method: string; body?: string | FormData; headers?: Record<string, string> }): Promise<PageResponse> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0 && !headers.has('cookie')) headers.set('cookie', [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await this.t.app.request(`${this.origin}${this.under(path)}`, { method: init.method, body: init.body, headers });
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      if (at < 1) continue;
      if (/=$/.test(pair) || /Max-Age=0/i.test(setCookie)) this.jar.delete(name);
      else this.jar.set(name, pair.slice(at + 1));
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, html: new TextDecoder().decode(bytes), bytes, headers: response.headers, location: response.headers.get('location') };
  }
}

export function csrfTokenFor(html: string, action: string): string {
  const forms = html.split('<form').slice(1);
  const escaped = action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const form = forms.find((f) => new RegExp(`action="${escaped}(\\?[^"]*)?"`).test(f));
  const token = form && /name="_csrf" value="([^"]+)"/.exec(form)?.[1];
  if (!token) throw new Error(`No form posting to ${action} on this page`);
  return token;
}

export function hiddenValue(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`No hidden field ${name}`);
  return value;
}

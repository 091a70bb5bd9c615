import type { TestApp } from './test-app.js';

export interface PageResponse {
  status: number;
  html: string;
  bytes: Uint8Array;
  headers: Headers;
  location: string | null;
}

/**
 * Talks to the app like a browser with JavaScript off: keeps its cookie, reads the CSRF token
 * from the page that holds the form, and posts url-encoded forms. No port is opened.
 */
export class FormClient {
  cookie: string | null = null;

  constructor(private readonly t: TestApp, private readonly origin = 'http://localhost') {}

  async get(path: string): Promise<PageResponse> {
    return this.send(path, { method: 'GET' });
  }

  /** Fetches `pagePath`, takes the CSRF token of the form posting to `action`, and submits it. */
  async submit(pagePath: string, action: string, fields: Record<string, string | string[]>): Promise<PageResponse> {
    const page = await this.get(pagePath);
    const token = csrfTokenFor(page.html, action);
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
    return this.send(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin, 'sec-fetch-site': 'same-origin', ...headers },
    });
  }

  /** A multipart form with files, as a browser sends a form with a file input. */
  async postMultipart(path: string, fields: Record<string, string | string[]>, files: { field: string; name: string; bytes: Uint8Array; type?: string }[]): Promise<PageResponse> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    for (const file of files) form.append(file.field, new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/octet-stream' }));
    return this.send(path, { method: 'POST', body: form, headers: { origin: this.origin, 'sec-fetch-site': 'same-origin' } });
  }

  private async send(path: string, init: { method: string; body?: string | FormData; headers?: Record<string, string> }): Promise<PageResponse> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await this.t.app.request(`${this.origin}${path}`, { method: init.method, body: init.body, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = /=$/.test(pair ?? '') || /Max-Age=0/i.test(setCookie) ? null : (pair ?? null);
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

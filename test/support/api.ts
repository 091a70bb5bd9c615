import type { TestApp } from './test-app.js';

/** A JSON POST to the app, as an API client without cookies sends it; the answer's status and body. */
export async function postJson(t: TestApp, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await t.app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

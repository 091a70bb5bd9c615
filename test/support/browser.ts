import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Debian's Chromium, started the way this machine needs (root, no GPU, no background networking).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function chromiumAvailable(): boolean {
  return existsSync(executablePath);
}

const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath, args });
}

/** A browser with a real profile folder on disk (disk cache, saved session), as on a work computer. */
export async function launchWithProfile(userDataDir: string, baseUrl: string, options: { javaScript: boolean }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath, args, javaScriptEnabled: options.javaScript, baseURL: baseUrl });
}

/**
 * A browser context that records every request, so a test can assert that nothing left this
 * origin. With JavaScript on, axe-core is injected past the page's CSP for the audit only.
 */
export async function newContext(browser: Browser, baseUrl: string, options: { javaScript: boolean }) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript, bypassCSP: options.javaScript, baseURL: baseUrl });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, requests };
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and fails with the violations listed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${label}`).toEqual([]);
  // Labels find their field by id: a repeated id sends a label (and assistive technology) to the wrong field.
  const repeatedIds = await page.evaluate(() => {
    const ids = Array.from(document.querySelectorAll("[id]"), (element) => element.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
  });
  expect(repeatedIds, `repeated ids on ${label}`).toEqual([]);
}

export function expectSameOrigin(requests: string[], baseUrl: string): void {
  const foreign = requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('data:'));
  expect(foreign).toEqual([]);
}

export type { Browser, BrowserContext, Page };

import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from '../helpers/browser.js';

export const shotDir = path.resolve('test-output/screenshots');

export const widths = [
  { width: 1280, height: 900 },
  { width: 320, height: 640 },
] as const;

/** What a page check covered, so the run can print how many pages were checked where. */
export const checked: Array<{ name: string; locale: string; width: number }> = [];

/**
 * Opens a page as the browser's current user and holds it to the site's bar: it answers 200 with
 * HTML in the right language, has one h1, no axe WCAG 2.1 A/AA violations at 1280 px and at
 * 320 px, and does not scroll sideways at 320 px. Screenshots go to test-output/screenshots.
 */
export async function checkPage(page: Page, url: string, name: string, locale: string): Promise<void> {
  const response = await page.goto(url);
  assert.ok(response, `${name} answered`);
  assert.equal(response.status(), 200, `${name} [${locale}] ${url} answered ${response.status()}`);
  await assertAccessible(page, name, locale);
}

/** The checks of checkPage on whatever page the browser shows now (e.g. a form's error state). */
export async function assertAccessible(page: Page, name: string, locale: string): Promise<void> {
  assert.equal(await page.getAttribute('html', 'lang'), locale, `${name}: page language`);
  assert.equal(await page.locator('h1').count(), 1, `${name} [${locale}]: exactly one h1`);
  for (const size of widths) {
    await page.setViewportSize(size);
    if (size.width === 320) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} [${locale}] scrolls sideways by ${overflow}px at 320px; too wide: ${await widestElements(page)}`);
    }
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${name} [${locale}] at ${size.width}px:\n${describeViolations(violations)}`);
    await page.screenshot({ path: path.join(shotDir, `${name}-${locale}-${size.width}.png`), fullPage: true });
    checked.push({ name, locale, width: size.width });
  }
  await page.setViewportSize(widths[0]);
}

/** The innermost elements that reach past the right edge of the viewport, to say what to fix. */
async function widestElements(page: Page): Promise<string> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1);
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    return innermost
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`)
      .join('; ');
  });
}

/**
 * A route pattern for an address, so that a crawl checks one user page, not every user:
 * numeric ids and long tokens become ":id".
 */
export function routePattern(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => (/^\d+$/.test(s) || (/^[A-Za-z0-9_-]{16,}$/.test(s) && /\d/.test(s) && !s.includes('--')) ? ':id' : s))
    .join('/');
}

/** Same-site links on the page under one of the prefixes, as pathnames (with their query). */
export async function linksUnder(page: Page, prefixes: readonly string[]): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && prefixes.some((p) => u.pathname === p || u.pathname.startsWith(`${p}/`)))
    .map((u) => u.pathname + u.search);
}

export function summarise(): string {
  const byKey = new Map<string, Set<string>>();
  for (const c of checked) {
    const key = `${c.locale} @ ${c.width}px`;
    if (!byKey.has(key)) byKey.set(key, new Set());
    byKey.get(key)!.add(c.name);
  }
  return [...byKey.entries()].map(([key, names]) => `${key}: ${names.size} pages (${[...names].sort().join(', ')})`).join('\n');
}

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { alternatePaths, type PageId } from '../../src/http/page-paths.js';
import { locales } from '../../src/i18n/locales.js';
import { messages } from '../../src/i18n/messages/index.js';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, browserSkipReason, chromiumArgs, chromiumPath, describeViolations } from '../helpers/browser.js';
import { startLiveApp } from './live-app.js';

const shotDir = path.resolve('test-output/screenshots');

/** Every public page, by name, with the path segments after the page's own. */
const publicPages: Array<{ name: string; page: PageId; rest: string[] }> = [
  { name: 'home', page: 'home', rest: [] },
  { name: 'strategy', page: 'strategy', rest: [] },
  { name: 'strategy-elmo', page: 'strategy', rest: ['elmo-2019-2023'] },
  { name: 'regions', page: 'regions', rest: [] },
  { name: 'region-kainuu', page: 'regions', rest: ['kainuu'] },
  { name: 'expert-group', page: 'expertGroup', rest: [] },
  { name: 'accessibility', page: 'accessibility', rest: [] },
];

describe('public pages in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  before(async () => {
    fs.mkdirSync(shotDir, { recursive: true });
    const live = await startLiveApp();
    t = live;
    origin = live.origin;
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const extraPages = [
    { name: 'api-docs', url: (l: string) => `/api/docs?lang=${l}` },
    { name: 'not-found', url: (l: string) => `/${l}/no-such-page` },
  ];
  const allPages = [
    ...publicPages.map((p) => ({ name: p.name, url: (l: string) => alternatePaths(p.page, ...p.rest)[l as 'fi'] })),
    ...extraPages,
  ];

  for (const { name, url } of allPages) {
    it(`${name}: zero axe WCAG 2.1 A/AA violations in fi, sv and en, and no sideways scrolling at 320 px`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const locale of locales) {
        await page.setViewportSize({ width: 1280, height: 900 });
        const response = await page.goto(origin + url(locale));
        assert.ok(response, 'page answered');
        assert.equal(await page.getAttribute('html', 'lang'), locale);
        assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `${name} [${locale}]:\n${describeViolations(violations)}`);
        await page.screenshot({ path: path.join(shotDir, `${name}-${locale}.png`), fullPage: true });

        await page.setViewportSize({ width: 320, height: 640 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name} [${locale}] scrolls sideways by ${overflow}px at 320px`);
        const mobileViolations = await axeViolations(page);
        assert.equal(mobileViolations.length, 0, `${name} [${locale}] at 320px:\n${describeViolations(mobileViolations)}`);
        if (locale === 'fi') await page.screenshot({ path: path.join(shotDir, `${name}-${locale}-320.png`), fullPage: true });
      }
      await context.close();
    });
  }

  it('puts the skip link first in the tab order and moves focus to the main content', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/en/regions`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.screenshot({ path: path.join(shotDir, 'skip-link-focused.png') });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.close();
  });

  it('switches language and stays on the same page', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/fi/maakunnat/kainuu`);
    await page.getByRole('link', { name: 'Svenska' }).click();
    assert.equal(new URL(page.url()).pathname, '/sv/landskap/kainuu');
    assert.equal(await page.locator('h1').textContent(), 'Kajanaland');
    await page.close();
  });

  for (const locale of locales) {
    it(`takes accessibility feedback without JavaScript [${locale}]: errors at the fields first, then a reference`, async () => {
      const t9n = messages(locale);
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(origin + alternatePaths('accessibility')[locale]);
      await page.getByLabel(t9n.feedback.email).fill('not-an-address');
      await page.getByRole('button', { name: t9n.feedback.submit }).click();
      await page.screenshot({ path: path.join(shotDir, `feedback-errors-${locale}.png`), fullPage: true });
      assert.deepEqual(await page.locator('.error-summary li').allTextContents(), [
        t9n.errors.required(t9n.feedback.message),
        t9n.errors.invalidEmail,
      ]);
      assert.equal(await page.getByLabel(t9n.feedback.email).inputValue(), 'not-an-address', 'typed value kept');
      await page.getByLabel(t9n.feedback.message, { exact: true }).fill('The error message is clear.');
      await page.getByLabel(t9n.feedback.email).fill('reader@example.org');
      await page.getByRole('button', { name: t9n.feedback.submit }).click();
      assert.equal(await page.locator('h1').textContent(), t9n.feedback.thanksTitle);
      assert.match((await page.locator('.panel').textContent()) ?? '', /PA-\d{8}-[A-Z2-9]{6}/);
      await page.screenshot({ path: path.join(shotDir, `feedback-thanks-${locale}.png`), fullPage: true });
      await context.close();
    });
  }

  it('shows the form error state without axe violations', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/en/accessibility-statement`);
    await page.getByRole('button', { name: 'Send feedback' }).click();
    assert.equal(await page.locator('.error-summary').count(), 1);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await page.close();
  });
});

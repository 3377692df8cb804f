import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import * as OTPAuth from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { UserRow } from '../../src/db/schema.js';
import { authMessages } from '../../src/features/auth/auth.messages.js';
import { pagePath, type PageId } from '../../src/http/page-paths.js';
import { pageRoute } from '../../src/http/page-routes.js';
import { locales, type Locale } from '../../src/i18n/locales.js';
import { messages } from '../../src/i18n/messages/index.js';
import type { TestApp } from '../helpers/app.js';
import { browserSkipReason, chromiumArgs, chromiumPath } from '../helpers/browser.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../helpers/factories.js';
import { startLiveApp } from './live-app.js';
import { assertAccessible, checkPage, linksUnder, routePattern, shotDir, summarise } from './page-checks.js';

type Who = 'admin' | 'officer' | 'applicant';
interface Account {
  user: UserRow;
  totpSecret?: string;
}

/** Pages checked in all three languages (with who looks at them). */
const mainPages: Array<{ page: PageId; who: Who }> = [
  { page: 'account', who: 'applicant' },
  { page: 'admin', who: 'admin' },
];

/** Every other account and admin page from page-paths.ts, checked in Finnish at both widths. */
const subPages: Array<{ page: PageId; who: Who }> = [
  { page: 'account', who: 'admin' },
  { page: 'accountPassword', who: 'applicant' },
  { page: 'accountSecondFactor', who: 'applicant' },
  { page: 'accountSecondFactor', who: 'admin' },
  { page: 'accountSessions', who: 'applicant' },
  { page: 'accountData', who: 'applicant' },
  { page: 'organisations', who: 'applicant' },
  { page: 'admin', who: 'officer' },
  { page: 'adminUsers', who: 'admin' },
  { page: 'adminOrganisations', who: 'admin' },
  { page: 'adminExpertGroup', who: 'admin' },
  { page: 'adminStrategy', who: 'admin' },
  { page: 'adminGrowthSectors', who: 'admin' },
  { page: 'adminChair', who: 'admin' },
  { page: 'adminAudit', who: 'admin' },
  { page: 'adminEmail', who: 'admin' },
  { page: 'adminApiTokens', who: 'admin' },
  { page: 'adminUsers', who: 'officer' },
  { page: 'adminAudit', who: 'officer' },
];

/** Where the crawl looks for sub-pages (e.g. a user's own page) linked from the pages above. */
const crawlPrefixes = (['account', 'organisations', 'admin'] as const).map((p) => pagePath('fi', p));

const notBuiltYet: string[] = [];

describe('account and admin pages in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  const accounts = {} as Record<Who, Account>;
  const signedIn = {} as Record<Who, Awaited<ReturnType<BrowserContext['storageState']>>>;
  const checkedPatterns = new Set<string>();

  const exists = (page: PageId, suffix = '') => t.app.hasRoute({ method: 'GET', url: pageRoute('fi', page, suffix) });
  const skipUnbuilt = (tc: TestContext, what: string) => {
    notBuiltYet.push(what);
    tc.skip(`TODO: ${what} has no route yet`);
  };

  /** The code the user's authenticator app would show at the app's (test) clock. */
  function totpCode(secret: string): string {
    // A step once accepted is never accepted again, so each sign-in happens a period later.
    t.clock.set(new Date(t.clock.now().getTime() + 30_000).toISOString());
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    return totp.generate({ timestamp: t.clock.now().getTime() });
  }

  /** Signs in through the real form (and the second-factor form for users with TOTP). */
  async function signIn(page: Page, locale: Locale, account: Account): Promise<void> {
    const m = authMessages[locale];
    await page.goto(origin + pagePath(locale, 'signIn'));
    await page.getByLabel(m.email).fill(account.user.email);
    await page.getByLabel(m.password, { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: m.submit, exact: true }).click();
    if (account.totpSecret) {
      assert.equal(new URL(page.url()).pathname, pagePath(locale, 'signInSecondFactor'), 'asked for the second factor');
      await page.locator('input[autocomplete="one-time-code"], input[name="code"]').first().fill(totpCode(account.totpSecret));
      await page.locator('main form button[type="submit"]').first().click();
    }
    assert.equal(await page.locator('.user-menu__name').count(), 1, `signed in as ${account.user.email} (now at ${page.url()})`);
  }

  before(async () => {
    fs.mkdirSync(shotDir, { recursive: true });
    const live = await startLiveApp();
    t = live;
    origin = live.origin;
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: chromiumArgs });
    const db = t.database.db;
    const secret = () => new OTPAuth.Secret({ size: 20 }).base32;
    const adminSecret = secret();
    const officerSecret = secret();
    const organisation = await buildOrganisation(db, { name: 'Kajaanin ammattikorkeakoulu Oy', region: '18' });
    accounts.admin = {
      user: await buildUser(db, { name: 'Aino Ylläpitäjä', roles: [{ role: 'admin' }], totpSecret: adminSecret }, t.app.config),
      totpSecret: adminSecret,
    };
    accounts.officer = {
      user: await buildUser(db, { name: 'Olli Virkailija', roles: [{ role: 'officer', region: '18' }], totpSecret: officerSecret }, t.app.config),
      totpSecret: officerSecret,
    };
    accounts.applicant = {
      user: await buildUser(db, { name: 'Hanna Hakija', memberOf: [{ organisation, admin: true }] }),
    };
  });
  after(async () => {
    console.log(`Pages checked:\n${summarise()}`);
    if (notBuiltYet.length > 0) console.log(`Not built yet (TODO):\n  ${notBuiltYet.join('\n  ')}`);
    await browser?.close();
    await t?.close();
  });

  /** A browser context signed in as the user (signing in through the forms the first time). */
  async function contextFor(who: Who): Promise<BrowserContext> {
    if (!signedIn[who]) {
      const context = await browser.newContext();
      await signIn(await context.newPage(), 'fi', accounts[who]);
      signedIn[who] = await context.storageState();
      await context.close();
    }
    return browser.newContext({ storageState: signedIn[who] });
  }

  for (const locale of locales) {
    it(`sign-in page [${locale}]: no axe violations, no sideways scrolling; errors are summarised and the summary takes focus`, async () => {
      const m = authMessages[locale];
      const context = await browser.newContext();
      const page = await context.newPage();
      await checkPage(page, origin + pagePath(locale, 'signIn'), 'sign-in', locale);

      await page.getByLabel(m.email).fill('nobody@example.test');
      await page.getByRole('button', { name: m.submit, exact: true }).click();
      // autofocus is applied at the next rendering update after load.
      await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 2000 });
      assert.match(await page.title(), new RegExp(`^${messages(locale).errors.summaryTitle}`), 'title says there is a problem');
      assert.equal(await page.getByLabel(m.email).inputValue(), 'nobody@example.test', 'typed e-mail kept');
      await assertAccessible(page, 'sign-in-error', locale);

      await page.getByLabel(m.password, { exact: true }).fill('not the password');
      await page.getByRole('button', { name: m.submit, exact: true }).click();
      assert.equal(await page.locator('.field__error').textContent(), m.invalid);
      assert.equal(await page.getByLabel(m.password, { exact: true }).inputValue(), '', 'password never echoed back');
      await context.close();
    });
  }

  for (const { page: pageId, who } of mainPages) {
    for (const locale of locales) {
      it(`${pageId} as ${who} [${locale}]: no axe violations at 1280 and 320 px, no sideways scrolling`, async (tc) => {
        if (!exists(pageId)) return skipUnbuilt(tc, `${pageId} (${pageRoute('fi', pageId)})`);
        const context = await contextFor(who);
        const page = await context.newPage();
        checkedPatterns.add(`${who} ${pagePath('fi', pageId)}`);
        await checkPage(page, origin + pagePath(locale, pageId), `${pageId}-${who}`, locale);
        await context.close();
      });
    }
  }

  for (const { page: pageId, who } of subPages) {
    it(`${pageId} as ${who} [fi]: no axe violations at 1280 and 320 px, no sideways scrolling`, async (tc) => {
      if (!exists(pageId)) return skipUnbuilt(tc, `${pageId} (${pageRoute('fi', pageId)})`);
      const context = await contextFor(who);
      const page = await context.newPage();
      checkedPatterns.add(`${who} ${pagePath('fi', pageId)}`);
      await checkPage(page, origin + pagePath('fi', pageId), `${pageId}-${who}`, 'fi');
      await context.close();
    });
  }

  for (const who of ['admin', 'applicant'] as const) {
    it(`every page linked from the ${who}'s account and admin pages passes the same checks [fi]`, async () => {
      const context = await contextFor(who);
      const page = await context.newPage();
      const queue = [pagePath('fi', 'account'), pagePath('fi', 'organisations'), ...(who === 'admin' ? [pagePath('fi', 'admin')] : [])];
      const seen = new Set<string>();
      const found: string[] = [];
      const failures: string[] = [];
      while (queue.length > 0 && found.length < 40) {
        const url = queue.shift()!;
        const pattern = routePattern(new URL(url, origin).pathname);
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        // Ask first, so that a download (e.g. the my-data export) is not opened as a page.
        const probe = await page.request.get(origin + url, { maxRedirects: 0 });
        if (probe.status() !== 200 || !(probe.headers()['content-type'] ?? '').includes('text/html')) continue;
        await page.goto(origin + url);
        if (!checkedPatterns.has(`${who} ${pattern}`)) {
          checkedPatterns.add(`${who} ${pattern}`);
          found.push(pattern);
          // Every page is checked even when one fails, so that one run names all that need fixing.
          try {
            await assertAccessible(page, `crawl-${who}${pattern.replace(/[/:]+/g, '-')}`, 'fi');
          } catch (error) {
            failures.push(error instanceof Error ? error.message : String(error));
          }
        }
        for (const link of await linksUnder(page, crawlPrefixes)) queue.push(link);
      }
      console.log(`Crawled as ${who}: ${found.join(', ') || '(nothing beyond the listed pages)'}`);
      await context.close();
      assert.deepEqual(failures, [], failures.join('\n\n'));
    });
  }

  it('signInSecondFactor and signInSetUpSecondFactor [fi]: no axe violations at 1280 and 320 px', async (tc) => {
    if (!exists('signInSecondFactor')) return skipUnbuilt(tc, 'signInSecondFactor');
    const m = authMessages.fi;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin + pagePath('fi', 'signIn'));
    await page.getByLabel(m.email).fill(accounts.officer.user.email);
    await page.getByLabel(m.password, { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: m.submit, exact: true }).click();
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'signInSecondFactor'));
    await assertAccessible(page, 'sign-in-second-factor', 'fi');
    await page.locator('input[autocomplete="one-time-code"], input[name="code"]').first().fill('000000');
    await page.locator('main form button[type="submit"]').first().click();
    assert.equal(await page.locator('.error-summary').count(), 1, 'a wrong code is reported');
    await assertAccessible(page, 'sign-in-second-factor-error', 'fi');
    await context.close();

    if (!exists('signInSetUpSecondFactor')) return skipUnbuilt(tc, 'signInSetUpSecondFactor');
    const expert = await buildUser(t.database.db, { name: 'Eero Asiantuntija', roles: [{ role: 'expert', region: '18' }] });
    const setUp = await browser.newContext();
    const setUpPage = await setUp.newPage();
    await setUpPage.goto(origin + pagePath('fi', 'signIn'));
    await setUpPage.getByLabel(m.email).fill(expert.email);
    await setUpPage.getByLabel(m.password, { exact: true }).fill(TEST_PASSWORD);
    await setUpPage.getByRole('button', { name: m.submit, exact: true }).click();
    assert.equal(new URL(setUpPage.url()).pathname, pagePath('fi', 'signInSetUpSecondFactor'));
    await assertAccessible(setUpPage, 'sign-in-set-up-second-factor', 'fi');
    await setUp.close();
  });

  it('passwordReset [fi, sv, en]: no axe violations at 1280 and 320 px', async (tc) => {
    if (!exists('passwordReset')) return skipUnbuilt(tc, 'passwordReset');
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const locale of locales) await checkPage(page, origin + pagePath(locale, 'passwordReset'), 'password-reset', locale);
    await context.close();
  });

  /** The path of the link in the newest e-mail to an address (the mail is kept in the database in tests). */
  async function linkInMail(to: string, pathPrefix: string): Promise<string> {
    const mail = await t.database.db
      .selectFrom('email_messages')
      .select('body_text')
      .where('to_address', '=', to)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const match = mail.body_text.match(new RegExp(`${origin}(${pathPrefix}/[A-Za-z0-9_-]+)`));
    assert.ok(match, `a ${pathPrefix} link in the mail:\n${mail.body_text}`);
    return match[1]!;
  }

  it('password reset by e-mail link [fi]: every step has no axe violations at 1280 and 320 px', async (tc) => {
    if (!exists('passwordReset', '/:token')) return skipUnbuilt(tc, 'passwordReset/:token');
    const user = await buildUser(t.database.db, { name: 'Riikka Resetoija' });
    // axe runs as a script, so these pages are checked with JavaScript on (the forms need none).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin + pagePath('fi', 'passwordReset'));
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('main form button[type="submit"]').click();
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'passwordReset', 'sent'));
    await assertAccessible(page, 'password-reset-sent', 'fi');

    await checkPage(page, origin + (await linkInMail(user.email, pagePath('fi', 'passwordReset'))), 'password-reset-new-password', 'fi');
    await page.locator('input[name="password"]').fill('lyhyt');
    await page.locator('main form button[type="submit"]').click();
    assert.equal(await page.locator('.error-summary').count(), 1, 'a too short password is reported');
    await assertAccessible(page, 'password-reset-new-password-error', 'fi');
    await page.locator('input[name="password"]').fill('uusi pitkä salasana kesämökille');
    await page.locator('input[name="passwordConfirm"]').fill('uusi pitkä salasana kesämökille');
    await page.locator('main form button[type="submit"]').click();
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'passwordReset', 'done'));
    await assertAccessible(page, 'password-reset-done', 'fi');

    const gone = await page.goto(origin + pagePath('fi', 'passwordReset', 'no-such-token-0000'));
    assert.equal(gone?.status(), 410);
    await assertAccessible(page, 'password-reset-gone', 'fi');
    await context.close();
  });

  it('creating an account [fi, sv, en]: works without JavaScript, and every step has no axe violations', async (tc) => {
    if (!exists('register')) return skipUnbuilt(tc, 'register');
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const locale of locales) await checkPage(page, origin + pagePath(locale, 'register'), 'register', locale);
    await page.goto(origin + pagePath('fi', 'register'));
    await page.locator('input[name="email"]').fill('ei-osoite');
    await page.locator('main form button[type="submit"]').click();
    assert.equal(await page.locator('.error-summary').count(), 1, 'an empty name and a wrong e-mail are reported');
    assert.equal(await page.locator('input[name="email"]').inputValue(), 'ei-osoite', 'what was typed is kept');
    await assertAccessible(page, 'register-error', 'fi');

    // The whole path with JavaScript off: form, e-mail link, password, welcome page.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(origin + pagePath('sv', 'register'));
    await plain.locator('input[name="name"]').fill('Sara Sökande');
    await plain.locator('input[name="email"]').fill('sara.sokande@example.test');
    await plain.locator('main form button[type="submit"]').click();
    assert.equal(new URL(plain.url()).pathname, pagePath('sv', 'register', 'sent'));
    const link = await linkInMail('sara.sokande@example.test', pagePath('sv', 'invitation'));
    await plain.goto(origin + link);
    await plain.locator('input[name="password"]').fill('hallonbuskar vid stranden');
    await plain.locator('input[name="passwordConfirm"]').fill('hallonbuskar vid stranden');
    await plain.locator('main form button[type="submit"]').click();
    assert.equal(new URL(plain.url()).pathname, pagePath('sv', 'register', 'welcome'));
    assert.match(await plain.locator('h1').innerText(), /\S/);

    // The same pages under axe (it runs as a script): sent, confirmation and welcome.
    await checkPage(page, origin + pagePath('fi', 'register', 'sent'), 'register-sent', 'fi');
    await page.goto(origin + pagePath('fi', 'register'));
    await page.locator('input[name="name"]').fill('Aapo Hakija');
    await page.locator('input[name="email"]').fill('aapo.hakija@example.test');
    await page.locator('main form button[type="submit"]').click();
    await checkPage(page, origin + (await linkInMail('aapo.hakija@example.test', pagePath('fi', 'invitation'))), 'register-confirm', 'fi');
    await page.locator('input[name="password"]').fill('mustikkametsä syyskuussa');
    await page.locator('input[name="passwordConfirm"]').fill('mustikkametsä syyskuussa');
    await page.locator('main form button[type="submit"]').click();
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'register', 'welcome'));
    await assertAccessible(page, 'register-welcome', 'fi');
    await noScript.close();
    await context.close();
  });

  it('invitation link [fi]: the accept page and its error state have no axe violations at 1280 and 320 px', async (tc) => {
    if (!exists('invitation', '/:token')) return skipUnbuilt(tc, 'invitation/:token');
    const { issueInvitation } = await import('../../src/features/auth/invitations.service.js');
    const email = `kutsuttu-${Date.now()}@example.test`;
    const actor = { userId: accounts.admin.user.id, label: 'user', ip: '127.0.0.1' };
    const issued = await t.database.db
      .transaction()
      .execute((trx) =>
        issueInvitation(trx, actor, { email, name: 'Kalle Kutsuttu', locale: 'fi', role: { role: 'expert', regionCode: '18' } }, t.clock.now(), {
          baseUrl: origin,
          deliver: false,
        }),
      );
    assert.equal(issued.ok, true, JSON.stringify(issued));
    // axe runs as a script, so these pages are checked with JavaScript on (the forms need none).
    const context = await browser.newContext();
    const page = await context.newPage();
    await checkPage(page, origin + (await linkInMail(email, pagePath('fi', 'invitation'))), 'invitation-accept', 'fi');
    await page.locator('main form button[type="submit"]').first().click();
    assert.equal(await page.locator('.error-summary').count(), 1, 'an empty form is reported');
    await assertAccessible(page, 'invitation-accept-error', 'fi');
    const gone = await page.goto(origin + pagePath('fi', 'invitation', 'no-such-token-0000'));
    assert.equal(gone?.status(), 410);
    await assertAccessible(page, 'invitation-gone', 'fi');
    await context.close();
  });

  it('signs in and out without JavaScript, from the header, and a signed-out browser is sent back to sign-in', async () => {
    const t9n = messages('fi');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'fi', accounts.applicant);
    assert.match((await page.locator('.user-menu__name').textContent()) ?? '', /Hanna Hakija/);
    assert.equal(await page.getByRole('navigation', { name: t9n.auth.userMenu }).getByRole('link', { name: t9n.auth.adminArea }).count(), 0, 'no admin link for an applicant');
    await page.screenshot({ path: path.join(shotDir, 'signed-in-no-js-fi-1280.png') });

    await page.getByRole('navigation', { name: t9n.auth.userMenu }).getByRole('button', { name: t9n.auth.signOut }).click();
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'signIn'));
    assert.equal(await page.locator('.panel--success').textContent(), authMessages.fi.signedOut);
    assert.equal(await page.locator('.user-menu__name').count(), 0, 'the header no longer names the user');
    await page.goto(origin + pagePath('fi', 'account'));
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'signIn'), 'the session has ended');
    await context.close();
  });

  it('signs an official in with a one-time code and shows the admin link; sign-out is a keyboard-focusable button with a visible ring', async () => {
    // The admin's own language is Finnish, so the account page after signing in is in Finnish.
    const t9n = messages('fi');
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'en', accounts.admin);
    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    const menu = page.getByRole('navigation', { name: t9n.auth.userMenu });
    assert.equal(await menu.getByRole('link', { name: t9n.auth.adminArea }).count(), 1);
    const signOut = menu.getByRole('button', { name: t9n.auth.signOut });
    for (let i = 0; i < 20 && !(await signOut.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.equal(await signOut.evaluate((el) => el === document.activeElement), true, 'reached by Tab');
    const ring = await signOut.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.equal(ring.style, 'solid');
    assert.ok(ring.width >= 2, `focus ring ${ring.width}px wide`);
    await page.screenshot({ path: path.join(shotDir, 'sign-out-focused-fi-1280.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === pagePath('fi', 'signIn'));
    assert.equal(await page.locator('.user-menu__name').count(), 0);
    await context.close();
  });

  it('marks the current admin section by more than colour (aria-current and a bar)', async (tc) => {
    if (!exists('adminUsers')) return skipUnbuilt(tc, 'adminUsers');
    const context = await contextFor('admin');
    const page = await context.newPage();
    await page.goto(origin + pagePath('fi', 'adminUsers'));
    const current = page.locator('.admin__nav a[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.textContent(), messages('fi').admin.users);
    const look = await current.evaluate((el) => {
      const s = getComputedStyle(el);
      return { bar: parseFloat(s.borderLeftWidth), weight: Number(s.fontWeight) };
    });
    assert.ok(look.bar >= 3 && look.weight >= 600, `current section drawn with a ${look.bar}px bar at weight ${look.weight}`);
    await context.close();
  });

  it('keeps the admin area usable in forced colours and prints without navigation or buttons', async (tc) => {
    if (!exists('adminUsers')) return skipUnbuilt(tc, 'adminUsers');
    const signedInContext = await contextFor('admin');
    const storageState = await signedInContext.storageState();
    await signedInContext.close();
    const context = await browser.newContext({ storageState, forcedColors: 'active' });
    const page = await context.newPage();
    await page.goto(origin + pagePath('fi', 'adminUsers'));
    const bar = await page.locator('.admin__nav a[aria-current="page"]').evaluate((el) => getComputedStyle(el).borderLeftStyle);
    assert.equal(bar, 'solid', 'the current section keeps its bar in forced colours');
    await page.screenshot({ path: path.join(shotDir, 'adminUsers-forced-colours-fi-1280.png'), fullPage: true });

    await page.emulateMedia({ media: 'print', forcedColors: 'none' });
    assert.equal(await page.locator('.admin__nav').isVisible(), false, 'no admin menu on paper');
    assert.equal(await page.locator('.user-menu').isVisible(), false, 'no user menu on paper');
    assert.equal(await page.locator('main table').isVisible(), true, 'the table prints');
    await page.screenshot({ path: path.join(shotDir, 'adminUsers-print-fi.png'), fullPage: true });
    await context.close();
  });
});

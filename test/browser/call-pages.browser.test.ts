import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as OTPAuth from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CallRow, UserRow } from '../../src/db/schema.js';
import { authMessages } from '../../src/features/auth/auth.messages.js';
import { callInquiryMessages } from '../../src/features/calls/call-inquiries.messages.js';
import { submitApplication } from '../../src/features/applications/submission.service.js';
import { askAboutCall, publishAnswer } from '../../src/features/calls/call-inquiries.service.js';
import { callsMessages } from '../../src/features/calls/calls.messages.js';
import { pagePath } from '../../src/http/page-paths.js';
import { locales } from '../../src/i18n/locales.js';
import { messages } from '../../src/i18n/messages/index.js';
import type { TestApp } from '../helpers/app.js';
import { browserSkipReason, chromiumArgs, chromiumPath } from '../helpers/browser.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../helpers/factories.js';
import { startLiveApp } from './live-app.js';
import { assertAccessible, checkPage, linksUnder, routePattern, shotDir, summarise } from './page-checks.js';

interface Account {
  user: UserRow;
  totpSecret?: string;
}

/**
 * The call pages in a real browser: the public list (filtered and empty), an open, a coming and a
 * closed call's page, the questions page with its error state, in Finnish, Swedish and English; and
 * the officers' call administration in Finnish, with a crawl of every link under /fi/hallinta/haut
 * from a call's overview. Every page state: zero axe WCAG 2.1 A/AA violations at 1280 and 320 px,
 * no sideways scrolling, one h1, the right language (checkPage / assertAccessible).
 */
describe('call pages in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  const accounts = {} as Record<'officer' | 'applicant', Account>;
  const signedIn = {} as Record<'officer' | 'applicant', Awaited<ReturnType<BrowserContext['storageState']>>>;
  let openCall: CallRow;
  let closedCall: CallRow;
  let draftCall: CallRow;
  let comingCallId: number;
  let openInquiryId: number;
  const closedApplicationTitles = ['Metsäbiotalouden uudet tuotteet', 'Arktinen vesiosaaminen'];
  /** Route patterns the officers' crawl has checked already. */
  const crawled = new Set<string>();

  function totpCode(secret: string): string {
    // A step once accepted is never accepted again, so each sign-in happens a period later.
    t.clock.set(new Date(t.clock.now().getTime() + 30_000).toISOString());
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    return totp.generate({ timestamp: t.clock.now().getTime() });
  }

  async function signIn(page: Page, account: Account): Promise<void> {
    const m = authMessages.fi;
    await page.goto(origin + pagePath('fi', 'signIn'));
    await page.getByLabel(m.email).fill(account.user.email);
    await page.getByLabel(m.password, { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: m.submit, exact: true }).click();
    if (account.totpSecret) {
      assert.equal(new URL(page.url()).pathname, pagePath('fi', 'signInSecondFactor'), 'asked for the second factor');
      await page.locator('input[autocomplete="one-time-code"], input[name="code"]').first().fill(totpCode(account.totpSecret));
      await page.locator('main form button[type="submit"]').first().click();
    }
    assert.equal(await page.locator('.user-menu__name').count(), 1, `signed in as ${account.user.email} (now at ${page.url()})`);
  }

  /** A browser context signed in as the user (through the real forms the first time). */
  async function contextFor(who: 'officer' | 'applicant', options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    if (!signedIn[who]) {
      const context = await browser.newContext();
      await signIn(await context.newPage(), accounts[who]);
      signedIn[who] = await context.storageState();
      await context.close();
    }
    return browser.newContext({ storageState: signedIn[who], ...options });
  }

  /** Clicks the first submit button of the page's (main) post form and waits for the answer. */
  async function submitMainForm(page: Page, action?: string): Promise<void> {
    const form = action ? page.locator(`main form[method="post"][action="${action}"]`) : page.locator('main form[method="post"]').first();
    await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
  }

  before(async () => {
    fs.mkdirSync(shotDir, { recursive: true });
    const live = await startLiveApp();
    t = live;
    origin = live.origin;
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: chromiumArgs });
    const db = t.database.db;
    const officerSecret = new OTPAuth.Secret({ size: 20 }).base32;
    accounts.officer = {
      user: await buildUser(db, { name: 'Outi Virkailija', roles: [{ role: 'officer', region: '18' }], totpSecret: officerSecret }, t.app.config),
      totpSecret: officerSecret,
    };
    const applicantOrg = await buildOrganisation(db, { name: 'Oulun seudun testiyhdistys ry', type: 'association', region: '17' });
    accounts.applicant = { user: await buildUser(db, { name: 'Heikki Hakija', memberOf: [{ organisation: applicantOrg, admin: true }] }) };

    openCall = await buildCall(db, { title: 'Puhtaan siirtymän yhteishaku 2026' });
    draftCall = await buildCall(db, { status: 'draft', title: 'Keskeneräinen haku (luonnos)' });
    closedCall = await buildCall(db, {
      title: 'Päättynyt yhteishaku 2026',
      opensAt: '2026-09-01T06:00:00.000Z',
      closesAt: '2026-11-02T14:15:00.000Z',
    });
    for (const [i, title] of closedApplicationTitles.entries()) {
      const lead = await buildOrganisation(db, { name: i === 0 ? 'Itä-Suomen testiyliopisto' : 'Lapin testiammattikorkeakoulu', region: i === 0 ? '12' : '11' });
      // Submitted for real (with a receipt) while the call was open, as the officers' list reads the submissions.
      const draft = await buildApplication(db, { call: closedCall, lead: { organisation: lead }, title });
      const outcome = await submitApplication(db, {
        applicationId: draft.id,
        actor: { userId: accounts.applicant.user.id, label: 'user', ip: '127.0.0.1' },
        user: { userId: accounts.applicant.user.id, email: accounts.applicant.user.email, locale: 'fi' },
        now: () => new Date(`2026-10-${15 + i}T10:00:00.000Z`),
        deliverMail: false,
        baseUrl: origin,
        declared: true,
      });
      assert.equal(outcome.kind, 'submitted', JSON.stringify(outcome));
    }
    // A draft in the closed call is never shown.
    await buildApplication(db, { call: closedCall, lead: { organisation: applicantOrg }, title: 'Salainen luonnos' });
    comingCallId = (await db.selectFrom('calls').select('id').where('reference', '=', 'DEMO-2026-02').executeTakeFirstOrThrow()).id;

    // One question answered in public, one waiting in the officers' inbox.
    const actor = { userId: accounts.applicant.user.id, label: 'user', ip: '127.0.0.1' };
    const asked = await askAboutCall(db, actor, { callId: openCall.id, userId: accounts.applicant.user.id, question: 'Voiko osatoteuttaja olla yritys?', locale: 'fi' }, t.clock.now());
    assert.ok(asked.ok);
    const published = await publishAnswer(
      db,
      { userId: accounts.officer.user.id, label: 'user', ip: '127.0.0.1' },
      { callId: openCall.id, inquiryId: asked.id, publicQuestion: 'Voiko osatoteuttaja olla yritys?', answer: 'Voi, jos yritys on haun tukikelpoinen organisaatiotyyppi.' },
      { deliver: false, baseUrl: origin },
      t.clock.now(),
    );
    assert.ok(published.ok);
    const waiting = await askAboutCall(db, actor, { callId: openCall.id, userId: accounts.applicant.user.id, question: 'Lasketaanko palkkojen sivukulut henkilöstökuluihin?', locale: 'fi' }, t.clock.now());
    assert.ok(waiting.ok);
    openInquiryId = waiting.id;
  });

  after(async () => {
    console.log(`Call pages checked:\n${summarise()}`);
    await browser?.close();
    await t?.close();
  });

  // ---------- Public pages ----------

  for (const locale of locales) {
    it(`public call list [${locale}]: unfiltered, filtered and empty; zero axe violations at 1280 and 320 px`, async () => {
      const m = callsMessages[locale];
      const context = await browser.newContext();
      const page = await context.newPage();
      const list = origin + pagePath(locale, 'calls');
      await checkPage(page, list, 'calls-list', locale);
      assert.ok((await page.locator('.call-list > li').count()) >= 3, 'the open, coming and closed calls are listed');

      await checkPage(page, `${list}?phase=open&region=18`, 'calls-list-filtered', locale);
      const titles = await page.locator('.call-list h3').allInnerTexts();
      assert.ok(titles.includes(openCall[`title_${locale}`]), `the open call is listed: ${titles.join(' | ')}`);
      assert.ok(!titles.includes(closedCall[`title_${locale}`]), 'the closed call is not');
      assert.equal(await page.getByLabel(m.phase).inputValue(), 'open', 'the filter shows what was chosen');
      assert.equal(await page.getByRole('link', { name: m.clearFilters }).count(), 1, 'the filters can be cleared');

      await checkPage(page, `${list}?instrument=other&phase=decided`, 'calls-list-empty', locale);
      assert.equal(await page.locator('.call-list').count(), 0);
      assert.match(await page.locator('main').innerText(), new RegExp(m.noMatches.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

      await checkPage(page, `${list}?phase=nonsense`, 'calls-list-ignored-filter', locale);
      assert.equal(await page.locator('.notice').filter({ hasText: m.ignoredFilters }).count(), 1, 'an unknown filter is reported, not an error');
      await context.close();
    });

    it(`public call pages [${locale}]: open, coming and closed (with the submitted applications); zero axe violations`, async () => {
      const m = callsMessages[locale];
      const context = await browser.newContext();
      const page = await context.newPage();
      await checkPage(page, origin + pagePath(locale, 'calls', String(openCall.id)), 'call-open', locale);
      assert.equal(await page.locator('h1').innerText(), openCall[`title_${locale}`]);
      const apply = page.getByRole('link', { name: m.apply });
      assert.equal(await apply.count(), 1, 'an open call has the apply link');
      assert.equal(new URL((await apply.getAttribute('href'))!, origin).pathname, pagePath(locale, 'applications', 'new'));
      assert.match(await page.locator('#questions').locator('..').innerText(), /yritys/, 'the published answer is on the call page');

      await checkPage(page, origin + pagePath(locale, 'calls', String(comingCallId)), 'call-coming', locale);
      assert.equal(await page.getByRole('link', { name: m.apply }).count(), 0, 'no apply link before the call opens');

      await checkPage(page, origin + pagePath(locale, 'calls', String(closedCall.id)), 'call-closed', locale);
      assert.equal(await page.getByRole('link', { name: m.apply }).count(), 0, 'no apply link after the call has closed');
      const listed = await page.locator('.public-applications__list > li h3').allInnerTexts();
      assert.deepEqual(listed, closedApplicationTitles, 'the submitted applications are listed, never the draft');
      assert.equal(await page.locator('.public-applications table caption').count(), 2, 'each application has a captioned partner table');

      const missing = await page.goto(origin + pagePath(locale, 'calls', String(draftCall.id)));
      assert.equal(missing?.status(), 404, 'a draft call is not public');
      await assertAccessible(page, 'call-not-found', locale);
      await context.close();
    });

    it(`questions page [${locale}]: signed out, signed in, and the error state of an empty question; zero axe violations`, async () => {
      const m = callInquiryMessages[locale];
      const questionsPath = pagePath(locale, 'calls', String(openCall.id), 'questions');
      const anonymous = await browser.newContext();
      const page = await anonymous.newPage();
      await checkPage(page, origin + questionsPath, 'call-questions', locale);
      assert.equal(await page.getByRole('link', { name: m.signInToAsk }).count(), 1, 'a signed-out visitor is asked to sign in');
      assert.equal(await page.locator('main textarea').count(), 0);
      await anonymous.close();

      const context = await contextFor('applicant');
      const signedInPage = await context.newPage();
      await checkPage(signedInPage, origin + questionsPath, 'call-questions-signed-in', locale);
      await signedInPage.getByLabel(m.askLabel).fill('  ');
      await signedInPage.getByRole('button', { name: m.askSubmit }).click();
      await signedInPage.waitForSelector('.error-summary');
      assert.equal(new URL(signedInPage.url()).pathname, questionsPath);
      assert.deepEqual(await signedInPage.locator('.error-summary li').allInnerTexts(), [m.questionRequired]);
      assert.match(await signedInPage.title(), new RegExp(`^${messages(locale).errors.summaryTitle}`));
      await assertAccessible(signedInPage, 'call-questions-error', locale);

      // A question that passes goes to the officers and the call page thanks for it.
      await signedInPage.getByLabel(m.askLabel).fill(`Saako hankkeen aloittaa ennen päätöstä (${locale})?`);
      await signedInPage.getByRole('button', { name: m.askSubmit }).click();
      await signedInPage.waitForURL((url) => url.pathname === pagePath(locale, 'calls', String(openCall.id)) && url.search === '?asked=1');
      assert.equal(await signedInPage.locator('.call-inquiries .panel--success').count(), 1, 'thanked for the question');
      await assertAccessible(signedInPage, 'call-question-asked', locale);
      await context.close();
    });
  }

  it('filters the call list without JavaScript (a plain GET form) and clears the filters', async () => {
    const m = callsMessages.fi;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin + pagePath('fi', 'calls'));
    await page.getByLabel(m.phase).selectOption('closed');
    await page.getByRole('button', { name: m.filter }).click();
    await page.waitForURL((url) => url.searchParams.get('phase') === 'closed');
    const titles = await page.locator('.call-list h3').allInnerTexts();
    assert.deepEqual(titles, [closedCall.title_fi], 'only the closed call is listed');

    await page.getByLabel(m.instrument).selectOption('other');
    await page.getByRole('button', { name: m.filter }).click();
    await page.waitForURL((url) => url.searchParams.get('instrument') === 'other');
    assert.equal(await page.locator('.call-list').count(), 0);
    assert.match(await page.locator('main').innerText(), /Rajauksia vastaavia hakuja ei löytynyt/);

    await page.getByRole('link', { name: m.clearFilters }).first().click();
    await page.waitForURL((url) => url.pathname === pagePath('fi', 'calls') && url.search === '');
    assert.ok((await page.locator('.call-list > li').count()) >= 3);
    await context.close();
  });

  // ---------- Officers ----------

  const adminCalls = (...rest: string[]) => pagePath('fi', 'adminCalls', ...rest);

  /** Checks a page and remembers its route pattern so that the crawl does not check it again. */
  async function checkAdmin(page: Page, path: string, name: string): Promise<void> {
    await checkPage(page, origin + path, name, 'fi');
    crawled.add(routePattern(path.split('?')[0]!));
  }

  it('officer: the call list, a filtered list, and the new-call form with its error state', async () => {
    const context = await contextFor('officer');
    const page = await context.newPage();
    await checkAdmin(page, adminCalls(), 'admin-calls');
    const listed = await page.locator('main').innerText();
    for (const call of [openCall, closedCall, draftCall]) assert.ok(listed.includes(call.title_fi), `${call.title_fi} is listed`);
    await checkAdmin(page, `${adminCalls()}?phase=draft`, 'admin-calls-drafts');

    await checkAdmin(page, adminCalls('new'), 'admin-call-new');
    await page.locator('input[name="title_fi"]').fill('Uusi testihaku');
    await submitMainForm(page);
    assert.equal(new URL(page.url()).pathname, adminCalls('new'));
    assert.equal(await page.locator('.error-summary').count(), 1, 'the empty form is reported');
    assert.ok((await page.locator('.error-summary li').count()) >= 2, 'each missing field is named');
    assert.equal(await page.locator('input[name="title_fi"]').inputValue(), 'Uusi testihaku', 'typed value kept');
    await assertAccessible(page, 'admin-call-new-error', 'fi');
    await context.close();
  });

  it('officer: a call overview, the edit form of a draft and the correction form of an open call', async () => {
    const context = await contextFor('officer');
    const page = await context.newPage();
    await checkAdmin(page, adminCalls(String(openCall.id)), 'admin-call-overview');
    await checkAdmin(page, adminCalls(String(draftCall.id)), 'admin-call-overview-draft');
    await checkAdmin(page, adminCalls(String(closedCall.id)), 'admin-call-overview-closed');
    await checkAdmin(page, adminCalls(String(draftCall.id), 'edit'), 'admin-call-edit');
    await checkAdmin(page, adminCalls(String(openCall.id), 'edit'), 'admin-call-correct');
    // A correction without its announcement (or with a value cleared) is an error state of its own.
    await page.locator('input[name="title_fi"]').fill('');
    await submitMainForm(page);
    assert.equal(await page.locator('.error-summary').count(), 1, 'a cleared title is reported');
    assert.equal(await page.locator('input[name="title_fi"]').inputValue(), '');
    await assertAccessible(page, 'admin-call-correct-error', 'fi');
    await context.close();
  });

  it('officer: selection criteria and extra questions, their forms and error states', async () => {
    const context = await contextFor('officer');
    const page = await context.newPage();
    const db = t.database.db;
    const criterion = await db.selectFrom('call_criteria').select('id').where('call_id', '=', draftCall.id).orderBy('sort_order').executeTakeFirstOrThrow();
    const question = await db.selectFrom('call_questions').select('id').where('call_id', '=', draftCall.id).orderBy('sort_order').executeTakeFirstOrThrow();

    await checkAdmin(page, adminCalls(String(openCall.id), 'criteria'), 'admin-call-criteria');
    await checkAdmin(page, adminCalls(String(draftCall.id), 'criteria'), 'admin-call-criteria-draft');
    await checkAdmin(page, adminCalls(String(draftCall.id), 'criteria', 'new'), 'admin-call-criterion-new');
    await page.locator('input[name="name_fi"]').fill('Uusi kriteeri');
    await submitMainForm(page);
    assert.equal(await page.locator('.error-summary').count(), 1, 'the kind and weight are missing');
    assert.equal(await page.locator('input[name="name_fi"]').inputValue(), 'Uusi kriteeri', 'typed value kept');
    await assertAccessible(page, 'admin-call-criterion-new-error', 'fi');
    await checkAdmin(page, adminCalls(String(draftCall.id), 'criteria', String(criterion.id)), 'admin-call-criterion-edit');

    await checkAdmin(page, adminCalls(String(openCall.id), 'questions'), 'admin-call-questions');
    await checkAdmin(page, adminCalls(String(draftCall.id), 'questions', 'new'), 'admin-call-question-new');
    await submitMainForm(page);
    assert.equal(await page.locator('.error-summary').count(), 1, 'the empty question is reported');
    await assertAccessible(page, 'admin-call-question-new-error', 'fi');
    await checkAdmin(page, adminCalls(String(draftCall.id), 'questions', String(question.id)), 'admin-call-question-edit');

    // In an open call a change needs an announcement first: the confirmation page.
    const openCriterion = await db.selectFrom('call_criteria').select('id').where('call_id', '=', openCall.id).orderBy('sort_order').executeTakeFirstOrThrow();
    await checkAdmin(page, adminCalls(String(openCall.id), 'criteria', String(openCriterion.id)), 'admin-call-criterion-correct');
    await context.close();
  });

  it('officer: the inquiries inbox and the answer page with its error state', async () => {
    const context = await contextFor('officer');
    const page = await context.newPage();
    const m = callInquiryMessages.fi;
    await checkAdmin(page, adminCalls(String(openCall.id), 'inquiries'), 'admin-call-inquiries');
    const answerPath = adminCalls(String(openCall.id), 'inquiries', String(openInquiryId));
    await checkAdmin(page, answerPath, 'admin-call-inquiry');
    await page.locator('textarea[name="answer"]').fill('');
    await page.locator('textarea[name="public_question"]').fill('');
    await submitMainForm(page, answerPath);
    assert.deepEqual(await page.locator('.error-summary li').allInnerTexts(), [m.publicQuestionRequired, m.answerRequired]);
    await assertAccessible(page, 'admin-call-inquiry-error', 'fi');

    await page.locator('textarea[name="public_question"]').fill('Lasketaanko sivukulut henkilöstökuluihin?');
    await page.locator('textarea[name="answer"]').fill('Lasketaan: henkilöstökuluihin kuuluvat palkat ja lakisääteiset sivukulut.');
    await submitMainForm(page, answerPath);
    assert.equal(new URL(page.url()).search, '?done=published');
    await assertAccessible(page, 'admin-call-inquiry-published', 'fi');
    await context.close();
  });

  it("officer: the call's applications list (open and closed call)", async () => {
    const context = await contextFor('officer');
    const page = await context.newPage();
    await checkAdmin(page, adminCalls(String(closedCall.id), 'applications'), 'admin-call-applications');
    const text = await page.locator('main').innerText();
    for (const title of closedApplicationTitles) assert.ok(text.includes(title), `${title} is listed for the officers`);
    await checkAdmin(page, adminCalls(String(openCall.id), 'applications'), 'admin-call-applications-open');
    await context.close();
  });

  it('officer: every link under /fi/hallinta/haut from the overviews answers with an accessible page', async () => {
    const context = await contextFor('officer');
    const page = await context.newPage();
    const queue: string[] = [];
    // The closed call first: its pages link to the submitted applications.
    for (const call of [closedCall, openCall, draftCall]) {
      await page.goto(origin + adminCalls(String(call.id)));
      queue.push(...(await linksUnder(page, [adminCalls()])));
    }
    const failures: string[] = [];
    // Every distinct address is read for its links; each route pattern is checked once.
    const visited = new Set<string>();
    const patterns = new Set<string>();
    const visits = new Map<string, number>();
    const checkedHere: string[] = [];
    while (queue.length > 0 && visited.size < 300) {
      const link = queue.shift()!;
      const pathname = link.split('?')[0]!;
      // Downloads (the CSV/XLSX export, attachments, decision letters) are no pages.
      if (/\/export$|\/attachments\/|\/decisions\/letters\//.test(pathname) || visited.has(link)) continue;
      visited.add(link);
      const pattern = routePattern(pathname) + (link.includes('?') ? '?' : '');
      // A route is read at most three times: enough to find the pages it links to, without reading every demo application.
      const seen = (visits.get(pattern) ?? 0) + 1;
      visits.set(pattern, seen);
      if (seen > 3) continue;
      try {
        if (crawled.has(pattern) || patterns.has(pattern)) {
          const response = await page.goto(origin + link);
          assert.equal(response?.status(), 200, `${link} answered ${response?.status()}`);
        } else {
          patterns.add(pattern);
          await checkPage(page, origin + link, `crawl${routePattern(pathname).replace(/[/:?]+/g, '-')}`, 'fi');
          checkedHere.push(pattern);
        }
        for (const next of await linksUnder(page, [adminCalls()])) queue.push(next);
      } catch (error) {
        failures.push(`${link}: ${(error as Error).message.split('\n').slice(0, 6).join('\n  ')}`);
      }
    }
    console.log(`Officer crawl read ${visited.size} addresses and checked ${checkedHere.length} route patterns not checked above: ${checkedHere.sort().join(', ')}`);
    assert.deepEqual(failures, [], failures.join('\n'));
    await context.close();
  });
});

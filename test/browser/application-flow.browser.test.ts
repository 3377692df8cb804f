import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import type { CallRow, OrganisationType } from '../../src/db/schema.js';
import { authMessages } from '../../src/features/auth/auth.messages.js';
import { applicationsMessages } from '../../src/features/applications/applications.messages.js';
import { liveCheckMessages } from '../../src/features/applications/live-check.messages.js';
import { submissionMessages } from '../../src/features/applications/submission.messages.js';
import { callsMessages } from '../../src/features/calls/calls.messages.js';
import { pagePath } from '../../src/http/page-paths.js';
import { formatMoney } from '../../src/i18n/format.js';
import type { Locale } from '../../src/i18n/locales.js';
import type { TestApp } from '../helpers/app.js';
import { browserSkipReason, chromiumArgs, chromiumPath } from '../helpers/browser.js';
import { buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser, TEST_PASSWORD, uniqueBusinessId } from '../helpers/factories.js';
import { startLiveApp } from './live-app.js';
import { assertAccessible, shotDir, summarise } from './page-checks.js';

/** The two runs of the applicant's path: with the editor's script, and with JavaScript off. */
const runs = [
  { mode: 'js', javaScriptEnabled: true, locale: 'fi', lead: 'Pohjois-Pohjanmaan testiosuuskunta', partners: ['18', '19'] },
  { mode: 'nojs', javaScriptEnabled: false, locale: 'fi', lead: 'Oulun testisäätiö sr', partners: ['11', '12'] },
] as const;

const partnerSpecs: Record<string, { name: string; type: OrganisationType }> = {
  '18': { name: 'Kajaanin testiammattikorkeakoulu Oy', type: 'university-of-applied-sciences' },
  '19': { name: 'Lapin testitutkimuskeskus', type: 'research-institute' },
  '11': { name: 'Savon testiammattiopisto', type: 'university-of-applied-sciences' },
  '12': { name: 'Itä-Suomen testitutkimuslaitos', type: 'research-institute' },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message template with {placeholders} as a pattern that matches any value in their place. */
const templatePattern = (template: string) => new RegExp(`^${escape(template).replace(/\\\{\w+\\\}/g, '.+')}$`);

/**
 * A new applicant applies to a fresh open call from the call page to the receipt, once with
 * JavaScript on (live checks, autosave) and once with it off; every step has zero axe WCAG 2.1
 * A/AA violations at 1280 and 320 px and no sideways scrolling, and is screenshotted as
 * apply-<mode>-<NN>-<step>-<locale>-<width>.png.
 */
describe('applying for funding in Chromium, from the call page to the receipt', { skip: browserSkipReason() }, () => {
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
    console.log(`Application flow pages checked:\n${summarise()}`);
    await browser?.close();
    await t?.close();
  });

  /** Clicks and waits for the page the click loads (also a form's answer at the same address). */
  async function clickAndLoad(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
  }

  async function partnerRows(applicationId: number) {
    return t.database.db
      .selectFrom('application_partners as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.is_lead', 'p.region_code', 'o.name', 'o.org_type', 'o.region_code as home_region'])
      .where('p.application_id', '=', applicationId)
      .orderBy('p.sort_order')
      .orderBy('p.id')
      .execute();
  }

  for (const run of runs) {
    const locale: Locale = run.locale;
    const m = applicationsMessages[locale];
    const sm = submissionMessages[locale];
    const step = (n: number, name: string) => `apply-${run.mode}-${String(n).padStart(2, '0')}-${name}`;

    it(`${run.mode === 'js' ? 'with JavaScript' : 'without JavaScript'} [${locale}]: call page → apply → general part → partners → parts → submit → receipt; every step accessible`, async () => {
      const db = t.database.db;
      const organisation = await buildOrganisation(db, { name: run.lead, type: 'university', region: '17' });
      const user = await buildUser(db, { name: run.mode === 'js' ? 'Hilkka Hakija' : 'Paavo Pelkkä-Lomake', memberOf: [{ organisation, admin: true }] });
      const call: CallRow = await buildCall(db, {
        title: run.mode === 'js' ? 'Älykkään erikoistumisen yhteishaku 2026' : 'Vihreän siirtymän yhteishaku 2026',
        maxAidRateBp: 7500,
        questions: [
          { kind: 'text', required: true, maxLength: 1500 },
          { kind: 'choice', required: true, options: ['Kyllä', 'Ei'] },
        ],
      });
      const questions = await db.selectFrom('call_questions').select(['id', 'kind']).where('call_id', '=', call.id).orderBy('sort_order').execute();

      const context = await browser.newContext({ javaScriptEnabled: run.javaScriptEnabled, viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      // axe needs a script of its own to run (its timers do not run with JavaScript off): without
      // JavaScript each step is checked in a second tab that is handed the very same HTML, with the
      // site's scripts blocked, so that it shows what the browser without JavaScript showed.
      const checkerContext = run.javaScriptEnabled ? null : await browser.newContext({ viewport: { width: 1280, height: 900 } });
      checkerContext?.setDefaultTimeout(20_000);
      await checkerContext?.route((url) => url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js'), (route) => route.abort());
      const checker = checkerContext ? await checkerContext.newPage() : null;
      /** The form's own Save button at its end (the general part has a second one mid-form). */
      const saveButton = () => page.locator('form.editor-form').getByRole('button', { name: m.save, exact: true }).last();
      const check = async (name: string) => {
        if (!checker) return assertAccessible(page, name, locale);
        const url = page.url();
        const html = await page.content();
        const here = (u: URL) => u.href === url;
        await checker.route(here, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
        await checker.goto(url);
        await checker.unroute(here);
        await assertAccessible(checker, name, locale);
      };
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      page.on('console', (message) => {
        // The error states answer 400 on purpose; anything else (a CSP violation, a failed script) counts.
        if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 400/.test(message.text())) scriptErrors.push(message.text());
      });

      // Signing in (the account exists; making one is covered by account-pages).
      const am = authMessages[locale];
      await page.goto(origin + pagePath(locale, 'signIn'));
      await page.getByLabel(am.email).fill(user.email);
      await page.getByLabel(am.password, { exact: true }).fill(TEST_PASSWORD);
      await clickAndLoad(page, page.getByRole('button', { name: am.submit, exact: true }));
      assert.equal(await page.locator('.user-menu__name').count(), 1, 'signed in');

      // 1. The call page and its "Apply" link.
      await page.goto(origin + pagePath(locale, 'calls', String(call.id)));
      await check(step(1, 'call'));
      await clickAndLoad(page, page.getByRole('link', { name: callsMessages[locale].apply }));
      assert.equal(new URL(page.url()).pathname, pagePath(locale, 'applications', 'new'));

      // 2. Choosing the organisation that applies as the lead partner.
      await check(step(2, 'start'));
      await page.getByLabel(`${organisation.name} (${organisation.business_id})`).check();
      await clickAndLoad(page, page.getByRole('button', { name: m.startSubmit }));
      const match = /\/(\d+)$/.exec(new URL(page.url()).pathname);
      assert.ok(match, `on the new application's overview: ${page.url()}`);
      const applicationId = Number(match[1]);
      const appPath = (...rest: string[]) => pagePath(locale, 'applications', String(applicationId), ...rest);

      // 3. The overview with its checklist: much is missing, and submitting is not possible yet.
      await check(step(3, 'overview'));
      assert.ok((await page.locator('.problem-list li').count()) >= 5, 'the checklist lists what is missing');
      assert.equal(await page.getByRole('button', { name: m.submitButton }).isDisabled(), true, 'cannot submit an incomplete draft');
      const stored = await db.selectFrom('application_partners').select(['region_code', 'is_lead']).where('application_id', '=', applicationId).execute();
      assert.deepEqual(stored, [{ region_code: '17', is_lead: 1 }], 'the organisation is the lead partner in its own region');

      // 4. The general part.
      await clickAndLoad(page, page.locator('.editor-nav').getByRole('link', { name: m.navGeneral }));
      assert.equal(new URL(page.url()).pathname, appPath('general'));
      await check(step(4, 'general'));

      if (run.javaScriptEnabled) {
        // Autosave: a pause after typing saves the draft in the background and says so.
        await page.locator('[name="title"]').fill('Arktisen datan yhteiskehittämö');
        const status = page.locator('[data-autosave-status]');
        await status.waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
        assert.equal(await status.count(), 1, 'the editor script shows an autosave status line on the general part');
        await page.waitForFunction(
          (pattern) => new RegExp(pattern).test(document.querySelector('[data-autosave-status]')?.textContent ?? ''),
          templatePattern(liveCheckMessages[locale].autosaved).source,
          { timeout: 10_000 },
        );
        const saved = await db.selectFrom('applications').select(['title', 'version']).where('id', '=', applicationId).executeTakeFirstOrThrow();
        assert.equal(saved.title, 'Arktisen datan yhteiskehittämö', 'the autosaved title is stored');
        assert.equal(await page.locator('input[name="version"]').inputValue(), String(saved.version), 'the form follows the saved version');
        await page.screenshot({ path: path.join(shotDir, `${step(4, 'general-autosaved')}-${locale}-1280.png`), fullPage: true });
      }

      // An end date before the start date: saved as a draft, and the part's checks say what to correct.
      await page.locator('[name="title"]').fill('Arktisen datan yhteiskehittämö');
      await page.locator('[name="start_date"]').fill('1.3.2027');
      await page.locator('[name="end_date"]').fill('1.2.2027');
      await clickAndLoad(page, saveButton());
      assert.equal(await page.locator('.part-checks [data-code="end-before-start"]').count(), 1, 'the end date before the start date is reported');
      assert.equal(await page.locator('[name="start_date"]').inputValue(), '1.3.2027', 'start date kept');
      assert.equal(await page.locator('[name="end_date"]').inputValue(), '1.2.2027', 'end date kept');
      await check(step(5, 'general-dates-problem'));

      // A date that does not exist cannot be saved: the error summary, a message at the field, the values kept.
      await page.locator('[name="summary"]').fill('Yhteinen datapalvelu pohjoisen teollisuudelle.');
      await page.locator('[name="end_date"]').fill('31.2.2029');
      await clickAndLoad(page, saveButton());
      assert.equal(await page.locator('.error-summary').count(), 1, 'an impossible date is an error');
      assert.equal(await page.locator('.error-summary a[href="#field-end_date"]').count(), 1, 'the summary links to the end date');
      assert.equal(await page.locator('[name="end_date"]').inputValue(), '31.2.2029');
      assert.equal(await page.locator('[name="summary"]').inputValue(), 'Yhteinen datapalvelu pohjoisen teollisuudelle.', 'the other values are kept');
      await check(step(6, 'general-error'));

      // Every field of the general part, the extra questions included.
      await page.locator('[name="end_date"]').fill('28.2.2029');
      await page.locator('input[name="priority"]').first().check();
      const sectors = page.locator('input[name="growth_sector"]');
      assert.ok((await sectors.count()) > 0, 'the growth sectors of the lead region are offered');
      await sectors.first().check();
      for (const section of ['background', 'objectives', 'implementation', 'results', 'cooperation']) {
        await page.locator(`[name="section.${section}"]`).fill(`Osion ${section} teksti: mitä tehdään, miksi ja kenen kanssa.`);
      }
      await page.locator('[name="section.implementation.secret"]').check();
      await page.locator('[name="indicator.0.name"]').fill('Uudet yhteiset datapalvelut');
      await page.locator('[name="indicator.0.unit"]').fill('kpl');
      await page.locator('[name="indicator.0.target"]').fill('4');
      await page.locator(`[name="question.${questions[0]!.id}"]`).fill('Hanke jatkaa aiempaa selvitystä ja hyödyntää sen tuloksia.');
      await page.locator(`[name="question.${questions[1]!.id}"][value="0"]`).check();
      await clickAndLoad(page, saveButton());
      assert.ok(new URL(page.url()).searchParams.has('saved'), `saved: ${page.url()}`);
      assert.equal(await page.locator('.part-checks .problem-list li').count(), 0, 'the general part has nothing to correct');
      await check(step(7, 'general-saved'));
      const general = await db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
      assert.equal(general.start_date, '2027-03-01');
      assert.equal(general.end_date, '2029-02-28');
      const answers = await db.selectFrom('application_answers').select(['question_id', 'value']).where('application_id', '=', applicationId).orderBy('question_id').execute();
      assert.deepEqual(answers.map((a) => a.value), ['Hanke jatkaa aiempaa selvitystä ja hyödyntää sen tuloksia.', '0']);

      // 8. Partners: two new organisations in two other regions, by business ID.
      await clickAndLoad(page, page.locator('.editor-nav').getByRole('link', { name: m.navPartners }));
      await check(step(8, 'partners'));
      for (const region of run.partners) {
        const spec = partnerSpecs[region]!;
        await page.locator('[name="business_id"]').fill(uniqueBusinessId());
        await page.locator('select[name="region"]').selectOption(region);
        await page.locator('[name="name"]').fill(spec.name);
        await page.locator('select[name="org_type"]').selectOption(spec.type);
        await page.locator('select[name="home_region"]').selectOption(region);
        await clickAndLoad(page, page.getByRole('button', { name: m.addPartner }));
        assert.ok(new URL(page.url()).searchParams.has('added'), `partner added: ${page.url()} ${await page.locator('.error-summary').innerText().catch(() => '')}`);
      }
      await check(step(9, 'partners-added'));
      const partners = await partnerRows(applicationId);
      assert.deepEqual(
        partners.map((p) => [p.region_code, p.is_lead]),
        [['17', 1], ...run.partners.map((r) => [r, 0])],
      );

      // 10–12. Each partner's part: details, staff costs (flat rate 40 % on top), financing equal to the costs at 70 % aid.
      for (const [i, partner] of partners.entries()) {
        await page.goto(origin + appPath('partners'));
        await clickAndLoad(page, page.getByRole('link', { name: m.editPartOf(partner.name) }));
        assert.equal(new URL(page.url()).pathname, appPath('partners', String(partner.id)));
        await page.locator('[name="unit"]').fill(i === 0 ? 'Tietojenkäsittelytieteiden yksikkö' : 'Tutkimus- ja kehityspalvelut');
        await page.locator('[name="role_description"]').fill('Vastaa työpaketista ja sen tulosten levittämisestä omassa maakunnassaan.');
        await page.locator('[name="contact_name"]').fill(`Yhteyshenkilö ${i + 1}`);
        await page.locator('[name="contact_email"]').fill(`yhteys${i + 1}.${run.mode}@example.test`);

        if (run.javaScriptEnabled && i === 0) {
          // The live check: the part's totals and the aid rate follow the typing, computed in the page:
          // the automatic saves are held back meanwhile, so nothing reaches the server.
          const held: Route[] = [];
          const autosave = (url: URL) => url.pathname.includes('/autosave/');
          let holding = true;
          await page.route(autosave, (route) => (holding ? void held.push(route) : route.continue()));
          const figure = (name: string, expected: string) =>
            page.waitForFunction(
              ([n, text]) => {
                const elements = [...document.querySelectorAll(`[data-figure="${n}"]`)];
                return elements.length > 0 && elements.every((e) => e.textContent === text);
              },
              [name, expected] as const,
              { timeout: 5000 },
            );
          assert.ok((await page.locator('[data-figure="part-total-costs"]').count()) > 0, 'the partner page marks its totals for the live check');
          await page.locator('[name="cost.staff"]').fill('100 000');
          await figure('part-total-costs', formatMoney(14_000_000, locale));
          await figure('part-other-costs', formatMoney(4_000_000, locale));
          // 80 % aid is above the call's 75 %: the check says so at once, and the announcement gives the rate.
          await page.locator('[name="requested"]').fill('112 000');
          await page.locator('[name="own_funding"]').fill('28 000');
          await figure('part-financing', formatMoney(14_000_000, locale));
          await page.locator('.part-checks [data-code="aid-rate-too-high"]').waitFor({ timeout: 5000 });
          assert.match(await page.locator('.part-checks [data-code="aid-rate-too-high"]').innerText(), /80\s?%/);
          await page.waitForFunction(() => /80\s?%/.test(document.querySelector('[data-live-summary]')?.textContent ?? ''), undefined, { timeout: 5000 });
          assert.ok(held.length > 0, 'the autosave tried to save meanwhile (and was held back)');
          const unsaved = await db.selectFrom('application_partners').select('requested_cents').where('id', '=', partner.id).executeTakeFirstOrThrow();
          assert.equal(Number(unsaved.requested_cents), 0, 'the figures changed before anything was saved');
          await page.screenshot({ path: path.join(shotDir, `${step(10, 'partner-live-check')}-${locale}-1280.png`), fullPage: true });
          await page.locator('[name="requested"]').fill('98 000');
          await page.locator('[name="own_funding"]').fill('42 000');
          await page.locator('.part-checks [data-code="aid-rate-too-high"]').waitFor({ state: 'detached', timeout: 5000 });
          holding = false;
          // (A request the page gave up on meanwhile is already settled.)
          for (const route of held) await route.continue().catch(() => undefined);
          await page.unroute(autosave);
        } else {
          await page.locator('[name="cost.staff"]').fill('100 000');
          await page.locator('[name="requested"]').fill('98 000');
          await page.locator('[name="own_funding"]').fill('42 000');
        }
        await page.locator('[name="other_public"]').fill('0');
        await clickAndLoad(page, saveButton());
        assert.ok(new URL(page.url()).searchParams.has('saved'), `partner part saved: ${page.url()} ${await page.locator('.error-summary').innerText().catch(() => '')}`);
        assert.equal(await page.locator('.part-checks .problem-list li').count(), 0, `${partner.name}: nothing to correct`);
        await check(step(10 + i, i === 0 ? 'partner-lead' : `partner-${i + 1}`));
      }
      const money = await db.selectFrom('application_partners').select(['requested_cents', 'own_funding_cents']).where('application_id', '=', applicationId).execute();
      assert.deepEqual(money.map((p) => [Number(p.requested_cents), Number(p.own_funding_cents)]), [[9_800_000, 4_200_000], [9_800_000, 4_200_000], [9_800_000, 4_200_000]]);

      // 13. The overview has no problems left; Submit leads to the confirmation.
      await clickAndLoad(page, page.locator('.editor-nav').getByRole('link', { name: m.navOverview }));
      assert.equal(await page.locator('.problem-list li').count(), 0, `no problems left: ${await page.locator('.problem-list').innerText().catch(() => '')}`);
      assert.equal(await page.locator('.panel--success').filter({ hasText: m.checklistNone }).count(), 1);
      await check(step(13, 'overview-ready'));
      await clickAndLoad(page, page.getByRole('button', { name: m.submitButton }));
      assert.equal(new URL(page.url()).pathname, appPath('submit'));

      // 14. The confirmation; without the declaration it asks for it.
      await check(step(14, 'confirm'));
      await clickAndLoad(page, page.locator('main form').getByRole('button', { name: sm.submitButton }));
      assert.equal(await page.locator('.error-summary').count(), 1, 'the declaration is required');
      assert.equal((await db.selectFrom('applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow()).status, 'draft');
      await check(step(15, 'confirm-error'));
      await page.getByLabel(sm.declaration).check();
      await clickAndLoad(page, page.locator('main form').getByRole('button', { name: sm.submitButton }));

      // 16. The receipt: number, time and SHA-256, as stored.
      assert.equal(new URL(page.url()).pathname, appPath('receipt'));
      const submission = await db.selectFrom('application_submissions').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
      assert.equal(submission.receipt_number, `${call.reference}-0001`);
      assert.equal(submission.content_sha256, createHash('sha256').update(submission.snapshot).digest('hex'), 'the SHA-256 is that of the stored content');
      const snapshot = JSON.parse(submission.snapshot) as { application: { title: string } };
      assert.equal(snapshot.application.title, 'Arktisen datan yhteiskehittämö');
      assert.equal((await page.locator('.receipt__number').innerText()).trim(), submission.receipt_number);
      assert.equal((await page.locator('.submission__hash').innerText()).trim(), submission.content_sha256);
      assert.match(await page.locator('.receipt__facts').innerText(), /28\.11\.2026/, 'the time of submission in Helsinki time');
      assert.equal((await db.selectFrom('applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow()).status, 'submitted');
      await check(step(16, 'receipt'));

      assert.deepEqual(scriptErrors, [], 'no script errors or CSP violations in the console');
      await checkerContext?.close();
      await context.close();
    });
  }
});

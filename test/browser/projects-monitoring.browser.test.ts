import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { indicatorsAdminMessages } from '../../src/features/projects/indicators.admin.messages.js';
import { projectsAdminMessages } from '../../src/features/projects/projects.admin.messages.js';
import { projectsPublicMessages } from '../../src/features/projects/projects.public.messages.js';
import { reportsMessages } from '../../src/features/projects/reports.messages.js';
import { monitoringMessages } from '../../src/features/monitoring/monitoring.messages.js';
import { pagePath } from '../../src/http/page-paths.js';
import { formatMoney } from '../../src/i18n/format.js';
import type { Locale } from '../../src/i18n/locales.js';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, browserSkipReason, chromiumArgs, chromiumPath, describeViolations } from '../helpers/browser.js';
import { startLiveApp } from './live-app.js';
import { assertAccessible, checked, checkPage, shotDir, summarise } from './page-checks.js';
import {
  Browsing,
  buildWorld,
  callProjectCount,
  lateProjectTitle,
  leadOrganisationName,
  mainProjectTitle,
  partnerOrganisationNames,
  type Who,
  type World,
} from './projects-monitoring.setup.js';

const rm = reportsMessages.fi;
const am = projectsAdminMessages.fi;
const im = indicatorsAdminMessages.fi;

/**
 * Funded projects, their reporting and the public monitoring through the real pages in Chromium:
 * the lead partner finds the project in "My projects", tries to submit an incomplete report, saves a
 * draft and submits; the officer of a funding council sees the late flag, adds a reporting period,
 * returns the report with a comment, and accepts it once the lead partner (without JavaScript) has
 * sent it again; the officer adds an indicator to the catalogue. Then the public pages: the project
 * search (Finnish inflected form, a filter, the next page), a project's page, the partner search, the
 * monitoring dashboard and the open data page, in Finnish at 1280 and 320 px and in Swedish and
 * English. Every page state: zero axe WCAG 2.1 A/AA violations at 1280 and 320 px, no sideways
 * scrolling at 320 px, one h1, the right language; screenshots in test-output/screenshots/pm-*.png.
 */
describe('funded projects, reporting and monitoring in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let world: World;
  let browsing: Browsing<Who>;
  /** The main project's indicators: id and Finnish name, in the order of their codes. */
  let indicators: Array<{ id: number; code: string; name: string }>;
  const startedAt = Date.now();

  const check = (page: Page, name: string, locale = 'fi') => assertAccessible(page, `pm-${name}`, locale);
  /** The main content's text with every kind of space (money is formatted with no-break spaces) as a plain one. */
  const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/[^\S\n]+/g, ' ');
  /** Asserts that the page's main content says the text (compared as text, spaces normalised). */
  const says = async (page: Page, text: string, message?: string) => {
    const shown = await mainText(page);
    assert.ok(shown.includes(text.replace(/[^\S\n]+/g, ' ')), `${message ?? 'the page says'} "${text}"; it says:\n${shown.slice(0, 1500)}`);
  };
  const errorSummary = (page: Page) => page.locator('.error-summary li').allInnerTexts();
  const submitWith = async (page: Page, button: ReturnType<Page['locator']>) => {
    await Promise.all([page.waitForNavigation(), button.click()]);
  };
  const reportPath = (locale: Locale = 'fi') => pagePath(locale, 'myProjects', String(world.main.id), 'reports', String(world.firstPeriodId));
  const adminReportPath = () => pagePath('fi', 'adminProjects', String(world.main.id), 'reports', String(world.firstPeriodId));
  const spending = (page: Page, i: number) => page.locator(`input[name="spending_${world.main.partnerIds[i]}"]`);
  const value = (page: Page, i: number) => page.locator(`input[name="indicator_${indicators[i]!.id}"]`);
  const narrative = (page: Page) => page.locator('textarea[name="narrative"]');

  /**
   * checkPage at 1280 px only, for the Swedish and English pages, whose layout at 320 px the Finnish
   * ones (with longer words) already cover; keeps the run short.
   */
  const checkWide = async (page: Page, url: string, name: string, locale: Locale) => {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, `${name} [${locale}] ${url}`);
    assert.equal(await page.getAttribute('html', 'lang'), locale, `${name}: page language`);
    assert.equal(await page.locator('h1').count(), 1, `${name} [${locale}]: exactly one h1`);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${name} [${locale}] at 1280px:\n${describeViolations(violations)}`);
    await page.screenshot({ path: path.join(shotDir, `pm-${name}-${locale}-1280.png`), fullPage: true });
    checked.push({ name: `pm-${name}`, locale, width: 1280 });
  };

  before(async () => {
    fs.mkdirSync(shotDir, { recursive: true });
    const live = await startLiveApp();
    t = live;
    origin = live.origin;
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: chromiumArgs });
    world = await buildWorld(t);
    browsing = new Browsing(browser, t, origin, world.accounts);
    indicators = (
      await t.database.db
        .selectFrom('project_indicators as pi')
        .innerJoin('indicators as i', 'i.id', 'pi.indicator_id')
        .select(['i.id', 'i.code', 'i.name_fi'])
        .where('pi.project_id', '=', world.main.id)
        .orderBy('i.code')
        .execute()
    ).map((r) => ({ id: r.id, code: r.code, name: r.name_fi }));
    assert.deepEqual(indicators.map((i) => i.code), ['RCO01', 'RCO07']);
  });

  after(async () => {
    const states = new Set(checked.map((c) => `${c.name}-${c.locale}`));
    console.log(`Project, reporting, monitoring and open data pages checked (${states.size} page states):\n${summarise()}`);
    console.log(`projects-monitoring.browser.test.ts ran for ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    await browser?.close();
    await t?.close();
  });

  it('lead partner: "Omat hankkeet" → project → report; an incomplete submit keeps the values, a draft is saved, then the report is submitted', async () => {
    const page = await browsing.pageFor('lead');
    await page.goto(origin + pagePath('fi', 'home'));
    await submitWith(page, page.locator('.user-menu').getByRole('link', { name: rm.listTitle }));
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'myProjects'));
    await check(page, 'my-projects');
    const row = page.locator('main tbody tr').filter({ hasText: mainProjectTitle });
    assert.match(await row.innerText(), new RegExp(rm.roleLead));

    await submitWith(page, row.getByRole('link', { name: mainProjectTitle }));
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'myProjects', String(world.main.id)));
    await check(page, 'my-project');
    await submitWith(page, page.getByRole('link', { name: new RegExp(`^${rm.actionStart}: `) }));
    assert.equal(new URL(page.url()).pathname, reportPath());
    await says(page, rm.lateNote);

    // Submitted with only the narrative and the lead's spending: every other field is named, nothing typed is lost.
    const story = 'Kauden aikana kartoitettiin kolmen maakunnan teollisuuden sivuvirrat ja valittiin kaksi pilottikohdetta.';
    await narrative(page).fill(story);
    await spending(page, 0).fill('12 345,67');
    await submitWith(page, page.getByRole('button', { name: rm.submit, exact: true }));
    assert.deepEqual(await errorSummary(page), [
      rm.errors.spendingMissing(partnerOrganisationNames[0]),
      rm.errors.spendingMissing(partnerOrganisationNames[1]),
      rm.errors.valueMissing(indicators[0]!.name),
      rm.errors.valueMissing(indicators[1]!.name),
      rm.errors.confirmMissing,
    ]);
    assert.equal(await page.locator('main .field__error').count(), 5, 'a message at each field');
    assert.equal(await narrative(page).inputValue(), story, 'the narrative is kept');
    assert.equal(await spending(page, 0).inputValue(), '12 345,67', 'the typed amount is kept');
    await check(page, 'report-form-errors');

    // A draft may be incomplete.
    await value(page, 0).fill('4');
    await submitWith(page, page.getByRole('button', { name: rm.saveDraft }));
    assert.equal(new URL(page.url()).search, '?saved=1');
    await says(page, rm.draftSaved);
    assert.equal(await narrative(page).inputValue(), story);
    assert.equal(await value(page, 0).inputValue(), '4');
    await check(page, 'report-draft-saved');

    await spending(page, 1).fill('8 000');
    await spending(page, 2).fill('6 500,50');
    await value(page, 1).fill('2');
    await page.getByLabel(rm.confirm).check();
    await submitWith(page, page.getByRole('button', { name: rm.submit, exact: true }));
    assert.equal(new URL(page.url()).search, '?submitted=1');
    await says(page, rm.reportSubmitted);
    assert.equal(await page.locator('main form textarea').count(), 0, 'a submitted report is shown, not its form');
    await check(page, 'report-submitted');
    await page.context().close();
  });

  it('officer: the project list flags the late report; the project page adds a reporting period (a bad one first); the report is returned with a comment', async () => {
    const page = await browsing.pageFor('officer');
    await checkPage(page, origin + pagePath('fi', 'adminProjects'), 'pm-admin-projects', 'fi');
    const lateRow = page.locator('main tbody tr').filter({ hasText: lateProjectTitle });
    assert.equal(await lateRow.locator('.tag').filter({ hasText: am.list.late(1) }).count(), 1, 'the late report is flagged');
    const mainRow = page.locator('main tbody tr').filter({ hasText: mainProjectTitle });
    assert.match(await mainRow.innerText(), new RegExp(am.list.notLate), 'a report submitted after its due date is no longer late');

    await submitWith(page, mainRow.getByRole('link', { name: mainProjectTitle }));
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'adminProjects', String(world.main.id)));
    await says(page, am.periods.timing['submitted-late']);

    const form = page.locator('form[action$="/periods"]');
    await form.getByLabel(am.periods.start).fill('1.7.2026');
    await form.getByLabel(am.periods.end).fill('30.6.2026');
    await form.getByLabel(am.periods.due).fill('31.1.2027');
    await submitWith(page, form.getByRole('button', { name: am.periods.add }));
    assert.deepEqual(await errorSummary(page), [am.periods.endBeforeStart]);
    assert.equal(await form.locator('.field__error').count(), 1, 'the message is at its field');
    assert.equal(await form.getByLabel(am.periods.end).inputValue(), '30.6.2026', 'typed value kept');
    await check(page, 'admin-period-error');

    await form.getByLabel(am.periods.end).fill('31.12.2026');
    await submitWith(page, form.getByRole('button', { name: am.periods.add }));
    assert.equal(new URL(page.url()).search, '?done=period-added');
    await says(page, am.periods.added);
    assert.equal(await page.locator('#periods tbody tr').count(), 2);
    await check(page, 'admin-period-added');

    await submitWith(page, page.getByRole('link', { name: new RegExp(`^${am.periods.openReport}: `) }));
    assert.equal(new URL(page.url()).pathname, adminReportPath());
    await says(page, '12 345,67');
    await check(page, 'admin-report');
    await page.getByLabel(am.review.comment).fill('Lapin testitutkimuslaitoksen kustannukset puuttuvat erittelystä: täydennä ne.');
    await submitWith(page, page.getByRole('button', { name: am.review.return }));
    assert.equal(new URL(page.url()).search, '?done=returned');
    await says(page, am.review.returnedNotice);
    await check(page, 'admin-report-returned');
    await page.context().close();
  });

  it('lead partner without JavaScript: reads the comment and sends the report again with the plain HTML form', async () => {
    const page = await browsing.pageFor('lead', { javaScriptEnabled: false });
    await page.goto(origin + reportPath());
    await says(page, rm.returnedHeading);
    await says(page, 'Lapin testitutkimuslaitoksen kustannukset puuttuvat');
    assert.equal(await spending(page, 2).inputValue(), '6 500,50', 'the stored values are in the form');
    await spending(page, 2).fill('7 100');
    await page.getByLabel(rm.confirm).check();
    await submitWith(page, page.getByRole('button', { name: rm.submit, exact: true }));
    assert.equal(new URL(page.url()).search, '?submitted=1');
    await says(page, rm.reportSubmitted);
    await page.context().close();
  });

  it('officer: accepts the resubmitted report; adds an indicator to the catalogue (an invalid code first)', async () => {
    const page = await browsing.pageFor('officer');
    await page.goto(origin + adminReportPath());
    await says(page, am.review.events.resubmitted);
    await submitWith(page, page.getByRole('button', { name: am.review.accept }));
    assert.equal(new URL(page.url()).search, '?done=accepted');
    await says(page, am.review.acceptedNotice);
    await check(page, 'admin-report-accepted');

    await checkPage(page, origin + pagePath('fi', 'adminIndicators'), 'pm-admin-indicators', 'fi');
    assert.ok((await page.locator('main tbody tr').count()) >= 16, 'the seeded catalogue is listed');
    const form = page.locator('form[action$="/indikaattorit"]');
    await form.getByLabel(im.code, { exact: true }).fill('oma 1');
    await form.getByLabel(im.kind, { exact: true }).selectOption('output');
    await form.getByLabel(im.unit, { exact: true }).selectOption('count');
    await form.getByLabel(im.nameFi).fill('Pilotoidut sivuvirtaratkaisut');
    await form.getByLabel(im.nameSv).fill('Pilotlösningar för sidoströmmar');
    await form.getByLabel(im.nameEn).fill('Side-stream solutions piloted');
    await form.getByLabel(im.descriptionFi).fill('Hankkeessa pilotoidut teollisuuden sivuvirtojen käyttötavat.');
    await form.getByLabel(im.descriptionSv).fill('Användningar av industriella sidoströmmar som pilottestats i projektet.');
    await form.getByLabel(im.descriptionEn).fill('Uses of industrial side streams piloted in the project.');
    await submitWith(page, form.getByRole('button', { name: im.add }));
    assert.deepEqual(await errorSummary(page), [im.codeFormat]);
    assert.equal(await form.getByLabel(im.nameFi).inputValue(), 'Pilotoidut sivuvirtaratkaisut', 'typed values kept');
    await check(page, 'admin-indicator-error');

    await form.getByLabel(im.code, { exact: true }).fill('OMA-01');
    await submitWith(page, form.getByRole('button', { name: im.add }));
    await says(page, im.added('OMA-01'));
    assert.equal(await page.locator('main tbody tr').filter({ hasText: 'OMA-01' }).count(), 1);
    await page.context().close();
  });

  it('public, in Finnish: the search finds an inflected form, filters by call, pages on; the project page; the partner search', async () => {
    const m = projectsPublicMessages.fi;
    const context = await browser.newContext();
    const page = await context.newPage();
    const search = new URLSearchParams({ q: 'kiertotaloudessa' });
    await checkPage(page, `${origin}${pagePath('fi', 'projects')}?${search}`, 'pm-projects-search', 'fi');
    const titles = await page.locator('.project-card h3 a').allInnerTexts();
    assert.equal(titles[0], mainProjectTitle, `"kiertotaloudessa" finds "${mainProjectTitle}" first: ${titles.join(' | ')}`);
    assert.ok(!titles.includes(lateProjectTitle));

    // The call filter through the form: 22 projects, 20 on the first page.
    await page.goto(origin + pagePath('fi', 'projects'));
    await page.getByLabel(m.call, { exact: true }).selectOption(String(world.call.id));
    await submitWith(page, page.locator('form[role="search"]').getByRole('button', { name: m.submit, exact: true }));
    assert.equal(new URL(page.url()).searchParams.get('call'), String(world.call.id));
    await says(page, m.resultCount(callProjectCount));
    assert.equal(await page.locator('.project-card').count(), 20);
    await check(page, 'projects-filtered');
    await submitWith(page, page.getByRole('link', { name: m.nextPage }));
    assert.equal(await page.locator('.project-card').count(), callProjectCount - 20, 'the rest on the second page');
    assert.equal(await page.getByRole('link', { name: m.nextPage }).count(), 0, 'no third page');
    await check(page, 'projects-page-2');

    await checkPage(page, origin + pagePath('fi', 'projects', String(world.main.id)), 'pm-project', 'fi');
    const text = await mainText(page);
    for (const name of [leadOrganisationName, ...partnerOrganisationNames]) assert.ok(text.includes(name), `partner ${name} is listed`);
    await says(page, formatMoney(30_000_000, 'fi', { wholeEuros: true }), 'the EUR 300,000 grant');
    assert.ok(text.includes(m.progressSummary(1, 2)), 'one of two reports accepted');
    assert.ok(!text.includes('sivuvirrat ja valittiin kaksi pilottikohdetta'), 'the narrative of a report is not public');

    const partners = new URLSearchParams({ q: 'kiertotalous', region: '17' });
    await checkPage(page, `${origin}${pagePath('fi', 'partnerSearch')}?${partners}`, 'pm-partner-search', 'fi');
    const found = await mainText(page);
    assert.ok(found.includes(partnerOrganisationNames[0]) && found.includes(partnerOrganisationNames[1]), 'partners of other regions are found');
    assert.ok(!found.includes(leadOrganisationName), 'organisations of the searcher\'s own region are left out');
    await context.close();
  });

  it('public, in Finnish: the monitoring dashboard filtered to 2026 with accessible charts and the same numbers in tables; the open data page and a file', async () => {
    const m = monitoringMessages.fi;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin + pagePath('fi', 'monitoring'));
    await page.getByLabel(m.yearFrom).fill('2026');
    await submitWith(page, page.getByRole('button', { name: m.show }));
    assert.equal(new URL(page.url()).searchParams.get('yearFrom'), '2026');
    await check(page, 'monitoring-filtered');
    // By hand: 22 projects, all cross-regional; regions 3 + 2 + 20 × 2 = 45 over 22 = 2.045…; EUR 300,000 + 100,000 + 20 × 20,000.
    const figure = (name: string) => page.locator(`[data-figure="${name}"]`).innerText();
    assert.equal(await figure('projects'), '22');
    assert.equal(await figure('cross-regional'), '22');
    assert.equal(await figure('average-regions'), '2,05');
    assert.equal(await figure('total-funding'), formatMoney(80_000_000, 'fi', { wholeEuros: true }));
    const charts = page.locator('svg[role="img"]');
    assert.ok((await charts.count()) >= 3, 'heat map, year bars and network at least');
    for (const chart of await charts.all()) {
      const name = await chart.evaluate((svg) => (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim());
      assert.ok(name.length > 10, `every chart has an accessible name: "${name}"`);
    }
    assert.equal(await page.getByRole('img', { name: m.heatTitle }).count(), 1);
    // The year table beside the bar chart has the same figures.
    assert.deepEqual(await page.locator('tr[data-year="2026"]').locator('th, td').allInnerTexts(), ['2026', '22', formatMoney(80_000_000, 'fi', { wholeEuros: true })]);
    assert.equal(await page.locator('tr[data-year]').count(), 1, 'only 2026 in the filtered figures');

    await checkPage(page, origin + pagePath('fi', 'openData'), 'pm-open-data', 'fi');
    const link = page.locator('main a[href$="/projects.csv"]');
    assert.equal(await link.count(), 1);
    const response = await context.request.get(new URL((await link.getAttribute('href'))!, origin).toString());
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /text\/csv/);
    assert.ok((await response.text()).includes(mainProjectTitle), 'the file lists the project');
    await context.close();
  });

  for (const locale of ['sv', 'en'] as const) {
    it(`public, in ${locale === 'sv' ? 'Swedish' : 'English'}: projects, a project, the dashboard and open data`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await checkWide(page, `${origin}${pagePath(locale, 'projects')}?call=${world.call.id}`, 'projects-filtered', locale);
      await says(page, projectsPublicMessages[locale].resultCount(callProjectCount));
      await checkWide(page, origin + pagePath(locale, 'projects', String(world.main.id)), 'project', locale);
      await says(page, mainProjectTitle);
      await checkWide(page, `${origin}${pagePath(locale, 'monitoring')}?yearFrom=2026`, 'monitoring-filtered', locale);
      assert.equal(await page.locator('[data-figure="projects"]').innerText(), '22');
      await checkWide(page, origin + pagePath(locale, 'openData'), 'open-data', locale);
      await context.close();
    });
  }
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { callCriteriaMessages } from '../../src/features/calls/call-criteria.messages.js';
import { callsAdminMessages } from '../../src/features/calls/calls.admin.messages.js';
import { councilDecisionMessages } from '../../src/features/decisions/council-decisions.messages.js';
import { decisionsApplicantMessages } from '../../src/features/decisions/decisions.applicant.messages.js';
import { decisionsPublicMessages } from '../../src/features/decisions/decisions.public.messages.js';
import { fundingMessages } from '../../src/features/decisions/funding.messages.js';
import { assignmentMessages } from '../../src/features/reviews/assignments.messages.js';
import { scoringMessages } from '../../src/features/reviews/scoring.messages.js';
import { pagePath } from '../../src/http/page-paths.js';
import { formatMoney } from '../../src/i18n/format.js';
import { locales } from '../../src/i18n/locales.js';
import type { TestApp } from '../helpers/app.js';
import { browserSkipReason, chromiumArgs, chromiumPath } from '../helpers/browser.js';
import { startLiveApp } from './live-app.js';
import { assertAccessible, checked, checkPage, shotDir, summarise } from './page-checks.js';
import { applicationSpecs, Browsing, buildWorld, otherReviewsIn, submitWith, type AppKey, type Who, type World } from './review-decisions.setup.js';

const am = assignmentMessages.fi;
const sm = scoringMessages.fi;
const fm = fundingMessages.fi;
const dm = councilDecisionMessages.fi;

/**
 * A call from its closing to its published decisions, through the real pages in Chromium: the
 * officer starts the review and assigns reviewers, the expert declares and scores, the officer records
 * a consensus, ranks and funds (with a fixed grant) and confirms the proposal, each council records
 * its decision, the applicant reads the decision and its letter, and the public reads the decisions
 * (page in three languages and API). The key forms are also posted once without JavaScript. Every
 * page state met: zero axe WCAG 2.1 A/AA violations at 1280 and 320 px, no sideways scrolling at
 * 320 px, one h1, the right language; screenshots in test-output/screenshots/review-*.png.
 */
describe('review, ranking and decisions in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let world: World;
  let browsing: Browsing<Who>;
  const startedAt = Date.now();
  /** The expert's assignments: two made automatically (declared cleared and disqualified), one by hand (declared without JavaScript). */
  const expertAssignment = {} as Record<'cleared' | 'disqualified' | 'byHand', { id: number; app: AppKey }>;

  const adminCall = (...rest: string[]) => pagePath('fi', 'adminCalls', String(world.call.id), ...rest);
  const title = (key: AppKey) => applicationSpecs.find((s) => s.key === key)!.title;
  const keyOf = (applicationId: number) => (Object.keys(world.applicationIds) as AppKey[]).find((k) => world.applicationIds[k] === applicationId)!;
  const check = (page: Page, name: string, locale = 'fi') => assertAccessible(page, `review-${name}`, locale);
  const mainText = (page: Page) => page.locator('main').innerText();
  /** Asserts that the page's main content says the text (compared as text, not as a pattern). */
  const says = async (page: Page, text: string, message?: string) => {
    const shown = await mainText(page);
    assert.ok(shown.includes(text), `${message ?? 'the page says'} "${text}"; it says:\n${shown.slice(0, 1500)}`);
  };
  const errorSummary = (page: Page) => page.locator('.error-summary li').allInnerTexts();
  /** The "declare" link in the application's item of "My reviews"; its name also names the application, for those who hear links out of context. */
  const declareLink = (page: Page, app: AppKey) =>
    page.locator('.review-list__item').filter({ hasText: title(app) }).getByRole('link', { name: new RegExp(`^${am.nextDeclare}\\s*:\\s*${title(app)}$`) });
  const euros = (amount: number, options?: { wholeEuros?: boolean }) => formatMoney(amount * 100, 'fi', options);

  before(async () => {
    fs.mkdirSync(shotDir, { recursive: true });
    const live = await startLiveApp();
    t = live;
    origin = live.origin;
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: chromiumArgs });
    world = await buildWorld(t, origin);
    browsing = new Browsing(browser, t, origin, world.accounts);
  });

  after(async () => {
    const states = new Set(checked.map((c) => `${c.name}-${c.locale}`));
    console.log(`Review and decision pages checked (${states.size} page states):\n${summarise()}`);
    console.log(`review-decisions.browser.test.ts ran for ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    await browser?.close();
    await t?.close();
  });

  it('officer: starts the review from the call overview, assigns two reviewers per application automatically and one by hand', async () => {
    const page = await browsing.pageFor('officer');
    await checkPage(page, origin + adminCall('review'), 'review-assignments-closed', 'fi');
    await says(page, am.phaseClosed);
    assert.equal(await page.getByRole('button', { name: am.automaticButton }).count(), 0, 'nothing to assign before the review starts');

    await page.getByRole('link', { name: am.startReviewLink }).click();
    await submitWith(page, page.getByRole('button', { name: callsAdminMessages.fi.startReviewAction }));
    await says(page, callsAdminMessages.fi.reviewStarted);
    await Promise.all([page.waitForNavigation(), page.locator('main').getByRole('link', { name: callCriteriaMessages.fi.reviewLink, exact: true }).first().click()]);
    assert.equal(new URL(page.url()).pathname, adminCall('review'));
    await check(page, 'assignments');
    assert.equal(await page.locator('article.review-assignment').count(), 4, 'every submitted application is listed');

    // A number out of range is an error at the field, the typed value kept.
    const perApplication = page.getByLabel(am.perApplicationLabel);
    await perApplication.fill('9');
    await submitWith(page, page.getByRole('button', { name: am.automaticButton }));
    assert.deepEqual(await errorSummary(page), [am.perApplicationInvalid]);
    assert.equal(await perApplication.inputValue(), '9');
    await check(page, 'assignments-automatic-error');

    await perApplication.fill('2');
    await submitWith(page, page.getByRole('button', { name: am.automaticButton }));
    await says(page, am.noticeAutomatic(8, 4));
    await check(page, 'assignments-automatic-done');

    const db = t.database.db;
    const expertId = world.accounts.expert.user.id;
    const own = await db.selectFrom('review_assignments').select(['id', 'application_id']).where('reviewer_id', '=', expertId).orderBy('application_id').execute();
    assert.equal(own.length, 2, 'eight places among four experts: two each');
    expertAssignment.cleared = { id: own[0]!.id, app: keyOf(own[0]!.application_id) };
    expertAssignment.disqualified = { id: own[1]!.id, app: keyOf(own[1]!.application_id) };

    // By hand: the expert on an application they do not review yet; first without choosing anyone.
    const target = applicationSpecs.map((s) => s.key).find((k) => !own.some((a) => a.application_id === world.applicationIds[k]))!;
    const addForm = () => page.locator('form.review-assignment__add').filter({ has: page.locator(`input[name="application_id"][value="${world.applicationIds[target]}"]`) });
    await submitWith(page, addForm().getByRole('button', { name: am.addButton }));
    assert.deepEqual(await errorSummary(page), [am.reviewerRequired]);
    await check(page, 'assignments-add-error');
    await addForm().locator('select').selectOption(String(expertId));
    await submitWith(page, addForm().getByRole('button', { name: am.addButton }));
    await says(page, am.noticeAssigned('Eeva Arvioija'));
    await check(page, 'assignments-added');
    const byHand = await db.selectFrom('review_assignments').select(['id', 'method']).where('reviewer_id', '=', expertId).where('application_id', '=', world.applicationIds[target]).executeTakeFirstOrThrow();
    assert.equal(byHand.method, 'manual');
    expertAssignment.byHand = { id: byHand.id, app: target };
    await page.context().close();

    // The rest of the expert group declare and review (demo accounts without a password: written directly).
    await otherReviewsIn(t, world);
  });

  it('expert: opens "My reviews" from the user menu and declares no ground on one application (error state first)', async () => {
    const page = await browsing.pageFor('expert');
    await page.goto(origin + pagePath('fi', 'home'));
    await Promise.all([page.waitForNavigation(), page.locator('.user-menu').getByRole('link', { name: am.myTitle }).click()]);
    await check(page, 'my-reviews');
    assert.equal(await page.getByRole('link', { name: new RegExp(`^${am.nextDeclare}`) }).count(), 3, 'three declarations to make');

    const { app } = expertAssignment.cleared;
    await Promise.all([page.waitForNavigation(), declareLink(page, app).click()]);
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'reviews', String(expertAssignment.cleared.id)));
    await check(page, 'declaration');
    assert.doesNotMatch(await mainText(page), /Osio implementation/, 'no part of the application before the declaration');

    await submitWith(page, page.getByRole('button', { name: am.declareButton }));
    assert.deepEqual(await errorSummary(page), [am.nothingChosen]);
    await check(page, 'declaration-error');

    await page.getByLabel(am.noneApplies).check();
    await submitWith(page, page.getByRole('button', { name: am.declareButton }));
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'reviews', String(expertAssignment.cleared.id), 'scores'), 'cleared: on to scoring');
    await page.context().close();
  });

  it('expert: scores the cleared application – a failed submit keeps the values – and sees the other reviews only after submitting', async () => {
    const page = await browsing.pageFor('expert');
    const scoresPath = pagePath('fi', 'reviews', String(expertAssignment.cleared.id), 'scores');
    await checkPage(page, origin + scoresPath, 'review-scoring', 'fi');
    const others = await otherReviewerNames(expertAssignment.cleared.app);
    const before = await mainText(page);
    assert.equal(await page.getByRole('heading', { name: sm.othersHeading }).count(), 0, 'no other reviews before submitting');
    for (const name of others) assert.ok(!before.includes(name), `${name}'s review is not shown before submitting`);
    assert.match(before, /Osio implementation/, 'the whole application is shown once cleared');

    const [general, content, specifying, horizontal] = world.criteria;
    const score = (c: { id: number }, value: string) => page.locator(`input[name="score_${c.id}"][value="${value}"]`).check();
    const comment = (c: { id: number }) => page.locator(`textarea[name="comment_${c.id}"]`);
    await score(content!, '4');
    await comment(content!).fill('Hanke yhdistää kolmen maakunnan osaamisen uudella tavalla.');
    await submitWith(page, page.getByRole('button', { name: sm.submitScores }));
    const errors = await errorSummary(page);
    assert.ok(errors.includes(sm.verdictRequired(general!.name)), errors.join(' | '));
    assert.ok(errors.includes(sm.scoreRequired(specifying!.name)));
    assert.ok(errors.includes(sm.commentRequired(horizontal!.name)));
    assert.ok(errors.includes(sm.independentRequired));
    assert.equal(errors.length, 7, 'three assessments, three justifications and the confirmation are missing');
    assert.ok(await page.locator(`input[name="score_${content!.id}"][value="4"]`).isChecked(), 'the chosen score is kept');
    assert.equal(await comment(content!).inputValue(), 'Hanke yhdistää kolmen maakunnan osaamisen uudella tavalla.');
    await check(page, 'scoring-error');

    await score(general!, '1');
    await score(specifying!, '4');
    await score(horizontal!, '2');
    await comment(general!).fill('Hanke toteuttaa strategian kiertotalouden painopistettä.');
    await comment(specifying!).fill('Työsuunnitelma on realistinen, mutta aikataulu on tiukka.');
    await comment(horizontal!).fill('Ympäristövaikutukset on arvioitu hyvin.');
    await page.getByLabel(sm.independentLabel).check();
    await submitWith(page, page.getByRole('button', { name: sm.submitScores }));
    assert.equal(new URL(page.url()).search, '?done=submitted');
    const afterText = await mainText(page);
    assert.equal(await page.getByRole('heading', { name: sm.othersHeading }).count(), 1, 'the other reviews are shown now');
    assert.equal(await page.getByRole('heading', { name: sm.meansHeading }).count(), 1, 'and the means of all');
    for (const name of others) assert.ok(afterText.includes(sm.reviewBy(name)), `${name}'s review is shown after submitting`);
    assert.equal(await page.locator('input[type="radio"]').count(), 0, 'a submitted review cannot be changed');
    await check(page, 'scoring-submitted');
    await page.context().close();
  });

  it('expert: declares a ground on another application and then sees nothing confidential of it', async () => {
    const page = await browsing.pageFor('expert');
    const { id, app } = expertAssignment.disqualified;
    await page.goto(origin + pagePath('fi', 'reviews', String(id)));
    await page.getByLabel(am.ground('employment')).check();
    await page.getByLabel(am.declarationNoteLabel).fill('Olen ollut hakijaorganisaation palveluksessa vuoteen 2025 asti.');
    await submitWith(page, page.getByRole('button', { name: am.declareButton }));
    assert.equal(new URL(page.url()).search, '?declared=1');
    assert.equal(await page.locator('h1').innerText(), am.disqualifiedTitle(title(app)));
    const text = await mainText(page);
    assert.match(text, new RegExp(am.ground('employment').slice(0, 40)));
    assert.doesNotMatch(text, /Osio |@example\.test|Vastaus\./, 'no section, contact person or answer of the application');
    assert.equal(await page.locator(`a[href*="/${id}/scores"], a[href*="/attachments/"]`).count(), 0, 'no way on to the application');
    await check(page, 'disqualified');
    const scores = await page.goto(origin + pagePath('fi', 'reviews', String(id), 'scores'));
    assert.equal(scores?.status(), 403, 'the scoring page is refused');
    assert.doesNotMatch(await mainText(page), /Osio implementation/);
    await page.context().close();
  });

  it('expert without JavaScript: declares and scores the application assigned by hand with plain HTML forms', async () => {
    const page = await browsing.pageFor('expert', { javaScriptEnabled: false });
    const { id, app } = expertAssignment.byHand;
    await page.goto(origin + pagePath('fi', 'reviews'));
    await Promise.all([page.waitForNavigation(), declareLink(page, app).click()]);
    await page.getByLabel(am.noneApplies).check();
    await submitWith(page, page.getByRole('button', { name: am.declareButton }));
    assert.equal(new URL(page.url()).pathname, pagePath('fi', 'reviews', String(id), 'scores'));
    for (const [i, c] of world.criteria.entries()) {
      await page.locator(`input[name="score_${c.id}"][value="${c.kind === 'general' ? '1' : ['4', '4', '2'][i - 1]}"]`).check();
      await page.locator(`textarea[name="comment_${c.id}"]`).fill(`Perustelu perusteelle ${c.name}.`);
    }
    await page.getByLabel(sm.independentLabel).check();
    await submitWith(page, page.getByRole('button', { name: sm.submitScores }));
    assert.equal(new URL(page.url()).search, '?done=submitted');
    await says(page, sm.submitted);
    await page.context().close();

    const list = await browsing.pageFor('expert');
    await checkPage(list, origin + pagePath('fi', 'reviews'), 'review-my-reviews-done', 'fi');
    assert.equal(await list.getByRole('link', { name: new RegExp(`^${am.nextSubmitted}`) }).count(), 2);
    await says(list, am.nextDisqualified);
    await list.context().close();
  });

  it("officer: opens an application's review page and records a consensus score with its justification (error state first)", async () => {
    const page = await browsing.pageFor('officer');
    const { app } = expertAssignment.cleared;
    await page.goto(origin + adminCall('review'));
    const block = page.locator('article.review-assignment').filter({ has: page.getByRole('heading', { name: title(app), exact: true }) });
    await Promise.all([page.waitForNavigation(), block.getByRole('link', { name: am.openApplicationReview }).click()]);
    await check(page, 'application');
    await says(page, sm.reviewsCount(2, 2), 'both reviews are in');

    const content = world.criteria[1]!;
    const section = page.locator(`#criterion-${content.id}`);
    await section.locator('summary').click();
    await section.locator(`input[name="consensus_${content.id}"][value="4"]`).check();
    await submitWith(page, section.getByRole('button', { name: sm.saveConsensus }));
    assert.deepEqual(await errorSummary(page), [sm.justificationRequired(content.name)]);
    assert.ok(await page.locator(`input[name="consensus_${content.id}"][value="4"]`).isChecked(), 'the chosen score is kept');
    await check(page, 'application-consensus-error');

    await page.locator(`textarea[name="justification_${content.id}"]`).fill('Ryhmä piti lisäarvoa hyvänä mutta ei erinomaisena: yhteistyö jatkaa aiempaa hanketta.');
    await submitWith(page, page.locator(`#criterion-${content.id}`).getByRole('button', { name: sm.saveConsensus }));
    assert.match(new URL(page.url()).search, /done=consensusSaved/);
    assert.match(await page.locator(`#criterion-${content.id}`).innerText(), new RegExp(`${sm.consensusHeading}[\\s\\S]*4 / 5`));
    await check(page, 'application-consensus-saved');
    await page.context().close();
  });

  it('officer: the funding page ranks and explains, compares by score and by amount, previews and saves a fixed grant', async () => {
    const page = await browsing.pageFor('officer');
    await page.goto(origin + adminCall());
    await Promise.all([page.waitForNavigation(), page.locator('main').getByRole('link', { name: callCriteriaMessages.fi.fundingLink, exact: true }).first().click()]);
    await check(page, 'funding');
    const ranking = page.locator('.funding-ranking tbody tr');
    assert.deepEqual(await ranking.locator('th[scope="row"] a').allInnerTexts(), [title('A'), title('B'), title('C')], 'ranked by score');
    assert.match(await ranking.nth(2).innerText(), /Varasijalla 1/, 'the third waits in reserve: Kainuu and Lapland have run out');
    assert.ok((await ranking.nth(2).locator('.funding-outcome__details li').count()) > 0, 'the outcome is explained');
    assert.match(await page.locator('#others').locator('..').innerText(), new RegExp(title('D')), 'the application that failed a general criterion cannot be funded');
    assert.match(await page.locator('.funding-what-if caption').innerText(), new RegExp(fm.objectiveScore));

    await page.getByLabel(fm.objectiveAmount).check();
    await submitWith(page, page.getByRole('button', { name: fm.showWhatIf }));
    assert.equal(new URL(page.url()).searchParams.get('objective'), 'amount');
    assert.match(await page.locator('.funding-what-if caption').innerText(), new RegExp(fm.objectiveAmount));
    await check(page, 'funding-what-if-amount');

    // A fixed grant above the request is refused at its field, the typed value kept.
    const fixed = (key: AppKey) => page.locator('details.funding-fixed').filter({ has: page.locator('summary', { hasText: fm.fixedFor(title(key)) }) });
    await fixed('A').locator('summary').click();
    await fixed('A').getByLabel(fm.amountLabel).fill('400 000');
    await submitWith(page, fixed('A').getByRole('button', { name: fm.preview }));
    assert.deepEqual(await errorSummary(page), [fm.amountAboveRequested(euros(336_000))]);
    assert.equal(await fixed('A').getByLabel(fm.amountLabel).inputValue(), '400 000');
    await check(page, 'funding-fixed-error');

    await fixed('B').locator('summary').click();
    await fixed('B').getByLabel(fm.amountLabel).fill('200 000');
    await submitWith(page, fixed('B').getByRole('button', { name: fm.preview }));
    const preview = page.locator('.funding-preview');
    assert.match(await preview.innerText(), new RegExp(title('C')), 'the preview says the reserve project would be funded');
    assert.equal(await page.locator('tr.funding-row--changed').count(), 2);
    await check(page, 'funding-preview');

    await fixed('B').getByLabel(fm.reasonLabel).fill('Hankkeen investointiosuus ei ole tukikelpoinen, joten avustusta pienennetään.');
    await submitWith(page, fixed('B').getByRole('button', { name: fm.save }));
    assert.equal(new URL(page.url()).searchParams.get('done'), 'fixedSaved');
    assert.match(await ranking.nth(2).innerText(), /Saa rahoitusta/, 'with the smaller grant the third is funded too');
    await check(page, 'funding-fixed-saved');
    await page.context().close();
  });

  it('officer without JavaScript: previews a fixed grant with the plain HTML form', async () => {
    const page = await browsing.pageFor('officer', { javaScriptEnabled: false });
    await page.goto(origin + adminCall('funding'));
    const form = page.locator('details.funding-fixed').filter({ has: page.locator('summary', { hasText: fm.fixedFor(title('C')) }) });
    await form.locator('summary').click();
    await form.getByLabel(fm.amountLabel).fill('100 000,50');
    await submitWith(page, form.getByRole('button', { name: fm.preview }));
    assert.equal(await page.locator('.funding-preview strong').innerText(), fm.previewNotice(title('C'), euros(100_000.5)));
    assert.equal(await form.getByLabel(fm.amountLabel).inputValue(), '100 000,50', 'the previewed amount stays in the form');
    await page.context().close();
  });

  it('officer: confirms the proposal, after which the review and the grants are locked', async () => {
    const page = await browsing.pageFor('officer');
    await page.goto(origin + adminCall('funding'));
    await submitWith(page, page.getByRole('button', { name: fm.confirm }));
    assert.equal(new URL(page.url()).searchParams.get('done'), 'confirmed');
    assert.equal(await page.locator('details.funding-fixed').count(), 0, 'no grant can be changed');
    await says(page, fm.proposalHeading);
    await check(page, 'funding-confirmed');

    await checkPage(page, origin + adminCall('review'), 'review-assignments-locked', 'fi');
    await says(page, am.phaseProposal);
    assert.equal(await page.getByRole('button', { name: am.automaticButton }).count(), 0);
    await checkPage(page, origin + adminCall('review', 'applications', String(world.applicationIds[expertAssignment.cleared.app])), 'review-application-locked', 'fi');
    await says(page, sm.lockedProposal);
    await page.context().close();

    const anonymous = await browser.newContext();
    const publicPage = await anonymous.newPage();
    await checkPage(publicPage, origin + pagePath('fi', 'calls', String(world.call.id), 'decisions'), 'review-public-decisions-none', 'fi');
    await says(publicPage, decisionsPublicMessages.fi.nothingDecided);
    await anonymous.close();
  });

  /** Fills a council's decision form on the page and sends it. */
  async function recordDecision(page: Page, regionCode: string, values: { number: string; date: string; maker: string; grounds: string }) {
    const form = page.locator(`form[action$="/decisions/${regionCode}"]`);
    await form.getByLabel(dm.decisionNumber).fill(values.number);
    await form.getByLabel(dm.decisionDate).fill(values.date);
    await form.getByLabel(dm.decisionMaker).fill(values.maker);
    await form.getByLabel(dm.grounds).fill(values.grounds);
    await submitWith(page, form.getByRole('button', { name: dm.submit }));
  }
  const grounds = 'Hakemukset on arvioitu haun valintaperusteilla.\n\nLiitto rahoittaa ehdotuksen mukaisesti oman maakuntansa toteuttajien osuudet.';

  it("councils: Kainuu's officer sees only Kainuu's form and records its decision without JavaScript", async () => {
    const page = await browsing.pageFor('officer');
    await page.goto(origin + adminCall('funding'));
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: fm.decisionsLink }).click()]);
    await check(page, 'decisions');
    assert.equal(await page.locator('main form[action*="/decisions/"]').count(), 1, 'one form: the officer decides only for their own council');
    assert.equal(await page.locator('form[action$="/decisions/18"]').count(), 1);
    assert.equal(await page.locator('main').getByText(/Päätöstä odotetaan: /).count(), 3, 'the other three councils are waited for');
    await page.context().close();

    const plain = await browsing.pageFor('officer', { javaScriptEnabled: false });
    await plain.goto(origin + adminCall('decisions'));
    await recordDecision(plain, '18', { number: 'MH 12 §', date: '27.11.2026', maker: 'Kainuun maakuntahallitus', grounds });
    await says(plain, dm.recorded(0));
    assert.equal(await plain.locator('form[action$="/decisions/18"]').count(), 0, 'a recorded decision is shown, not its form');
    await plain.context().close();

    // The applicant sees which councils have decided and which are still to decide.
    const applicant = await browsing.pageFor('applicant');
    await checkPage(applicant, origin + pagePath('fi', 'applications', String(world.applicationIds.A), 'decision'), 'review-applicant-decision-pending', 'fi');
    await says(applicant, decisionsApplicantMessages.fi.pendingHeading);
    await applicant.context().close();
  });

  it('councils: the administrator records the other three decisions (error state first), and the call is decided', async () => {
    const page = await browsing.pageFor('admin');
    await page.goto(origin + adminCall('decisions'));
    assert.equal(await page.locator('main form[action*="/decisions/"]').count(), 3, 'an administrator may record for every council still to decide');

    await submitWith(page, page.locator('form[action$="/decisions/17"]').getByRole('button', { name: dm.submit }));
    assert.deepEqual(await errorSummary(page), [dm.numberRequired, dm.dateRequired, dm.makerRequired, dm.groundsRequired]);
    await check(page, 'decisions-error');
    await recordDecision(page, '17', { number: '1.12.2026/45', date: '1.12.2099', maker: 'Pohjois-Pohjanmaan maakuntahallitus', grounds });
    assert.deepEqual(await errorSummary(page), [dm.dateInFuture], 'a decision is recorded after it is made');
    assert.equal(await page.locator('input[name="maker_17"]').inputValue(), 'Pohjois-Pohjanmaan maakuntahallitus', 'typed values kept');

    await recordDecision(page, '17', { number: 'MH 45 §', date: '26.11.2026', maker: 'Pohjois-Pohjanmaan maakuntahallitus', grounds });
    await says(page, dm.recorded(0));
    await recordDecision(page, '19', { number: 'LL/2026/118', date: '27.11.2026', maker: 'Lapin liiton maakuntahallitus', grounds });
    await says(page, dm.recorded(2), 'A and C are final: Pohjois-Pohjanmaa, Kainuu and Lapland have decided');
    await check(page, 'decisions-partly');
    await recordDecision(page, '12', { number: 'PKL 7 §', date: '2026-11-28', maker: 'Pohjois-Karjalan maakuntahallitus', grounds });
    await says(page, dm.callDecided);
    assert.equal(await page.locator('main form[action*="/decisions/"]').count(), 0);
    assert.equal(await page.getByRole('link', { name: /^Lataa / }).count(), 4, 'every application has its letter');
    await check(page, 'decisions-all');
    await page.context().close();
  });

  it('applicant: a member of the lead organisation sees the final decision and downloads the PDF letter', async () => {
    const page = await browsing.pageFor('applicant');
    const m = decisionsApplicantMessages.fi;
    await page.goto(origin + pagePath('fi', 'applications', String(world.applicationIds.A), 'receipt'));
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: m.linkFromReceipt }).click()]);
    await check(page, 'applicant-decision');
    assert.equal(await page.locator('.decision-outcome .tag').innerText(), m.outcomes.funded);
    const rows = await page.locator('table tbody tr').allInnerTexts();
    assert.equal(rows.length, 3, 'Pohjois-Pohjanmaa, Kainuu and Lapland');
    for (const row of rows) assert.ok(row.includes(euros(112_000)), `granted in full: ${row}`);

    const link = page.getByRole('link', { name: /^Lataa päätöskirje/ });
    const response = await page.context().request.get(new URL((await link.getAttribute('href'))!, origin).toString());
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    await page.context().close();
  });

  for (const locale of locales) {
    it(`public decisions page [${locale}]: the funded projects with the amounts per council`, async () => {
      const m = decisionsPublicMessages[locale];
      const context = await browser.newContext();
      const page = await context.newPage();
      await checkPage(page, origin + pagePath(locale, 'calls', String(world.call.id), 'decisions'), 'review-public-decisions', locale);
      const projects = page.locator('.decision-project');
      assert.deepEqual(await projects.locator('h3').allInnerTexts(), [title('A'), title('B'), title('C')], 'funded projects only, in order of submission');
      const money = (amount: number) => formatMoney(amount * 100, locale, { wholeEuros: true });
      const a = await projects.nth(0).locator('tbody tr').allInnerTexts();
      assert.equal(a.length, 3);
      for (const row of a) assert.ok(row.includes(money(112_000)), row);
      assert.ok((await projects.nth(1).innerText()).includes(money(200_000)), 'the fixed grant is what B was granted');
      assert.match(await page.locator('#decision-councils-caption').innerText(), new RegExp(m.councilsCaption));
      await context.close();
    });
  }

  it('API: GET /api/v1/calls/{id}/decisions lists the same funded projects and grants', async () => {
    const context = await browser.newContext();
    const response = await context.request.get(`${origin}/api/v1/calls/${world.call.id}/decisions`);
    assert.equal(response.status(), 200);
    const body = (await response.json()) as { projects: Array<{ title: string; grantedCents: number; grants: Array<{ regionCode: string; grantedCents: number }> }>; councils: Array<{ regionCode: string; decision: unknown }> };
    assert.deepEqual(body.projects.map((p) => p.title), [title('A'), title('B'), title('C')]);
    assert.deepEqual(body.projects[0]!.grants.map((g) => [g.regionCode, g.grantedCents]), [['17', 11_200_000], ['18', 11_200_000], ['19', 11_200_000]]);
    assert.equal(body.projects[1]!.grantedCents, 20_000_000);
    assert.ok(body.councils.every((c) => c.decision !== null), 'every council has decided');
    await context.close();
  });

  /** The names of the other reviewers who have submitted a review of the application. */
  async function otherReviewerNames(key: AppKey): Promise<string[]> {
    const rows = await t.database.db
      .selectFrom('review_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.reviewer_id')
      .select('u.name')
      .where('r.application_id', '=', world.applicationIds[key])
      .where('r.reviewer_id', '!=', world.accounts.expert.user.id)
      .execute();
    return rows.map((r) => r.name);
  }
});

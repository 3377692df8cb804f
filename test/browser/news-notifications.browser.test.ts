import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { newsAdminMessages } from '../../src/features/news/news.admin.messages.js';
import { newsMessages } from '../../src/features/news/news.messages.js';
import { notificationPreferencesMessages } from '../../src/features/notifications/notification-preferences.messages.js';
import { subscriptionMessages } from '../../src/features/subscriptions/subscriptions.messages.js';
import { feedsPageMessages } from '../../src/features/syndication/feeds-page.messages.js';
import { syndicationMessages } from '../../src/features/syndication/syndication.messages.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/features/webhooks/webhook-signature.js';
import { webhooksMessages } from '../../src/features/webhooks/webhooks.messages.js';
import { pagePath } from '../../src/http/page-paths.js';
import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale } from '../../src/i18n/locales.js';
import { messages } from '../../src/i18n/messages/index.js';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, browserSkipReason, chromiumArgs, chromiumPath, describeViolations } from '../helpers/browser.js';
import { startLiveApp } from './live-app.js';
import { assertAccessible, checked, checkPage, shotDir, summarise } from './page-checks.js';
import { Browsing, buildWorld, englishOnlyTitle, fillerCount, filteredCount, prioritySlug, regionCode, type Who, type World } from './news-notifications.setup.js';

const t_fi = messages('fi');
const na = newsAdminMessages.fi;
const nm = newsMessages.fi;
const sm = subscriptionMessages.fi;
const wm = webhooksMessages.fi;

/**
 * News, feeds, the widget, e-mail subscriptions, notification preferences and webhooks through the
 * real pages in Chromium: an officer writes a news item (a language half written first), publishes
 * it and schedules another without JavaScript; the public filters the news and pages on, reads an
 * item in a language it is not written in, picks a feed and reads it, and sees the widget framed by
 * another site; someone subscribes by e-mail (an error first), confirms with the button (opening the
 * link changes nothing) and unsubscribes; an applicant chooses a daily digest; the officer subscribes
 * a local receiver to webhooks (a bad address first), sends a test event and replays it. Every page
 * state: zero axe WCAG 2.1 A/AA violations at 1280 and 320 px, no sideways scrolling at 320 px, one
 * h1, the right language; screenshots in test-output/screenshots/nn-*.png.
 */
describe('news, feeds, subscriptions and webhooks in Chromium', { skip: browserSkipReason() }, () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let world: World;
  let browsing: Browsing<Who>;
  const startedAt = Date.now();
  const publishedTitle = 'Pohjois-Savon yhteishaun tulokset julkaistu';
  const scheduledTitle = 'Joulun aukioloajat';

  const check = (page: Page, name: string, locale = 'fi') => assertAccessible(page, `nn-${name}`, locale);
  const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/[^\S\n]+/g, ' ');
  const says = async (page: Page, text: string, message?: string) => {
    const shown = await mainText(page);
    assert.ok(shown.includes(text.replace(/[^\S\n]+/g, ' ')), `${message ?? 'the page says'} "${text}"; it says:\n${shown.slice(0, 1500)}`);
  };
  const errorSummary = (page: Page) => page.locator('.error-summary li').allInnerTexts();
  const submitWith = async (page: Page, target: Locator) => {
    await Promise.all([page.waitForNavigation(), target.click()]);
  };
  const pathOf = (page: Page) => new URL(page.url()).pathname;
  const cardTitles = (page: Page) => page.locator('.news-list > li h3').allInnerTexts();

  /** checkPage at 1280 px only, for the Swedish and English pages (the Finnish ones cover 320 px). */
  const checkWide = async (page: Page, url: string, name: string, locale: Locale) => {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, `${name} [${locale}] ${url}`);
    assert.equal(await page.getAttribute('html', 'lang'), locale, `${name}: page language`);
    assert.equal(await page.locator('h1').count(), 1, `${name} [${locale}]: exactly one h1`);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${name} [${locale}] at 1280px:\n${describeViolations(violations)}`);
    await page.screenshot({ path: path.join(shotDir, `nn-${name}-${locale}-1280.png`), fullPage: true });
    checked.push({ name: `nn-${name}`, locale, width: 1280 });
  };

  const newsIdByTitle = async (title: string) =>
    (await t.database.db.selectFrom('news_texts').select('news_id').where('title', '=', title).executeTakeFirstOrThrow()).news_id;

  before(async () => {
    fs.mkdirSync(shotDir, { recursive: true });
    const live = await startLiveApp();
    t = live;
    origin = live.origin;
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: chromiumArgs });
    world = await buildWorld(t);
    browsing = new Browsing(browser, t, origin, world.accounts);
  });

  after(async () => {
    const states = new Set(checked.map((c) => `${c.name}-${c.locale}`));
    console.log(`News, feeds, subscription and webhook pages checked (${states.size} page states):\n${summarise()}`);
    console.log(`news-notifications.browser.test.ts ran for ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    await browser?.close();
    await world?.receiver.close();
    await t?.close();
  });

  it('officer: Administration → News; a half-written Swedish text is refused with the values kept; publishing; scheduling without JavaScript', async () => {
    const page = await browsing.pageFor('officer');
    await page.goto(origin + pagePath('fi', 'home'));
    await submitWith(page, page.locator('.user-menu').getByRole('link', { name: t_fi.auth.adminArea, exact: true }));
    await submitWith(page, page.locator('.admin__nav').getByRole('link', { name: t_fi.admin.news, exact: true }));
    assert.equal(pathOf(page), pagePath('fi', 'adminNews'));
    const rows = await page.locator('main tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('Luonnos: asiantuntijaryhmän kokous (demo)')), 'the demo draft is listed');
    await check(page, 'admin-news');

    await submitWith(page, page.getByRole('link', { name: na.newItem, exact: true }));
    assert.equal(pathOf(page), pagePath('fi', 'adminNews', 'new'));
    await check(page, 'admin-news-new');

    const sv = page.locator('#news-text-sv');
    const fi = page.locator('#news-text-fi');
    const body = 'Pohjois-Savon liitto on tehnyt päätökset yhteishaun hankkeista.\n\nPäätökset löytyvät haun sivulta.';
    await fi.getByLabel(na.parts.title, { exact: true }).fill(publishedTitle);
    await fi.getByLabel(na.parts.summary, { exact: true }).fill('Yhteishaussa rahoitettiin kuusi hanketta.');
    await fi.getByLabel(na.parts.body, { exact: true }).fill(body);
    await sv.getByLabel(na.parts.title, { exact: true }).fill('Resultaten av den gemensamma utlysningen i Norra Savolax');
    await sv.getByLabel(na.parts.body, { exact: true }).fill('Norra Savolax förbund har fattat besluten.');
    await page.getByRole('checkbox', { name: 'Pohjois-Savo', exact: true }).check();
    await submitWith(page, page.getByRole('button', { name: na.publishNow, exact: true }));
    assert.deepEqual(await errorSummary(page), [na.missing('sv', 'summary')]);
    assert.equal(await page.locator('.error-summary a').getAttribute('href'), '#field-summary_sv', 'the summary links to the field');
    assert.equal(await page.locator('#field-summary_sv').getAttribute('name'), 'summary_sv');
    assert.equal(await page.locator('main .field__error').count(), 1, 'a message at the field');
    assert.equal(await fi.getByLabel(na.parts.body, { exact: true }).inputValue(), body, 'the typed text is kept');
    assert.equal(await sv.getByLabel(na.parts.title, { exact: true }).inputValue(), 'Resultaten av den gemensamma utlysningen i Norra Savolax');
    assert.ok(await page.getByRole('checkbox', { name: 'Pohjois-Savo', exact: true }).isChecked(), 'the region stays chosen');
    await check(page, 'admin-news-errors');

    await page.locator('.error-summary a').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-summary_sv', 'the link takes the focus to the field');
    await page.keyboard.type('Sex projekt fick finansiering.');
    await submitWith(page, page.getByRole('button', { name: na.publishNow, exact: true }));
    assert.match(page.url(), /\/fi\/hallinta\/uutiset\/\d+\?done=published$/);
    await says(page, na.notices.published);
    await check(page, 'admin-news-published');

    await submitWith(page, page.getByRole('link', { name: na.viewPublic }));
    const id = await newsIdByTitle(publishedTitle);
    assert.equal(pathOf(page), pagePath('fi', 'news', String(id)));
    assert.equal(await page.locator('h1').innerText(), publishedTitle);
    await says(page, 'Päätökset löytyvät haun sivulta.');
    await check(page, 'news-item');
    await page.goto(origin + pagePath('fi', 'news'));
    assert.equal((await cardTitles(page))[0], publishedTitle, 'the newest item is first on the news page');

    // The second item is scheduled through the plain HTML form.
    const plain = await browsing.pageFor('officer', { javaScriptEnabled: false });
    await plain.goto(origin + pagePath('fi', 'adminNews', 'new'));
    const plainFi = plain.locator('#news-text-fi');
    await plainFi.getByLabel(na.parts.title, { exact: true }).fill(scheduledTitle);
    await plainFi.getByLabel(na.parts.summary, { exact: true }).fill('Palvelu on käytössä myös pyhien aikana.');
    await plainFi.getByLabel(na.parts.body, { exact: true }).fill('Neuvonta on suljettu 24.–26.12.');
    await plain.getByLabel(na.publishDate, { exact: true }).fill('2026-12-20');
    await plain.getByLabel(na.publishTime, { exact: true }).fill('9.00');
    await submitWith(plain, plain.getByRole('button', { name: na.schedule, exact: true }));
    assert.match(plain.url(), /\/fi\/hallinta\/uutiset\/\d+\?done=scheduled$/);
    await says(plain, na.notices.scheduled);
    await says(plain, na.statusScheduled(formatDateTime('2026-12-20T07:00:00.000Z', 'fi')), 'Helsinki is at UTC+2 in December');
    const scheduledUrl = plain.url();
    await plain.context().close();

    await page.goto(scheduledUrl);
    await check(page, 'admin-news-scheduled');
    const scheduledId = await newsIdByTitle(scheduledTitle);
    assert.equal((await page.goto(origin + pagePath('fi', 'news', String(scheduledId))))?.status(), 404, 'a scheduled item is not public yet');
    await page.context().close();
  });

  it('public, in Finnish: the news filtered by region and priority, the older page, an item in another language; the feeds page and a feed; the widget framed by another site', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await checkPage(page, origin + pagePath('fi', 'news'), 'nn-news', 'fi');
    await page.getByLabel(nm.region, { exact: true }).selectOption(regionCode);
    await page.getByLabel(nm.priority, { exact: true }).selectOption(prioritySlug);
    await submitWith(page, page.getByRole('button', { name: nm.submit, exact: true }));
    const query = new URL(page.url()).searchParams;
    assert.deepEqual([query.get('region'), query.get('priority')], [regionCode, prioritySlug]);
    const first = await cardTitles(page);
    assert.equal(first.length, 20);
    assert.equal(first[0], 'Digitalisaation yhteishaku avautuu pian (demo)', 'the newest matching item first');
    assert.ok(!first.includes(publishedTitle), 'an item without the priority is left out');
    await check(page, 'news-filtered');
    await submitWith(page, page.getByRole('link', { name: nm.olderPage }));
    assert.deepEqual(await cardTitles(page), ['Pohjois-Savon digitalisaatiouutinen 2', 'Pohjois-Savon digitalisaatiouutinen 1'], `the last ${filteredCount - 20} of ${fillerCount} + 1`);
    assert.equal(await page.getByRole('link', { name: nm.olderPage }).count(), 0, 'no third page');
    assert.equal(await page.getByRole('link', { name: nm.firstPage }).count(), 1);
    await check(page, 'news-filtered-page-2');

    // An item written in English only, on the Finnish page: said so, and marked as English.
    await checkPage(page, origin + pagePath('fi', 'news', String(world.englishOnlyId)), 'nn-news-item-english-only', 'fi');
    assert.equal(await page.locator('article.news-article').getAttribute('lang'), 'en');
    assert.equal(await page.locator('article h1').innerText(), englishOnlyTitle);
    await says(page, nm.notInLanguage('en'));

    // The feeds page: choosing a region shows that region's addresses; the Atom one is a feed.
    const fm = feedsPageMessages.fi;
    await checkPage(page, origin + pagePath('fi', 'feeds'), 'nn-feeds', 'fi');
    await page.getByLabel(fm.region, { exact: true }).selectOption(regionCode);
    await submitWith(page, page.getByRole('button', { name: fm.show, exact: true }));
    assert.equal(new URL(page.url()).searchParams.get('region'), regionCode);
    const result = page.locator('#feeds-result');
    const urls = await result.locator('dd a code').allInnerTexts();
    const atom = urls.find((u) => u.includes('.atom'));
    assert.equal(atom, `${origin}/feeds/fi/all.atom?region=${regionCode}`, `the chosen feed's Atom address: ${urls.join(' | ')}`);
    assert.ok(urls.every((u) => u.includes(`region=${regionCode}`)), 'every address shown has the region');
    await check(page, 'feeds-chosen');
    const feed = await page.request.get(atom!);
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type'] ?? '', /^application\/atom\+xml/);
    const xml = await feed.text();
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/i);
    assert.ok(xml.includes(publishedTitle), "the region's feed has the item published for it");
    assert.ok(!xml.includes('Kainuun liitto esittelee'), "another region's item is not in it");

    // The widget as a page, then framed by a council's site on another origin.
    const sy = syndicationMessages.fi;
    await checkPage(page, origin + pagePath('fi', 'widget', regionCode), 'nn-widget', 'fi');
    assert.equal(await page.locator('h1').innerText(), sy.widgetTitle('Pohjois-Savo'));
    assert.ok((await page.locator('.s3w-news .s3w-link').allInnerTexts()).some((text) => text.includes(publishedTitle)));
    // A council's page served from another origin (another port) that frames the widget and an ordinary page.
    const host = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="fi"><title>Liitto</title><iframe id="widget" src="${origin}${pagePath('fi', 'widget', regionCode)}" title="Haut ja uutiset" width="400" height="520"></iframe>` +
          `<iframe id="site" src="${origin}${pagePath('fi', 'news')}" title="Uutiset"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const council = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    await page.goto(`${council}/`);
    const widget = page.frameLocator('#widget');
    await widget.locator('h1').waitFor();
    assert.equal(await widget.locator('h1').innerText(), sy.widgetTitle('Pohjois-Savo'), 'the widget renders inside another site');
    await page.screenshot({ path: path.join(shotDir, 'nn-widget-framed.png') });
    // The rest of the site may not be framed (frame-ancestors 'none'), so the widget's exception is what lets it in.
    const site = page.frames().find((f) => f !== page.mainFrame() && !f.url().includes('/upotus/'));
    assert.ok(site, 'the second frame exists');
    assert.equal(await site.locator('main').count().catch(() => 0), 0, 'an ordinary page is refused inside a frame');
    host.closeAllConnections();
    host.close();
    await context.close();
  });

  it('someone subscribes by e-mail: both topics offered, none chosen first, then the link from the message; opening it changes nothing, the button confirms; then unsubscribes', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const email = 'tilaaja@example.test';
    await checkPage(page, origin + pagePath('fi', 'subscribe'), 'nn-subscribe', 'fi');
    await page.getByLabel(sm.email, { exact: true }).fill(email);
    await page.getByRole('checkbox', { name: 'Pohjois-Savo', exact: true }).check();
    // Both topics are ticked to start with; untick them to see the message.
    for (const topic of [sm.calls, sm.news]) {
      const box = page.getByRole('checkbox', { name: topic, exact: true });
      assert.ok(await box.isChecked(), `${topic} is offered ticked`);
      await box.uncheck();
    }
    await submitWith(page, page.getByRole('button', { name: sm.submit, exact: true }));
    assert.deepEqual(await errorSummary(page), [sm.whatMissing]);
    assert.equal(await page.getByLabel(sm.email, { exact: true }).inputValue(), email, 'the address is kept');
    assert.ok(await page.getByRole('checkbox', { name: 'Pohjois-Savo', exact: true }).isChecked(), 'the region stays chosen');
    await check(page, 'subscribe-errors');

    await page.getByRole('checkbox', { name: sm.news, exact: true }).check();
    await submitWith(page, page.getByRole('button', { name: sm.submit, exact: true }));
    assert.equal(pathOf(page), pagePath('fi', 'subscribe', 'lahetetty'));
    await says(page, sm.sentTitle);
    await check(page, 'subscribe-sent');

    const db = t.database.db;
    const mail = await db.selectFrom('email_messages').select(['body_text', 'subject']).where('to_address', '=', email).executeTakeFirstOrThrow();
    const link = new RegExp(`${origin.replace(/[.:/]/g, '\\$&')}/fi/tilaa/vahvista/\\S+`).exec(mail.body_text)?.[0];
    assert.ok(link, `the message has the confirmation link:\n${mail.body_text}`);
    const status = async () => (await db.selectFrom('email_subscriptions').select(['status', 'unsubscribe_token']).where('email', '=', email).executeTakeFirstOrThrow());

    await checkPage(page, link, 'nn-subscribe-confirm', 'fi');
    await says(page, sm.confirmLead(email));
    assert.equal((await status()).status, 'pending', 'opening the link confirms nothing');
    await submitWith(page, page.getByRole('button', { name: sm.confirmButton, exact: true }));
    assert.equal(pathOf(page), pagePath('fi', 'subscribe', 'vahvistettu'));
    assert.equal((await status()).status, 'confirmed');
    await check(page, 'subscribe-confirmed');

    // The links every subscription message carries: change the choices, or unsubscribe.
    const token = (await status()).unsubscribe_token;
    await checkPage(page, origin + pagePath('fi', 'subscribe', 'muuta', token), 'nn-subscribe-change', 'fi');
    assert.ok(await page.getByRole('checkbox', { name: sm.news, exact: true }).isChecked(), 'the choices are shown');
    await submitWith(page, page.locator('main').getByRole('link', { name: sm.unsubscribeButton, exact: true }));
    assert.equal(pathOf(page), pagePath('fi', 'subscribe', 'peru', token));
    await check(page, 'unsubscribe');
    assert.equal((await status()).status, 'confirmed', 'opening the unsubscribe link changes nothing');
    await submitWith(page, page.getByRole('button', { name: sm.unsubscribeButton, exact: true }));
    await says(page, sm.unsubscribedTitle);
    assert.equal((await status()).status, 'unsubscribed');
    await check(page, 'unsubscribed');
    await context.close();
  });

  it('applicant: account → e-mail notifications; a daily digest without deadline reminders is saved and shown again', async () => {
    const m = notificationPreferencesMessages.fi;
    const page = await browsing.pageFor('applicant');
    await page.goto(origin + pagePath('fi', 'home'));
    await submitWith(page, page.locator('.user-menu').getByRole('link', { name: t_fi.auth.myAccount, exact: true }));
    await submitWith(page, page.getByRole('link', { name: m.accountLink, exact: true }));
    assert.equal(pathOf(page), pagePath('fi', 'accountNotifications'));
    assert.ok(await page.getByLabel(m.deliveryImmediate).isChecked(), 'immediate by default');
    assert.ok(await page.getByLabel(m.deadlineReminders).isChecked(), 'reminders on by default');
    await check(page, 'notifications');

    await page.getByLabel(m.deliveryDaily).check();
    await page.getByLabel(m.deadlineReminders).uncheck();
    await submitWith(page, page.getByRole('button', { name: m.save, exact: true }));
    await says(page, m.saved);
    await check(page, 'notifications-saved');
    await page.reload();
    assert.ok(await page.getByLabel(m.deliveryDaily).isChecked(), 'the daily digest is chosen');
    assert.ok(!(await page.getByLabel(m.deadlineReminders).isChecked()), 'deadline reminders are off');
    assert.ok(await page.getByLabel(m.reviewAssignments).isChecked(), 'the other kinds stay on');
    await page.context().close();
  });

  it('officer: Administration → Webhooks; a bad address is refused at the field; the secret is shown once; a test event is delivered, signed, and replayed', async () => {
    const page = await browsing.pageFor('officer');
    await page.goto(origin + pagePath('fi', 'admin'));
    await submitWith(page, page.locator('.admin__nav').getByRole('link', { name: t_fi.admin.webhooks, exact: true }));
    assert.equal(pathOf(page), pagePath('fi', 'adminWebhooks'));
    await says(page, wm.none);
    await check(page, 'webhooks');

    const form = page.locator('form[action$="/webhookit"]');
    await form.getByLabel(wm.url, { exact: true }).fill('intra.example.fi/webhooks');
    await form.getByLabel(wm.description, { exact: true }).fill('Liiton intranet');
    await form.getByRole('checkbox', { name: new RegExp(`^${wm.events['news.published']}`) }).check();
    await submitWith(page, form.getByRole('button', { name: wm.create, exact: true }));
    assert.deepEqual(await errorSummary(page), [wm.urlInvalid]);
    assert.equal(await page.locator('.error-summary a').getAttribute('href'), '#field-url');
    assert.equal(await page.locator('#field-url-error').innerText(), wm.urlInvalid, 'the message is at the field');
    assert.equal(await form.getByLabel(wm.description, { exact: true }).inputValue(), 'Liiton intranet', 'typed values kept');
    await check(page, 'webhooks-error');

    const hook = world.receiver.url('/hook');
    await form.getByLabel(wm.url, { exact: true }).fill(hook);
    await submitWith(page, form.getByRole('button', { name: wm.create, exact: true }));
    assert.equal(await page.locator('h1').innerText(), wm.createdTitle);
    const secret = await page.locator('#webhook-secret').inputValue();
    assert.match(secret, /^\S{32,}$/);
    await check(page, 'webhook-secret');

    await submitWith(page, page.getByRole('link', { name: wm.toSubscription }));
    assert.match(pathOf(page), /\/fi\/hallinta\/webhookit\/\d+$/);
    const subscriptionUrl = page.url();
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
    await says(page, hook);
    await says(page, wm.noDeliveriesYet);
    await check(page, 'webhook-subscription');

    await submitWith(page, page.getByRole('button', { name: wm.sendTest, exact: true }));
    await says(page, wm.testCreated);
    await t.app.outbox.dispatch();
    const received = world.receiver.at('/hook');
    assert.equal(received.length, 1, 'the receiver got the test event');
    const signature = received[0]!.headers[SIGNATURE_HEADER.toLowerCase()] as string;
    // Checked at the time it was signed: the point is the secret shown, not the clock.
    const signedAt = Number(/t=(\d+)/.exec(signature)?.[1]);
    const verified = verifyWebhookSignature(secret, signature, received[0]!.body, signedAt);
    assert.ok(verified.ok, `the delivery is signed with the secret shown: ${JSON.stringify(verified)}`);

    await page.goto(subscriptionUrl);
    const row = page.locator('main tbody tr').first();
    assert.match(await row.innerText(), new RegExp(`${wm.ping}[\\s\\S]*${wm.statuses.delivered}[\\s\\S]*200`), 'the test delivery is listed as delivered');
    await check(page, 'webhook-subscription-delivered');

    await submitWith(page, row.getByRole('link'));
    assert.match(pathOf(page), /\/fi\/hallinta\/webhookit\/\d+\/\d+$/);
    const attempts = await page.locator('main tbody tr').allInnerTexts();
    assert.equal(attempts.length, 1, 'one attempt');
    assert.match(attempts[0]!, /200/);
    await check(page, 'webhook-delivery');

    await submitWith(page, page.getByRole('button', { name: wm.replay, exact: true }));
    await says(page, wm.replayCreated);
    await t.app.outbox.dispatch();
    await page.reload();
    await says(page, wm.statuses.delivered);
    await check(page, 'webhook-replay');
    const bodies = world.receiver.at('/hook').map((r) => JSON.parse(r.body) as { id: string });
    assert.equal(bodies.length, 2, 'the replay reached the receiver');
    assert.equal(bodies[1]!.id, bodies[0]!.id, 'a replay carries the same event id');
    await page.context().close();
  });

  for (const locale of ['sv', 'en'] as const) {
    it(`public, in ${locale === 'sv' ? 'Swedish' : 'English'}: the news list, an item in another language, the feeds page and the subscription form`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await checkWide(page, origin + pagePath(locale, 'news'), 'news', locale);
      // Swedish: the English-only item; English: the demo item written in Finnish and Swedish, shown in Finnish.
      const [id, lang] = locale === 'sv' ? [world.englishOnlyId, 'en'] : [await newsIdByTitle('Digitalisaation yhteishaku avautuu pian (demo)'), 'fi'];
      await checkWide(page, origin + pagePath(locale, 'news', String(id)), 'news-item-fallback', locale);
      assert.equal(await page.locator('article.news-article').getAttribute('lang'), lang, 'the text is marked with its language');
      await says(page, newsMessages[locale].notInLanguage(lang as Locale));
      await checkWide(page, origin + pagePath(locale, 'feeds'), 'feeds', locale);
      await checkWide(page, origin + pagePath(locale, 'subscribe'), 'subscribe', locale);
      await context.close();
    });
  }
});

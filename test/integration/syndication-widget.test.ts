import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pagePath } from '../../src/http/page-paths.js';
import { locales } from '../../src/i18n/locales.js';
import { TEST_BASE_URL, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildSyndicationFixture, type SyndicationFixture } from '../helpers/syndication-fixture.js';

/**
 * The widget for a council's website and the feeds page (issue 7): the iframe page may be framed by
 * any site and shows the region's open calls and latest news; the snippet is the same as an HTML
 * fragment with s3w- classes and nothing else; the feeds page shows addresses that all work.
 */
const html = { accept: 'text/html' };
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

for (const dialect of testDialects()) {
  describe(`widget and feeds page [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let fixture: SyndicationFixture;
    const get = (url: string, headers: Record<string, string> = html) => t.app.inject({ method: 'GET', url, headers });
    const callHref = (locale: 'fi' | 'sv' | 'en', id: number) => `href="${TEST_BASE_URL}${pagePath(locale, 'calls', String(id))}"`;
    const newsHref = (locale: 'fi' | 'sv' | 'en', id: number) => `href="${TEST_BASE_URL}${pagePath(locale, 'news', String(id))}"`;

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      fixture = await buildSyndicationFixture(t.database.db);
    });
    after(() => t?.close());

    it('shows a region’s open calls with their closing time and its latest news, on a page any site may frame', async () => {
      const res = await get('/fi/upotus/11');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /frame-ancestors \*/);
      assert.doesNotMatch(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['x-frame-options'], undefined);
      assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
      const body = res.body;
      assert.match(body, /^<!doctype html><html lang="fi">/);
      assert.match(body, /<title>Haut ja uutiset – Pohjois-Savo – S3 Itä- ja Pohjois-Suomi<\/title>/);
      assert.match(body, /<main id="main">[\s\S]*<h1 class="s3w-title"[^>]*>Haut ja uutiset – Pohjois-Savo<\/h1>/);
      assert.doesNotMatch(body, /site-header|site-footer|<script/);
      // Call A (councils 11 and 12) is open; B is Kainuu's, D has closed, C is a draft.
      assert.ok(body.includes(callHref('fi', fixture.calls.a)));
      for (const id of [fixture.calls.b, fixture.calls.c, fixture.calls.d]) assert.ok(!body.includes(callHref('fi', id)), `call ${id}`);
      assert.match(body, /Päättyy <time datetime="2027-08-31T13:15:00.000Z">31\.8\.2027 klo 16\.15<\/time>/);
      // News of region 11 and of every region, in Finnish; not Kainuu's English item nor a draft.
      assert.ok(body.includes(newsHref('fi', fixture.news.n1)));
      assert.ok(body.includes(newsHref('fi', fixture.news.n2)));
      assert.ok(!body.includes(newsHref('fi', fixture.news.n3)));
      assert.ok(!body.includes(newsHref('fi', fixture.news.n4)));
      // Every link opens in a new tab, says so to screen readers, and cannot reach back into the embedding page.
      const links = [...body.matchAll(/<a [^>]*>[\s\S]*?<\/a>/g)].map((m) => m[0]);
      assert.ok(links.length >= 4);
      for (const link of links) {
        assert.match(link, /target="_blank" rel="noopener"/);
        assert.match(link, /<span class="s3w-visually-hidden"> \(avautuu uuteen välilehteen\)<\/span><\/a>$/);
      }
    });

    it('serves the widget in Swedish and English under their own addresses', async () => {
      const sv = await get('/sv/inbaddning/18');
      assert.equal(sv.statusCode, 200);
      assert.match(sv.body, /<html lang="sv">/);
      assert.match(sv.body, /Utlysningar och nyheter – Kajanaland/);
      assert.ok(sv.body.includes(callHref('sv', fixture.calls.b)));
      assert.match(sv.body, /\(öppnas i en ny flik\)/);
      const en = await get('/en/embed/18');
      assert.equal(en.statusCode, 200);
      assert.ok(en.body.includes(newsHref('en', fixture.news.n3)));
      assert.match(en.body, /Calls and news – Kainuu/);
    });

    it('answers 404 for a region that does not exist', async () => {
      for (const url of ['/fi/upotus/99', '/fi/upotus/kainuu', '/fi/upotus/99/snippet']) assert.equal((await get(url)).statusCode, 404, url);
    });

    it('gives the snippet as a fragment with s3w- classes only: no document, script or inline style, cacheable and readable anywhere', async () => {
      const res = await get('/fi/upotus/11/snippet', {});
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      const body = res.body;
      assert.match(body, /^<section class="s3w" lang="fi" aria-labelledby="s3w-11-title"><h2 class="s3w-title"/);
      assert.doesNotMatch(body, /<html|<head|<body|<script|<style|<link| style=| on[a-z]+=/i);
      const classes = [...body.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '));
      assert.ok(classes.length > 5);
      for (const name of classes) assert.match(name, /^s3w(-[a-z-]+)?$/);
      assert.ok(body.includes(callHref('fi', fixture.calls.a)));
      assert.equal((await get('/fi/upotus/11/snippet', { 'if-none-match': String(res.headers.etag) })).statusCode, 304);
    });

    it('takes the numbers of calls and news from the query, within 0–20 and 0–10', async () => {
      const one = (await get('/fi/upotus/11/snippet?news=1', {})).body;
      assert.ok(one.includes(newsHref('fi', fixture.news.n1)));
      assert.ok(!one.includes(newsHref('fi', fixture.news.n2)));
      const noNews = (await get('/fi/upotus/11/snippet?news=0', {})).body;
      assert.doesNotMatch(noNews, /s3w-news/);
      assert.match(noNews, /s3w-calls/);
      const noCalls = (await get('/fi/upotus/11/snippet?calls=0&news=10', {})).body;
      assert.doesNotMatch(noCalls, /s3w-calls/);
      assert.match(noCalls, /s3w-news/);
      const empty = (await get('/fi/upotus/19/snippet', {})).body;
      assert.match(empty, /Avoimia hakuja ei juuri nyt ole\./);
      for (const query of ['news=11', 'calls=21', 'calls=-1', 'news=abc']) {
        const res = await get(`/fi/upotus/11/snippet?${query}`, {});
        assert.equal(res.statusCode, 400, query);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      }
    });

    it('serves the widget’s stylesheet to other sites', async () => {
      const res = await get('/assets/widget.css', {});
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/css/);
      assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
      assert.match(res.body, /\.s3w-visually-hidden \{/);
      assert.equal((await get('/assets/widget.css', { 'if-none-match': String(res.headers.etag) })).statusCode, 304);
    });

    it('lists on the feeds page the feeds per format, language, region and priority, the calendar, the widget and the links onwards', async () => {
      const res = await get(pagePath('fi', 'feeds'));
      assert.equal(res.statusCode, 200);
      const body = decode(res.body);
      for (const kind of ['all', 'calls', 'news']) for (const format of ['atom', 'rss', 'json']) assert.ok(body.includes(`${TEST_BASE_URL}/feeds/fi/${kind}.${format}`), `${kind}.${format}`);
      for (const region of ['10', '11', '12', '16', '17', '18', '19']) {
        assert.ok(body.includes(`${TEST_BASE_URL}/feeds/fi/all.atom?region=${region}`), region);
        assert.ok(body.includes(`${TEST_BASE_URL}/calendar/fi/calls.ics?region=${region}`), region);
        assert.ok(body.includes(`<iframe src="${TEST_BASE_URL}/fi/upotus/${region}" title="`), `embed code ${region}`);
      }
      for (const priority of ['clean-solutions', 'digitalisation', 'sustainable-services']) assert.ok(body.includes(`/feeds/fi/all.rss?priority=${priority}`), priority);
      for (const locale of ['sv', 'en']) assert.ok(body.includes(`${TEST_BASE_URL}/feeds/${locale}/news.json`), locale);
      assert.ok(body.includes('webcal://s3.test/calendar/fi/calls.ics'));
      assert.match(body, /Outlook:/);
      assert.match(body, /Google-kalenteri:/);
      assert.match(body, /Applen Kalenteri:/);
      assert.match(res.body, /<iframe class="feeds-preview" src="\/fi\/upotus\/10" title="Strategian haut ja uutiset – Etelä-Savo"/);
      assert.ok(body.includes(`${TEST_BASE_URL}/fi/upotus/10/snippet`));
      assert.ok(body.includes('s3w-visually-hidden'));
      assert.ok(body.includes(`<link rel="stylesheet" href="${TEST_BASE_URL}/assets/widget.css">`));
      assert.match(body, /Hallinta → Webhookit/);
      assert.ok(res.body.includes(`href="${pagePath('fi', 'subscribe')}"`));
    });

    it('shows the addresses of the feed chosen in the form, without scripts, and every address on the page answers', async () => {
      const res = await get(`${pagePath('fi', 'feeds')}?kind=calls&region=18&priority=digitalisation&language=sv`);
      assert.equal(res.statusCode, 200);
      const body = decode(res.body);
      assert.match(body, /S3 Öst- och Nordfinland – utlysningar – Kajanaland – /);
      assert.ok(body.includes(`${TEST_BASE_URL}/feeds/sv/calls.atom?region=18&priority=digitalisation`));
      assert.ok(body.includes(`${TEST_BASE_URL}/feeds/sv/calls.json?region=18&priority=digitalisation`));
      assert.ok(body.includes(`${TEST_BASE_URL}/calendar/sv/calls.ics?region=18&priority=digitalisation`));
      assert.match(res.body, /<option value="18" selected>/);
      assert.match(res.body, /<iframe class="feeds-preview" src="\/fi\/upotus\/18"/);
      const urls = new Set([...body.matchAll(/http:\/\/s3\.test(\/(?:feeds|calendar)\/[^\s"<]+|\/[a-z]{2}\/upotus\/\d+(?:\/snippet)?)/g)].map((m) => m[1]!));
      assert.ok(urls.size > 40, String(urls.size));
      for (const url of urls) assert.equal((await get(url, {})).statusCode, 200, url);
    });

    it('leaves out choices it does not know and says so, and serves the page in every language', async () => {
      const res = await get(`${pagePath('fi', 'feeds')}?kind=everything&region=99`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Osaa valinnoista ei tunnistettu/);
      assert.ok(decode(res.body).includes(`${TEST_BASE_URL}/feeds/fi/all.atom`));
      for (const locale of locales) {
        const page = await get(pagePath(locale, 'feeds'));
        assert.equal(page.statusCode, 200, locale);
        assert.match(page.body, new RegExp(`<html lang="${locale}">`));
        assert.ok(decode(page.body).includes(`${TEST_BASE_URL}/feeds/${locale}/all.atom`), locale);
      }
    });
  });
}

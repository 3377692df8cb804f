import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildNews } from '../helpers/news-factories.js';

/**
 * The public news (issue 7): the list newest first with region and priority filters (an item with no
 * region concerns every region) and keyset paging, each item's page with its text as escaped plain
 * paragraphs and its tags, the text in another language marked when the page's language is missing,
 * and the JSON API. Drafts and scheduled items are never shown.
 */
const text = (html: string) => html.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const idsIn = (html: string) => [...html.matchAll(/<a href="\/(?:fi|sv|en)\/(?:uutiset|nyheter|news)\/(\d+)"/g)].map((m) => Number(m[1]));

for (const dialect of testDialects()) {
  describe(`public news [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const n: Record<string, number> = {};
    let callId: number;
    let callReference: string;

    const get = (url: string, accept = 'text/html') => t.app.inject({ method: 'GET', url, headers: { accept } });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      const call = await buildCall(db, { title: 'Akkuhaku 2027' });
      callId = call.id;
      callReference = call.reference;
      n.everywhere = await buildNews(db, {
        publishedAt: '2026-11-10T08:00:00.000Z',
        texts: {
          fi: { title: 'Kaikkien maakuntien uutinen', summary: 'Koskee kaikkia.', body: 'Ensimmäinen kappale.\n\nToinen kappale <script>alert(1)</script>.' },
          sv: { title: 'Nyhet för alla landskap', summary: 'Gäller alla.' },
        },
      });
      n.lapland = await buildNews(db, { publishedAt: '2026-11-12T08:00:00.000Z', title: 'Lapin uutinen', regions: ['19'], priorities: ['digitalisation'], callId });
      n.kainuu = await buildNews(db, { publishedAt: '2026-11-14T08:00:00.000Z', title: 'Kainuun uutinen', regions: ['18'], priorities: ['clean-solutions'] });
      n.english = await buildNews(db, { publishedAt: '2026-11-16T08:00:00.000Z', texts: { en: { title: 'English only', summary: 'In English.' } }, regions: ['19'] });
      n.draft = await buildNews(db, { status: 'draft', title: 'Luonnosuutinen', regions: ['19'] });
      n.scheduled = await buildNews(db, { status: 'scheduled', title: 'Ajastettu uutinen' });
    });
    after(async () => t?.close());

    it('lists published items newest first with date, summary and tags, never drafts or scheduled ones', async () => {
      const res = await get('/fi/uutiset');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(idsIn(res.body), [n.english, n.kainuu, n.lapland, n.everywhere]);
      assert.ok(!res.body.includes('Luonnosuutinen') && !res.body.includes('Ajastettu uutinen'));
      assert.ok(res.body.includes('<time datetime="2026-11-14T08:00:00.000Z">14.11.2026</time>'));
      assert.ok(res.body.includes('Koskee kaikkia.'));
      assert.ok(res.body.includes('<a class="tag" href="/fi/uutiset?region=18">Kainuu</a>'));
      assert.ok(res.body.includes('<span>Kaikki maakunnat</span>'), 'an item with no region concerns every region');
      assert.match(res.body, /<a href="\/fi\/uutiset\/\d+" lang="en">English only<\/a>/);
      assert.ok(res.body.includes('<link rel="alternate" type="application/atom+xml" title="Uutiset (Atom-syöte)" href="/feeds/fi/news.atom"/>'));
      assert.ok(res.body.includes('<a href="/fi/syotteet">Syötteet (Atom, RSS ja JSON)</a>'), 'links to the feeds page');
      assert.ok(res.body.includes('<a href="/fi/tilaa">Tilaa uutiset sähköpostiin</a>'), 'links to the e-mail subscription');
    });

    it('filters by region, keeping the items that name no region, and by priority', async () => {
      const lapland = await get('/fi/uutiset?region=19');
      assert.deepEqual(idsIn(lapland.body), [n.english, n.lapland, n.everywhere]);
      assert.match(lapland.body, /<option value="19" selected/);
      assert.ok(lapland.body.includes('href="/feeds/fi/news.atom?region=19"'));
      assert.deepEqual(idsIn((await get('/fi/uutiset?region=18')).body), [n.kainuu, n.everywhere]);
      assert.deepEqual(idsIn((await get('/fi/uutiset?priority=digitalisation')).body), [n.lapland]);
      assert.deepEqual(idsIn((await get('/fi/uutiset?region=18&priority=digitalisation')).body), []);
      const unknown = await get('/fi/uutiset?region=99&priority=nothing');
      assert.equal(unknown.statusCode, 200);
      assert.ok(unknown.body.includes('Kaikkia rajauksia ei tunnistettu'));
      assert.deepEqual(idsIn(unknown.body), [n.english, n.kainuu, n.lapland, n.everywhere]);
    });

    it('shows an item: title, date, escaped plain-text paragraphs, tags linking to the filtered list, its call', async () => {
      const lapland = await get(`/fi/uutiset/${n.lapland}`);
      assert.equal(lapland.statusCode, 200);
      assert.match(lapland.body, /<h1>Lapin uutinen<\/h1>/);
      assert.ok(lapland.body.includes('12.11.2026'));
      assert.ok(lapland.body.includes('<a class="tag" href="/fi/uutiset?region=19">Lappi</a>'));
      assert.ok(lapland.body.includes('href="/fi/uutiset?priority=digitalisation"'));
      assert.ok(lapland.body.includes(`href="/fi/haut/${callId}"`) && lapland.body.includes(`Akkuhaku 2027</span> (${callReference})`));
      assert.ok(lapland.body.includes('href="/feeds/fi/news.atom"'));

      const everywhere = await get(`/fi/uutiset/${n.everywhere}`);
      assert.ok(everywhere.body.includes('<p class="preserve-lines">Ensimmäinen kappale.</p>'));
      assert.ok(everywhere.body.includes('<p class="preserve-lines">Toinen kappale &lt;script>alert(1)&lt;/script>.</p>'));
      assert.ok(!everywhere.body.includes('<script>alert(1)'));
      assert.ok(everywhere.body.includes('<span>Kaikki maakunnat</span>'));
      assert.ok(everywhere.body.includes(`<a href="/sv/nyheter/${n.everywhere}" lang="sv" hreflang="sv">Svenska: Nyhet för alla landskap</a>`));
    });

    it('shows an item not written in the page’s language in its own, marked with lang and a note saying so', async () => {
      const sv = await get(`/sv/nyheter/${n.lapland}`);
      assert.equal(sv.statusCode, 200);
      assert.ok(text(sv.body).includes('Den här nyheten finns inte på svenska. Den visas på finska.'));
      assert.match(sv.body, /<article class="news-article" lang="fi"><h1>Lapin uutinen<\/h1>/);
      const fi = await get(`/fi/uutiset/${n.english}`);
      assert.ok(fi.body.includes('Tätä uutista ei ole suomeksi. Se näytetään englanniksi.'));
      assert.match(fi.body, /<article class="news-article" lang="en">/);
      const own = await get(`/sv/nyheter/${n.everywhere}`);
      assert.match(own.body, /<article class="news-article"><h1>Nyhet för alla landskap<\/h1>/);
      assert.ok(!own.body.includes('finns inte på svenska'));
    });

    it('answers 404 for drafts, scheduled items and unknown ids, and 400 for an id that is no id', async () => {
      for (const id of [n.draft, n.scheduled, 999_999]) {
        const res = await get(`/fi/uutiset/${id}`);
        assert.equal(res.statusCode, 404);
      }
      assert.equal((await get('/fi/uutiset/abc')).statusCode, 400);
      const json = await get(`/api/v1/news/${n.draft}`, 'application/json');
      assert.equal(json.statusCode, 404);
      assert.equal(json.json().code, 'NEWS_NOT_FOUND');
    });

    it('pages 20 at a time by keyset, older pages following without gaps or repeats', async () => {
      for (let i = 0; i < 22; i += 1) await buildNews(t.database.db, { publishedAt: '2026-10-01T08:00:00.000Z', title: `Vanha uutinen ${i}`, regions: ['10'] });
      const first = await get('/fi/uutiset');
      const firstIds = idsIn(first.body);
      assert.equal(firstIds.length, 20);
      const older = /<a href="([^"]+)" rel="next">Vanhemmat uutiset<\/a>/.exec(first.body)?.[1];
      assert.ok(older, 'a link to the older items');
      const second = await get(text(older));
      const secondIds = idsIn(second.body);
      assert.equal(secondIds.length, 6);
      assert.equal(new Set([...firstIds, ...secondIds]).size, 26);
      assert.ok(second.body.includes('>Uusimmat uutiset</a>'));
      assert.ok(!second.body.includes('rel="next"'));
    });

    it('gives the list and each item in the API, filtered and paged, with 400 problems for bad parameters', async () => {
      const all = await get('/api/v1/news?limit=2', 'application/json');
      assert.equal(all.statusCode, 200);
      const page = all.json();
      assert.deepEqual(page.items.map((i: { id: number }) => i.id), [n.english, n.kainuu]);
      assert.deepEqual(page.items[0].texts, { en: { title: 'English only', summary: 'In English.', body: 'English only: leipäteksti' } });
      assert.equal(page.items[0].links.page.sv, `http://s3.test/sv/nyheter/${n.english}`);
      assert.ok(page.nextCursor);
      const next = (await get(`/api/v1/news?limit=2&cursor=${page.nextCursor}`, 'application/json')).json();
      assert.deepEqual(next.items.map((i: { id: number }) => i.id), [n.lapland, n.everywhere]);
      assert.deepEqual(next.items[0].call, { id: callId, reference: callReference, links: { self: `http://s3.test/api/v1/calls/${callId}` } });
      assert.deepEqual([next.items[0].regions, next.items[0].priorities], [['19'], ['digitalisation']]);

      const filtered = (await get('/api/v1/news?region=18&locale=sv', 'application/json')).json();
      assert.deepEqual(filtered.items.map((i: { id: number }) => i.id), [n.everywhere]);
      const one = await get(`/api/v1/news/${n.everywhere}`, 'application/json');
      assert.equal(one.statusCode, 200);
      assert.deepEqual(Object.keys(one.json().texts).sort(), ['fi', 'sv']);
      assert.deepEqual(one.json().regions, []);

      for (const query of ['region=99', 'region=abc', 'priority=nothing', 'limit=101', 'limit=0', 'cursor=abc', 'locale=de']) {
        const res = await get(`/api/v1/news?${query}`, 'application/json');
        assert.equal(res.statusCode, 400, query);
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
        assert.equal(res.json().code, 'VALIDATION_FAILED', query);
      }
      assert.equal((await get('/api/v1/news/0', 'application/json')).statusCode, 400);
    });

    it('lists a call’s latest news on the call’s public page', async () => {
      const res = await get(`/fi/haut/${callId}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('Hakuun liittyvät uutiset'));
      assert.ok(res.body.includes(`<a href="/fi/uutiset/${n.lapland}">Lapin uutinen</a>`));
    });
  });
}

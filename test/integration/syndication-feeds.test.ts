import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import Parser from 'rss-parser';
import { pagePath } from '../../src/http/page-paths.js';
import { locales, type Locale } from '../../src/i18n/locales.js';
import { TEST_BASE_URL, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildNews } from '../helpers/news-factories.js';
import { TRICKY_TITLE, buildSyndicationFixture, expectedItems, type SyndicationFixture } from '../helpers/syndication-fixture.js';

/**
 * The feeds (issue 7): every kind (all, calls, news) in every format (Atom, RSS, JSON Feed) and
 * language, with region and priority filters, read back by parsers that are not the ones that wrote
 * them: rss-parser (xml2js, strict XML) for Atom and RSS, and JSON Feed 1.1's rules as a JSON Schema.
 */
type Kind = 'all' | 'calls' | 'news';
type Format = 'atom' | 'rss' | 'json';
const kinds: readonly Kind[] = ['all', 'calls', 'news'];
const formats: readonly Format[] = ['atom', 'rss', 'json'];
const host = new URL(TEST_BASE_URL).hostname;
const kindWords: Record<Locale, Record<Kind, string>> = {
  fi: { all: 'uutiset ja haut', calls: 'haut', news: 'uutiset' },
  sv: { all: 'nyheter och utlysningar', calls: 'utlysningar', news: 'nyheter' },
  en: { all: 'news and calls', calls: 'calls', news: 'news' },
};
const contentTypes: Record<Format, RegExp> = {
  atom: /^application\/atom\+xml; charset=utf-8$/,
  rss: /^application\/rss\+xml; charset=utf-8$/,
  json: /^application\/feed\+json; charset=utf-8$/,
};

/** JSON Feed 1.1: version URL, a title, items each with a string id and content; URLs and dates well formed. */
const jsonFeedSchema = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string', minLength: 1 },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    language: { type: 'string', pattern: '^[a-z]{2}$' },
    authors: { type: 'array', minItems: 1, items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' } } } },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'url', 'title', 'date_published'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string', minLength: 1 },
          url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          summary: { type: 'string' },
          date_published: { type: 'string', format: 'date-time' },
          date_modified: { type: 'string', format: 'date-time' },
          tags: { type: 'array', items: { type: 'string' } },
          language: { type: 'string' },
        },
      },
    },
  },
} as const;
const ajv = new Ajv({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validateJsonFeed = ajv.compile(jsonFeedSchema);

interface AtomCategory {
  $: { term: string; label?: string; scheme?: string };
}
const parser = new Parser<Record<string, unknown>, { categoryList?: AtomCategory[]; published?: string; updated?: string }>({
  customFields: { item: [['category', 'categoryList', { keepArray: true }], 'published', 'updated'] },
});

/** An item of any format as the tests compare it. */
interface ReadItem {
  id: string;
  link: string;
  title: string;
  published: string;
  categories: string[];
}
interface ReadFeed {
  title: string;
  selfLink: string | undefined;
  alternateLink: string | undefined;
  language: string | undefined;
  items: ReadItem[];
}

/** Atom declares its entry titles type="html": what the parser returns is HTML, whose text is the title. */
const htmlText = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

async function readFeed(format: Format, body: string): Promise<ReadFeed> {
  if (format === 'json') {
    const parsed: unknown = JSON.parse(body);
    assert.ok(validateJsonFeed(parsed), JSON.stringify(validateJsonFeed.errors));
    const doc = JSON.parse(body) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
    return {
      title: String(doc.title),
      selfLink: doc.feed_url as string,
      alternateLink: doc.home_page_url as string,
      language: doc.language as string,
      items: doc.items.map((i) => ({
        id: String(i.id),
        link: String(i.url),
        title: String(i.title),
        published: new Date(String(i.date_published)).toISOString(),
        categories: (i.tags as string[] | undefined) ?? [],
      })),
    };
  }
  const feed = await parser.parseString(body);
  if (format === 'atom') {
    const lang = /^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="([a-z]{2})">/.exec(body)?.[1];
    assert.ok(/<entry>[\s\S]*<title type="html">/.test(body) || !body.includes('<entry>'), 'Atom entry titles are declared as HTML');
    return {
      title: feed.title ?? '',
      selfLink: feed.feedUrl,
      alternateLink: feed.link,
      language: lang,
      items: feed.items.map((i) => ({
        id: String((i as { id?: string }).id),
        link: i.link ?? '',
        title: htmlText(i.title ?? ''),
        published: new Date(String(i.published)).toISOString(),
        categories: (i.categoryList ?? []).map((c) => c.$.label ?? c.$.term),
      })),
    };
  }
  return {
    title: feed.title ?? '',
    selfLink: feed.feedUrl,
    alternateLink: feed.link,
    language: (feed as { language?: string }).language,
    items: feed.items.map((i) => ({
      id: String(i.guid),
      link: i.link ?? '',
      title: i.title ?? '',
      published: i.isoDate ?? '',
      categories: ((i.categories ?? []) as unknown as Array<string | { _: string }>).map((c) => (typeof c === 'string' ? c : c._)),
    })),
  };
}

const itemUrl = (locale: Locale, item: { kind: 'call' | 'news'; id: number }) =>
  `${TEST_BASE_URL}${pagePath(locale, item.kind === 'call' ? 'calls' : 'news', String(item.id))}`;
const itemId = (item: { kind: 'call' | 'news'; id: number }) => `tag:${host},2024:${item.kind}-${item.id}`;

for (const dialect of testDialects()) {
  describe(`feeds: Atom, RSS and JSON Feed of calls and news [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let fixture: SyndicationFixture;
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      fixture = await buildSyndicationFixture(t.database.db);
    });
    after(() => t?.close());

    async function checkFeed(locale: Locale, kind: Kind, format: Format, filter: { region?: string; priority?: string } = {}) {
      const query = new URLSearchParams(filter as Record<string, string>).toString();
      const url = `/feeds/${locale}/${kind}.${format}${query ? `?${query}` : ''}`;
      const res = await get(url);
      const label = `${url}`;
      assert.equal(res.statusCode, 200, label);
      assert.match(String(res.headers['content-type']), contentTypes[format], label);
      assert.equal(res.headers['access-control-allow-origin'], '*', label);
      assert.equal(res.headers['cache-control'], 'public, max-age=300', label);
      assert.match(String(res.headers.etag), /^"[A-Za-z0-9_-]+"$/, label);
      const feed = await readFeed(format, res.body);
      assert.ok(feed.title.startsWith(`${{ fi: 'S3 Itä- ja Pohjois-Suomi', sv: 'S3 Öst- och Nordfinland', en: 'S3 East and North Finland' }[locale]} – ${kindWords[locale][kind]}`), `${label}: ${feed.title}`);
      assert.equal(feed.selfLink, `${TEST_BASE_URL}${url}`, label);
      assert.ok(feed.alternateLink?.startsWith(`${TEST_BASE_URL}/${locale}`), `${label}: ${feed.alternateLink}`);
      assert.equal(feed.language, locale, label);
      const expected = expectedItems(fixture, { kind, locale, ...filter });
      assert.deepEqual(
        feed.items.map((i) => i.id),
        expected.map(itemId),
        label,
      );
      for (const [n, item] of feed.items.entries()) {
        assert.equal(item.link, itemUrl(locale, expected[n]!), label);
        assert.equal(item.published, expected[n]!.publishedAt, label);
        assert.ok(item.title.length > 0, label);
      }
      return feed;
    }

    it('serves every kind in every format and language, each item once, newest first, linking to its page', async () => {
      for (const locale of locales) for (const kind of kinds) for (const format of formats) await checkFeed(locale, kind, format);
    });

    it('filters by region: a call of councils 11 and 12 is in the feed of 11 and not of 18; news for every region is in both', async () => {
      for (const format of formats) {
        for (const locale of locales) {
          const eleven = await checkFeed(locale, 'all', format, { region: '11' });
          const eighteen = await checkFeed(locale, 'all', format, { region: '18' });
          assert.ok(eleven.items.some((i) => i.id === itemId({ kind: 'call', id: fixture.calls.a })));
          assert.ok(!eighteen.items.some((i) => i.id === itemId({ kind: 'call', id: fixture.calls.a })));
          if (locale === 'fi') {
            assert.ok(eleven.items.some((i) => i.id === itemId({ kind: 'news', id: fixture.news.n2 })));
            assert.ok(eighteen.items.some((i) => i.id === itemId({ kind: 'news', id: fixture.news.n2 })));
          }
          assert.ok(eighteen.title.endsWith(` – ${{ fi: 'Kainuu', sv: 'Kajanaland', en: 'Kainuu' }[locale]}`), eighteen.title);
          await checkFeed(locale, 'calls', format, { region: '12' });
          await checkFeed(locale, 'news', format, { region: '18' });
        }
      }
    });

    it('filters by a priority of the strategy in force, and by region and priority together', async () => {
      for (const format of formats) {
        for (const locale of locales) {
          const clean = await checkFeed(locale, 'all', format, { priority: 'clean-solutions' });
          assert.ok(!clean.items.some((i) => i.id === itemId({ kind: 'call', id: fixture.calls.b })));
          await checkFeed(locale, 'calls', format, { priority: 'digitalisation' });
          await checkFeed(locale, 'all', format, { region: '18', priority: 'clean-solutions' });
        }
      }
      const fi = await checkFeed('fi', 'all', 'rss', { region: '18', priority: 'clean-solutions' });
      assert.equal(fi.title, 'S3 Itä- ja Pohjois-Suomi – uutiset ja haut – Kainuu – Puhtaat ratkaisut');
    });

    it('never shows a draft call or draft news item', async () => {
      for (const locale of locales) {
        for (const format of formats) {
          const body = (await get(`/feeds/${locale}/all.${format}`)).body;
          assert.ok(!body.includes(`call-${fixture.calls.c}`));
          assert.ok(!body.includes(`news-${fixture.news.n4}`));
          assert.ok(!body.includes('Luonnos'));
        }
      }
    });

    it('keeps a title with & < " and ]]> intact through XML and JSON, and names regions and priorities as categories', async () => {
      for (const format of formats) {
        const res = await get(`/feeds/fi/calls.${format}`);
        const feed = await readFeed(format, res.body);
        const a = feed.items.find((i) => i.id === itemId({ kind: 'call', id: fixture.calls.a }))!;
        // RSS carries titles as CDATA, which cannot hold "]]>": a space is put into it there.
        const expectedTitle = format === 'rss' ? TRICKY_TITLE.replace(']]>', ']] >') : TRICKY_TITLE;
        assert.equal(a.title, expectedTitle, format);
        for (const name of ['Pohjois-Savo', 'Pohjois-Karjala', 'Puhtaat ratkaisut', 'Haku']) assert.ok(a.categories.includes(name), `${format}: ${name} in ${a.categories.join(', ')}`);
        assert.ok(!a.categories.includes('Kainuu'), format);
      }
      const sv = await readFeed('atom', (await get('/feeds/sv/calls.atom')).body);
      assert.ok(sv.items.some((i) => i.title === `${TRICKY_TITLE} (sv)`));
    });

    it('says in a call’s content when it opens and closes in Helsinki time, its budget and its councils', async () => {
      const json = (await get('/feeds/fi/calls.json')).json() as { items: Array<{ id: string; content_html: string; language: string }> };
      const a = json.items.find((i) => i.id === itemId({ kind: 'call', id: fixture.calls.a }))!;
      assert.match(a.content_html, /Haku avautuu: 2\.11\.2026 klo 9\.00/);
      assert.match(a.content_html, /Hakuaika päättyy: 31\.8\.2027 klo 16\.15/);
      assert.match(a.content_html, /Määrärahat yhteensä: 650[\s\u00a0]000[\s\u00a0]€/);
      assert.match(a.content_html, /Pohjois-Savon liitto 400[\s\u00a0]000[\s\u00a0]€/);
      assert.equal(a.language, 'fi');
      const en = (await get('/feeds/en/calls.json')).json() as { items: Array<{ id: string; content_html: string }> };
      assert.match(en.items.find((i) => i.id === itemId({ kind: 'call', id: fixture.calls.a }))!.content_html, /Applications close: 31 August 2027 at 16:15/);
    });

    it('gives the same item the same id in every format and on every fetch', async () => {
      const ids = async () => {
        const lists = await Promise.all(formats.map(async (f) => (await readFeed(f, (await get(`/feeds/fi/all.${f}`)).body)).items.map((i) => i.id)));
        for (const list of lists) assert.deepEqual(list, lists[0]);
        return lists[0];
      };
      assert.deepEqual(await ids(), await ids());
    });

    it('answers 304 to a current ETag and to If-Modified-Since, and a new ETag once the data changes', async () => {
      const first = await get('/feeds/fi/all.atom');
      const etag = String(first.headers.etag);
      assert.equal(first.headers['last-modified'], new Date('2026-11-20T10:00:00.000Z').toUTCString());
      const again = await get('/feeds/fi/all.atom', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      assert.equal((await get('/feeds/fi/all.atom', { 'if-none-match': '"something-else"' })).statusCode, 200);
      assert.equal((await get('/feeds/fi/all.atom', { 'if-modified-since': String(first.headers['last-modified']) })).statusCode, 304);
      assert.equal((await get('/feeds/fi/all.atom', { 'if-modified-since': new Date('2026-11-19T00:00:00Z').toUTCString() })).statusCode, 200);
      // Another format or language is another document.
      assert.notEqual((await get('/feeds/fi/all.rss')).headers.etag, etag);
      await t.database.db.updateTable('calls').set({ updated_at: '2026-11-27T12:00:00.000Z', title_fi: 'Korjattu otsikko' }).where('id', '=', fixture.calls.b).execute();
      const changed = await get('/feeds/fi/all.atom', { 'if-none-match': etag });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.match(changed.body, /Korjattu otsikko/);
    });

    it('leaves out characters XML cannot carry, so that every format still parses', async () => {
      const id = await buildNews(t.database.db, { texts: { fi: { title: 'Ohjaus\u0007merkki\u001b ja \u000bpari', body: 'Rivi\u0008' } }, publishedAt: '2026-11-27T10:00:00.000Z' });
      for (const format of formats) {
        const feed = await readFeed(format, (await get(`/feeds/fi/news.${format}`)).body);
        assert.equal(feed.items[0]!.id, itemId({ kind: 'news', id }), format);
        if (format !== 'json') assert.equal(feed.items[0]!.title, 'Ohjausmerkki ja pari', format);
      }
    });

    it('answers 404 for an unknown feed or language and 400 for an unknown region or priority, as problem details', async () => {
      for (const url of ['/feeds/de/all.atom', '/feeds/fi/everything.atom', '/feeds/fi/all.xml', '/feeds/fi/all', '/feeds/fi/calls.ics']) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
      }
      for (const url of ['/feeds/fi/all.atom?region=99', '/feeds/fi/all.rss?priority=nope', '/feeds/fi/all.json?priority=elmo-digitalisation', `/feeds/fi/all.atom?region=${'1'.repeat(40)}`]) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
        assert.equal(res.json().code, 'VALIDATION_FAILED', url);
      }
    });
  });
}

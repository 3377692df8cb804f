import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { findPublishedNews, listPublishedNews, newsTextFor, type PublishedNews } from '../../src/features/news/news.read.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';
import { buildNews } from '../helpers/news-factories.js';

/**
 * The public read model of news: published items only, newest first, filtered by language, region
 * ("no region" concerns every council), priority and call, paged by keyset, in a fixed number of queries.
 */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const ids = (items: PublishedNews[]) => items.map((i) => i.id);

for (const dialect of testDialects()) {
  describe(`news read model [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    let callId: number;
    let callReference: string;
    const n: Record<string, number> = {};

    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
      await seedReferenceData(database.db);
      const db = database.db;
      const call = await buildCall(db, { title: 'Uutishaku' });
      callId = call.id;
      callReference = call.reference;
      n.everywhere = await buildNews(db, { publishedAt: '2026-11-01T08:00:00.000Z', texts: { fi: { title: 'Kaikille' }, sv: { title: 'För alla' }, en: { title: 'For everyone' } } });
      n.lapland = await buildNews(db, { publishedAt: '2026-11-02T08:00:00.000Z', regions: ['19'], priorities: ['digitalisation'], texts: { sv: { title: 'Lappland' } } });
      n.kainuu = await buildNews(db, { publishedAt: '2026-11-03T08:00:00.000Z', regions: ['18', '17'], priorities: ['clean-solutions', 'digitalisation'], callId });
      // Same moment as kainuu: the id breaks the tie.
      n.tie = await buildNews(db, { publishedAt: '2026-11-03T08:00:00.000Z', regions: ['10'], texts: { en: { title: 'Tie' } } });
      n.draft = await buildNews(db, { status: 'draft' });
      n.scheduled = await buildNews(db, { status: 'scheduled', regions: ['19'] });
    });
    after(async () => database?.dispose());

    it('lists published items only, newest first, the id breaking ties', async () => {
      const items = await listPublishedNews(database.db, { limit: 50 });
      assert.deepEqual(ids(items), [n.tie, n.kainuu, n.lapland, n.everywhere]);
    });

    it('gives each item its texts, sorted region codes, priority slugs in the strategy’s order and its call', async () => {
      const [kainuu] = await listPublishedNews(database.db, { limit: 1, before: { publishedAt: '2026-11-03T08:00:00.000Z', id: n.tie! } });
      assert.equal(kainuu?.id, n.kainuu);
      assert.deepEqual(kainuu?.regionCodes, ['17', '18']);
      assert.deepEqual(kainuu?.prioritySlugs, ['clean-solutions', 'digitalisation']);
      assert.equal(kainuu?.callId, callId);
      assert.equal(kainuu?.callReference, callReference);
      assert.equal(kainuu?.publishedAt, '2026-11-03T08:00:00.000Z');
      assert.deepEqual(Object.keys(kainuu?.texts ?? {}), ['fi']);
      const everywhere = await findPublishedNews(database.db, n.everywhere!);
      assert.deepEqual(Object.keys(everywhere?.texts ?? {}).sort(), ['en', 'fi', 'sv']);
      assert.deepEqual(everywhere?.regionCodes, []);
      assert.equal(everywhere?.callReference, null);
    });

    it('a region filter keeps items tagged with it and items with no region (they concern every council)', async () => {
      assert.deepEqual(ids(await listPublishedNews(database.db, { limit: 50, regionCode: '19' })), [n.lapland, n.everywhere]);
      assert.deepEqual(ids(await listPublishedNews(database.db, { limit: 50, regionCode: '18' })), [n.kainuu, n.everywhere]);
    });

    it('filters by language, priority and call', async () => {
      assert.deepEqual(ids(await listPublishedNews(database.db, { limit: 50, locale: 'sv' })), [n.lapland, n.everywhere]);
      assert.deepEqual(ids(await listPublishedNews(database.db, { limit: 50, prioritySlug: 'digitalisation' })), [n.kainuu, n.lapland]);
      assert.deepEqual(ids(await listPublishedNews(database.db, { limit: 50, callId })), [n.kainuu]);
      assert.deepEqual(ids(await listPublishedNews(database.db, { limit: 50, prioritySlug: 'digitalisation', regionCode: '19', locale: 'sv' })), [n.lapland]);
    });

    it('pages by keyset without skipping or repeating items published at the same moment', async () => {
      const first = await listPublishedNews(database.db, { limit: 1 });
      const seen = [...ids(first)];
      let last = first.at(-1);
      while (last) {
        const page = await listPublishedNews(database.db, { limit: 1, before: { publishedAt: last.publishedAt, id: last.id } });
        seen.push(...ids(page));
        last = page.at(-1);
      }
      assert.deepEqual(seen, [n.tie, n.kainuu, n.lapland, n.everywhere]);
    });

    it('finds a published item by id, and nothing for drafts, scheduled items and unknown ids', async () => {
      assert.equal((await findPublishedNews(database.db, n.lapland!))?.id, n.lapland);
      assert.equal(await findPublishedNews(database.db, n.draft!), undefined);
      assert.equal(await findPublishedNews(database.db, n.scheduled!), undefined);
      assert.equal(await findPublishedNews(database.db, 2_000_000_000), undefined);
    });

    it('reads a list of any length in four queries', async () => {
      for (let i = 0; i < 30; i += 1) await buildNews(database.db, { publishedAt: '2026-10-01T08:00:00.000Z', regions: ['11', '12'], priorities: ['digitalisation'] });
      const counter = new QueryCounter();
      const items = await listPublishedNews(database.db.withPlugin(counter), { limit: 100 });
      assert.ok(items.length >= 34);
      assert.ok(counter.count <= 4, `${counter.count} queries`);
    });
  });
}

describe('newsTextFor', () => {
  const text = (title: string) => ({ title, summary: '', body: '' });
  const item = (texts: PublishedNews['texts']): PublishedNews => ({
    id: 1, publishedAt: '', updatedAt: '', callId: null, callReference: null, regionCodes: [], prioritySlugs: [], texts,
  });

  it('gives the asked language when the item has it', () => {
    assert.deepEqual(newsTextFor(item({ fi: text('fi'), sv: text('sv') }), 'sv'), { locale: 'sv', text: text('sv') });
  });

  it('falls back to Finnish, then English, then Swedish, and says which', () => {
    assert.equal(newsTextFor(item({ fi: text('fi'), en: text('en'), sv: text('sv') }), 'en').locale, 'en');
    assert.equal(newsTextFor(item({ en: text('en'), fi: text('fi') }), 'sv').locale, 'fi');
    assert.equal(newsTextFor(item({ sv: text('sv'), en: text('en') }), 'fi').locale, 'en');
    assert.equal(newsTextFor(item({ sv: text('sv') }), 'en').locale, 'sv');
  });
});

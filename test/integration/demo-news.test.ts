import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoCalls } from '../../src/db/seed/demo-calls.js';
import { seedDemoNews } from '../../src/db/seed/demo-news.js';
import { listPublishedNews } from '../../src/features/news/news.read.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`demo news [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    it('adds five labelled items once, dated around now: three published, one scheduled ahead, one draft', async () => {
      const db = t.database.db;
      const now = new Date('2027-03-20T10:00:00Z');
      await seedDemoCalls(db, now);
      assert.equal(await seedDemoNews(db, now), 5);
      assert.equal(await seedDemoNews(db, now), 0);
      const rows = await db.selectFrom('news_items').select(['status', 'is_demo', 'publish_at', 'published_at', 'call_id']).orderBy('id').execute();
      assert.deepEqual(rows.map((r) => [r.status, r.is_demo]), [['published', 1], ['published', 1], ['published', 1], ['scheduled', 1], ['draft', 1]]);
      assert.ok(rows.filter((r) => r.status === 'published').every((r) => r.published_at! < now.toISOString()));
      assert.ok(rows[3]!.publish_at! > now.toISOString());
      const call = await db.selectFrom('calls').select('id').where('reference', '=', 'DEMO-2027-01').executeTakeFirstOrThrow();
      assert.equal(rows[0]!.call_id, call.id);

      const published = await listPublishedNews(db, { limit: 10 });
      assert.equal(published.length, 3);
      assert.ok(published.every((item) => Object.values(item.texts).every((text) => text.title.includes('(demo)'))));
      assert.deepEqual(Object.keys(published.at(-1)!.texts).sort(), ['en', 'fi', 'sv']);
      assert.deepEqual(published.at(-1)!.regionCodes, [], 'the call’s announcement concerns every region');
      assert.deepEqual(await db.selectFrom('outbox').select('id').where('idempotency_key', 'like', 'news.published:%').execute(), [], 'seeding notifies nobody');
    });
  });
}

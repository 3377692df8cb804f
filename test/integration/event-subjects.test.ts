import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { loadCallSubject, loadDecisionSubject, loadNewsSubject } from '../../src/features/notifications/event-subjects.js';
import { buildCall } from '../helpers/call-factories.js';
import { decideCall } from '../helpers/decision-factories.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';
import { buildReviewedCall } from '../helpers/review-factories.js';

const BASE = 'https://s3.example.test';

for (const dialect of testDialects()) {
  describe(`what events are about, in public terms [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    const db = () => database.db;

    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
      await seedReferenceData(database.db);
    });
    after(() => database?.dispose());

    it('describes a published call with its councils, budgets, priorities and addresses in three languages', async () => {
      const call = await buildCall(db(), { budgets: { '12': 20_000_000, '11': 10_000_000 }, priorities: ['clean-solutions'] });
      const subject = await loadCallSubject(db(), call.id, `${BASE}/`);
      assert.ok(subject);
      assert.equal(subject.reference, call.reference);
      assert.deepEqual(subject.title, { fi: call.title_fi, sv: call.title_sv, en: call.title_en });
      assert.deepEqual([...subject.regionCodes].sort(), ['11', '12']);
      assert.equal(subject.budgets.reduce((s, b) => s + b.budgetCents, 0), 30_000_000);
      assert.deepEqual(subject.prioritySlugs, ['clean-solutions']);
      assert.equal(subject.closesAt, call.closes_at);
      assert.deepEqual(subject.url, { fi: `${BASE}/fi/haut/${call.id}`, sv: `${BASE}/sv/utlysningar/${call.id}`, en: `${BASE}/en/calls/${call.id}` });
    });

    it('says nothing of a draft call or one that does not exist', async () => {
      const draft = await buildCall(db(), { status: 'draft' });
      assert.equal(await loadCallSubject(db(), draft.id, BASE), undefined);
      assert.equal(await loadCallSubject(db(), 999_999, BASE), undefined);
    });

    it('describes a published news item in the languages it is written in, and nothing of a draft', async () => {
      const at = '2026-11-28T10:00:00.000Z';
      const priority = await db().selectFrom('priorities').select('id').where('slug', '=', 'clean-solutions').orderBy('id', 'desc').executeTakeFirstOrThrow();
      const insert = async (status: 'draft' | 'published') => {
        const row = await db()
          .insertInto('news_items')
          .values({ status, published_at: status === 'published' ? at : null, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db().insertInto('news_texts').values({ news_id: row.id, locale: 'fi', title: 'Uusi haku', summary: 'Lyhyesti', body: 'Teksti' }).execute();
        await db().insertInto('news_priorities').values({ news_id: row.id, priority_id: priority.id }).execute();
        return row.id;
      };
      const published = await insert('published');
      const subject = await loadNewsSubject(db(), published, BASE);
      assert.ok(subject);
      assert.deepEqual(subject.title, { fi: 'Uusi haku' });
      assert.deepEqual(subject.regionCodes, [], 'no region: the item concerns every council');
      assert.deepEqual(subject.prioritySlugs, ['clean-solutions']);
      assert.equal(subject.url.sv, `${BASE}/sv/nyheter/${published}`);
      assert.equal(await loadNewsSubject(db(), await insert('draft'), BASE), undefined);
    });

    it('describes a council decision by what that council funds', async () => {
      const { call } = await buildReviewedCall(db(), { count: 2, scores: [5, 4] });
      const decided = await decideCall(db(), call.id, ['17']);
      const decisionId = decided.decisionIds['17']!;
      const subject = await loadDecisionSubject(db(), decisionId, BASE);
      assert.ok(subject);
      const shares = await db().selectFrom('council_decision_shares').selectAll().where('decision_id', '=', decisionId).where('outcome', '=', 'funded').execute();
      assert.equal(subject.fundedCount, shares.length);
      assert.equal(subject.grantedCents, shares.reduce((s, r) => s + Number(r.granted_cents), 0));
      assert.equal(subject.number, `17/2026/${call.id}`);
      assert.equal(subject.councilName.fi, 'Pohjois-Pohjanmaan liitto');
      assert.equal(subject.url.en, `${BASE}/en/calls/${call.id}/decisions`);
      assert.equal(await loadDecisionSubject(db(), 999_999, BASE), undefined);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoCalls } from '../../src/db/seed/demo-calls.js';
import { checkEligibility } from '../../src/domain/eligibility.js';
import { findApplicationDetails, toDraft } from '../../src/features/applications/applications.repository.js';
import { callRules, findCallDetails, phaseOf } from '../../src/features/calls/calls.repository.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`demo calls [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    it('adds an open, a coming and a draft call, all labelled, once', async () => {
      const now = new Date('2027-03-20T10:00:00Z');
      assert.equal(await seedDemoCalls(t.database.db, now), 3);
      assert.equal(await seedDemoCalls(t.database.db, now), 0);
      const calls = await t.database.db.selectFrom('calls').selectAll().orderBy('reference').execute();
      assert.deepEqual(calls.map((c) => [c.reference, c.is_demo]), [['DEMO-2027-01', 1], ['DEMO-2027-02', 1], ['DEMO-2027-03', 1]]);
      assert.ok(calls.every((c) => c.title_fi.includes('(demo')));
      const phases = await Promise.all(calls.map(async (c) => phaseOf((await findCallDetails(t.database.db, c.id))!, now)));
      assert.deepEqual(phases, ['open', 'published', 'draft']);
      // The open call closes 30 days on at 16.15 Helsinki time, after the clocks go forward (UTC+3).
      assert.equal(calls[0]!.closes_at.slice(0, 19), '2027-04-19T13:15:00');
    });

    it('leaves a half-done demo draft whose checklist shows what is still missing', async () => {
      const application = await t.database.db.selectFrom('applications').select(['id', 'call_id', 'is_demo']).executeTakeFirstOrThrow();
      assert.equal(application.is_demo, 1);
      const call = (await findCallDetails(t.database.db, application.call_id))!;
      const result = checkEligibility(callRules(call), toDraft((await findApplicationDetails(t.database.db, application.id))!));
      assert.deepEqual(result.figures.regions, ['17', '18', '19']);
      assert.ok(result.problems.some((p) => p.field === 'start_date'));
      assert.equal(result.problems.some((p) => p.code === 'aid-rate-too-high'), false);
    });
  });
}

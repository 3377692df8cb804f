import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildAssignment, buildReviewedCall, buildReviewer, buildSubmittedApplication, submitScores } from '../helpers/review-factories.js';

for (const dialect of testDialects()) {
  describe(`call assessment: scores, ranking and the standard allocation from the database [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    it('ranks by score and funds while every council involved can pay; the third goes on the reserve list', async () => {
      const db = t.database.db;
      const { call, applicationIds } = await buildReviewedCall(db, { scores: [3, 5, 4] });
      const assessed = await assessCall(db, call.id);
      assert.ok(assessed);
      assert.deepEqual(
        assessed.ranking.map((r) => r.entry.applicationId),
        [applicationIds[1], applicationIds[2], applicationIds[0]],
      );
      const kinds = assessed.standard.outcomes.map((o) => [o.applicationId, o.kind]);
      assert.deepEqual(kinds, [
        [applicationIds[1], 'funded'],
        [applicationIds[2], 'funded'],
        [applicationIds[0], 'reserve'],
      ]);
      const reserve = assessed.standard.outcomes[2];
      assert.ok(reserve?.kind === 'reserve');
      // Each council pays 112,000 € of each project from 300,000 €: 76,000 € is left for the third, 36,000 € short.
      assert.deepEqual(
        reserve.shortfalls.map((s) => [s.regionCode, s.shortCents]),
        [['17', 3_600_000], ['18', 3_600_000], ['19', 3_600_000]],
      );
      assert.equal(assessed.standard.remainingByRegion['17'], 7_600_000);
      assert.equal(assessed.standard.remainingByRegion['10'], 30_000_000);
    });

    it('leaves an application with an unsubmitted review or below the minimum out of the ranking, with its reasons', async () => {
      const db = t.database.db;
      const { call } = await buildReviewedCall(db, { scores: [5] });
      const pending = await buildSubmittedApplication(db, { call });
      await buildAssignment(db, { applicationId: pending.id, reviewer: await buildReviewer(db) });
      const low = await buildSubmittedApplication(db, { call });
      await submitScores(db, await buildAssignment(db, { applicationId: low.id, reviewer: await buildReviewer(db) }), {}, 1);
      const assessed = await assessCall(db, call.id);
      assert.ok(assessed);
      const byId = new Map(assessed.applications.map((a) => [a.applicationId, a]));
      assert.deepEqual(byId.get(pending.id)?.reasons, [{ code: 'reviews-missing', submitted: 0, expected: 1 }]);
      assert.equal(byId.get(low.id)?.standing, 'not-fundable');
      assert.deepEqual(byId.get(low.id)?.reasons.map((r) => r.code), ['below-minimum']);
      assert.equal(assessed.ranking.length, 1);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoCalls } from '../../src/db/seed/demo-calls.js';
import { checkEligibility } from '../../src/domain/eligibility.js';
import { findApplicationDetails, toDraft } from '../../src/features/applications/applications.repository.js';
import { callRules, findCallDetails, phaseOf } from '../../src/features/calls/calls.repository.js';
import { listCallSubmissions } from '../../src/features/applications/submission.service.js';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`demo calls [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    it('adds an open, a coming, a draft and an in-review call, and two decided ones, all labelled, once', async () => {
      const now = new Date('2027-03-20T10:00:00Z');
      assert.equal(await seedDemoCalls(t.database.db, now), 6);
      assert.equal(await seedDemoCalls(t.database.db, now), 0);
      const all = await t.database.db.selectFrom('calls').selectAll().orderBy('reference').execute();
      assert.deepEqual(all.map((c) => [c.reference, c.status, c.is_demo]).filter(([, status]) => status === 'decided'), [['DEMO-2025-01', 'decided', 1], ['DEMO-2026-01', 'decided', 1]]);
      const calls = all.filter((c) => c.status !== 'decided');
      assert.deepEqual(calls.map((c) => [c.reference, c.is_demo]), [['DEMO-2027-01', 1], ['DEMO-2027-02', 1], ['DEMO-2027-03', 1], ['DEMO-2027-04', 1]]);
      assert.ok(calls.every((c) => c.title_fi.includes('(demo')));
      const phases = await Promise.all(calls.map(async (c) => phaseOf((await findCallDetails(t.database.db, c.id))!, now)));
      assert.deepEqual(phases, ['open', 'published', 'draft', 'in_review']);
      // The open call closes 30 days on at 16.15 Helsinki time, after the clocks go forward (UTC+3).
      assert.equal(calls[0]!.closes_at.slice(0, 19), '2027-04-19T13:15:00');
    });

    it('leaves a half-done demo draft whose checklist shows what is still missing', async () => {
      const application = await t.database.db.selectFrom('applications').select(['id', 'call_id', 'is_demo']).where('status', '=', 'draft').executeTakeFirstOrThrow();
      assert.equal(application.is_demo, 1);
      const call = (await findCallDetails(t.database.db, application.call_id))!;
      const result = checkEligibility(callRules(call), toDraft((await findApplicationDetails(t.database.db, application.id))!));
      assert.deepEqual(result.figures.regions, ['17', '18', '19']);
      assert.ok(result.problems.some((p) => p.field === 'start_date'));
      assert.equal(result.problems.some((p) => p.code === 'aid-rate-too-high'), false);
    });

    it('leaves a call in review whose ranking funds a lower project where one council ran out, and a review for the demo expert', async () => {
      const db = t.database.db;
      const call = await db.selectFrom('calls').select('id').where('status', '=', 'in_review').executeTakeFirstOrThrow();
      const assessed = await assessCall(db, call.id);
      assert.ok(assessed);
      assert.equal(assessed.applications.length, 6);
      for (const submission of await listCallSubmissions(db, assessed.call)) assert.deepEqual(submission.check.problems, []);
      const byTitle = (o: { applicationId: number }) => assessed.applications.find((a) => a.applicationId === o.applicationId)!.title.split(' ')[0];
      assert.deepEqual(
        assessed.standard.outcomes.map((o) => [byTitle(o), o.kind]),
        [['Teollisuuden', 'funded'], ['Vedyn', 'funded'], ['Metsäbiomassan', 'reserve'], ['Puhtaan', 'funded'], ['Älykkäät', 'not-fundable'], ['Rakennusjätteen', 'not-fundable']],
      );
      const reserve = assessed.standard.outcomes.find((o) => o.kind === 'reserve');
      assert.ok(reserve?.kind === 'reserve');
      assert.deepEqual(reserve.shortfalls.map((s) => [s.regionCode, s.shortCents]), [['17', 3_000_000]]);
      const waiting = await db
        .selectFrom('review_assignments as ra')
        .innerJoin('users as u', 'u.id', 'ra.reviewer_id')
        .select(['u.email', 'ra.status'])
        .where('ra.status', '=', 'awaiting-declaration')
        .execute();
      assert.deepEqual(waiting, [{ email: 'liisa.harjoitus@example.org', status: 'awaiting-declaration' }]);
    });
  });
}

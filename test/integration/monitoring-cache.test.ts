import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadMonitoringCached, MAX_AGE_MS } from '../../src/features/monitoring/monitoring.cache.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildProject, buildReport, buildReportingPeriod, setProjectTarget } from '../helpers/project-factories.js';

for (const dialect of testDialects()) {
  describe(`the dashboard's figures kept between views [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    it('answers from the kept copy while nothing changed, and works the figures out again after a new project, an accepted report, a target or the time limit', async () => {
      const db = t.database.db;
      const project = await buildProject(db, { decisionYear: 2026 });
      const call = await db.selectFrom('calls').selectAll().where('id', '=', project.callId).executeTakeFirstOrThrow();
      const filters = { strategyId: call.strategy_id };
      const start = 1_800_000_000_000;

      const first = await loadMonitoringCached(db, filters, start);
      assert.equal(first.collaboration.projects, 1);
      assert.equal(await loadMonitoringCached(db, filters, start + 1000), first, 'the same copy while nothing changed');

      await buildProject(db, { call, decisionYear: 2026 });
      const second = await loadMonitoringCached(db, filters, start + 2000);
      assert.equal(second.collaboration.projects, 2);

      await setProjectTarget(db, project.id, 'RCO01', 10);
      const third = await loadMonitoringCached(db, filters, start + 3000);
      assert.notEqual(third, second);
      assert.equal(third.indicators.find((i) => i.code === 'RCO01')?.projectTargetsHundredths, 1000);

      const period = await buildReportingPeriod(db, project.id);
      await buildReport(db, project, period, { status: 'accepted', indicators: { RCO01: 4 } });
      const fourth = await loadMonitoringCached(db, filters, start + 4000);
      assert.equal(fourth.indicators.find((i) => i.code === 'RCO01')?.achievedHundredths, 400);

      assert.equal(await loadMonitoringCached(db, filters, start + 5000), fourth);
      assert.notEqual(await loadMonitoringCached(db, filters, start + 4000 + MAX_AGE_MS), fourth, 'worked out again after the time limit');
    });
  });
}

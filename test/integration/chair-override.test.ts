import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cliActor } from '../../src/features/audit/audit.repository.js';
import { chairSchedule, clearChairOverride, overrideChairYear } from '../../src/features/chair/chair.commands.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`overriding a single chair year [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    it('moves one year and leaves the rotation of the others, in the API at once', async () => {
      assert.deepEqual(await overrideChairYear(t.database.db, cliActor, { year: 2027, regionCode: '12', reason: 'Swap agreed by the councils' }, t.clock.now()), { ok: true });
      const chair = (await t.app.inject('/api/v1/chair/2027')).json();
      assert.equal(chair.region.code, '12');
      assert.equal(chair.source, 'override');
      assert.equal((await t.app.inject('/api/v1/chair/2028')).json().region.code, '10');
      const schedule = await chairSchedule(t.database.db, 2026, 3);
      assert.deepEqual(schedule.map((r) => `${r.year}:${r.regionCode}:${r.source}`), ['2026:18:rotation', '2027:12:override', '2028:10:rotation']);
    });

    it('refuses an unknown region or an empty reason and changes nothing', async () => {
      assert.deepEqual(await overrideChairYear(t.database.db, cliActor, { year: 2029, regionCode: '99', reason: 'x' }, t.clock.now()), { ok: false, reason: 'no region has the code 99' });
      assert.deepEqual(await overrideChairYear(t.database.db, cliActor, { year: 2029, regionCode: '12', reason: '  ' }, t.clock.now()), { ok: false, reason: 'a reason is required' });
      assert.equal((await t.app.inject('/api/v1/chair/2029')).json().source, 'rotation');
    });

    it('returns to the rotation when the override is cleared', async () => {
      assert.equal(await clearChairOverride(t.database.db, cliActor, 2027, t.clock.now()), true);
      assert.equal((await t.app.inject('/api/v1/chair/2027')).json().region.code, '19');
      assert.equal(await clearChairOverride(t.database.db, cliActor, 2027, t.clock.now()), false);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkEligibility } from '../../src/domain/eligibility.js';
import { callRules, findCallDetails } from '../../src/features/calls/calls.repository.js';
import { findApplicationDetails, toDraft } from '../../src/features/applications/applications.repository.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';

for (const dialect of testDialects()) {
  describe(`call and application repositories [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    it('read back a call and a complete application that passes every rule of it', async () => {
      const db = t.database.db;
      const call = await buildCall(db);
      const lead = await buildOrganisation(db, { region: '17' });
      const { id } = await buildApplication(db, { call, lead: { organisation: lead } });
      const details = await findCallDetails(db, call.id);
      assert.ok(details);
      assert.equal(details.budgets.length, 7);
      assert.equal(details.budgets[0]?.budgetCents, 30_000_000);
      const application = await findApplicationDetails(db, id);
      assert.ok(application);
      const result = checkEligibility(callRules(details), toDraft(application));
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.figures.regions, ['17', '18', '19']);
      assert.equal(result.figures.requestedCents, 3 * 11_200_000);
      assert.equal(result.figures.aidRateBp, 8000);
    });
  });
}

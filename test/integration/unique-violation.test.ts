import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isUniqueViolation } from '../../src/db/errors.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`a unique-index race [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
      await seedReferenceData(database.db);
    });
    after(() => database?.dispose());

    it('is recognised from the driver’s own error, so the answer is 409 and not 500', async () => {
      const row = { business_id: '9990002-4', name: 'Kaksoisyritys', org_type: 'company' as const, region_code: '18', created_at: '2026-11-28T10:00:00.000Z', updated_at: '2026-11-28T10:00:00.000Z' };
      await database.db.insertInto('organisations').values(row).execute();
      const error = await database.db.insertInto('organisations').values(row).execute().then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error, 'the second insert fails');
      assert.equal(isUniqueViolation(error), true);
    });
  });
}

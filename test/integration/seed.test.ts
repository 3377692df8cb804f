import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemoData, seedReferenceData } from '../../src/db/seed/seed.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`seeding reference and demo data [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
    });
    after(async () => database?.dispose());

    const count = async (table: 'regions' | 'priorities' | 'growth_sectors' | 'growth_sector_priorities' | 'expert_group_members') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('adds all reference data once and nothing the second time', async () => {
      const first = await seedReferenceData(database.db);
      assert.deepEqual(first, { regions: 7, strategies: 2, priorities: 7, growthSectors: 25, chairRotation: 7, indicators: 16 });
      const links = await count('growth_sector_priorities');
      const second = await seedReferenceData(database.db);
      assert.deepEqual(second, { regions: 0, strategies: 0, priorities: 0, growthSectors: 0, chairRotation: 0, indicators: 0 });
      assert.equal(await count('regions'), 7);
      assert.equal(await count('priorities'), 7);
      assert.equal(await count('growth_sectors'), 25);
      assert.equal(await count('growth_sector_priorities'), links);
    });

    it('never overwrites an officer’s edit when seeding again', async () => {
      await database.db.updateTable('priorities').set({ name_sv: 'Rena lösningar (officiell)' }).where('slug', '=', 'clean-solutions').execute();
      await database.db.updateTable('regions').set({ council_website: 'https://example.org/kainuu' }).where('code', '=', '18').execute();
      await seedReferenceData(database.db);
      const priority = await database.db.selectFrom('priorities').select('name_sv').where('slug', '=', 'clean-solutions').executeTakeFirstOrThrow();
      assert.equal(priority.name_sv, 'Rena lösningar (officiell)');
      const region = await database.db.selectFrom('regions').select('council_website').where('code', '=', '18').executeTakeFirstOrThrow();
      assert.equal(region.council_website, 'https://example.org/kainuu');
    });

    it('adds the demo expert group once, every member labelled as demo data', async () => {
      assert.ok((await seedDemoData(database.db)) > 0);
      const members = await count('expert_group_members');
      assert.equal(await seedDemoData(database.db), 0);
      assert.equal(await count('expert_group_members'), members);
      const notDemo = await database.db.selectFrom('expert_group_members').select('id').where('is_demo', '=', 0).execute();
      assert.equal(notDemo.length, 0);
    });
  });
}

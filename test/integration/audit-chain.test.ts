import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/db/migrate.js';
import { appendAudit, verifyAuditChain, type Actor } from '../../src/features/audit/audit.repository.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';

const actor: Actor = { userId: null, label: 'system', ip: null };

for (const dialect of testDialects()) {
  describe(`the audit chain [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
    });
    after(() => database?.dispose());

    it('stays one unbroken chain when many transactions append at once', async () => {
      const at = new Date('2026-11-28T10:00:00Z');
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          database.db.transaction().execute(async (trx) => {
            await appendAudit(trx, actor, { action: 'test.concurrent', entityType: 'test', entityId: i, after: { i } }, at);
          }),
        ),
      );
      const verdict = await verifyAuditChain(database.db);
      assert.deepEqual(verdict.ok && verdict.entries, 40);
      const seqs = (await database.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
      assert.deepEqual(seqs, Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('leaves no entry behind when the change it records is rolled back', async () => {
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          await appendAudit(trx, actor, { action: 'test.rolled-back' }, new Date());
          throw new Error('the change failed');
        }),
      );
      const rolledBack = await database.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.rolled-back').execute();
      assert.equal(rolledBack.length, 0);
      assert.equal((await verifyAuditChain(database.db)).ok, true);
    });

    it('names the first entry whose content was changed, and the place where one was removed', async () => {
      await database.db.updateTable('audit_log').set({ after_json: '{"i":999}' }).where('seq', '=', 7).execute();
      assert.deepEqual(await verifyAuditChain(database.db), { ok: false, entries: 6, seq: 7, problem: 'altered' });
      await database.db.deleteFrom('audit_log').where('seq', '=', 7).execute();
      assert.deepEqual(await verifyAuditChain(database.db), { ok: false, entries: 6, seq: 7, problem: 'removed' });
    });
  });
}

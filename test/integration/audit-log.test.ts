import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../src/db/database.js';
import { openDatabase, sqliteFileIn } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import type { UserRow } from '../../src/db/schema.js';
import { appendAudit, cliActor, systemActor } from '../../src/features/audit/audit.repository.js';
import { verifyAuditLog } from '../../src/features/audit/audit.verify.js';
import { createAccount } from '../../src/features/auth/accounts.service.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects, type TestDialect } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const audit = '/fi/hallinta/lokitiedot';
const PASSWORD = 'kolme karhua metsässä';

/** Real actions that write audit entries: accounts made from the command line, each with a role. */
async function makeAccounts(db: Db, count: number, at: Date): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const result = await createAccount(
      db,
      cliActor,
      { email: `loki${i}-${Math.random().toString(36).slice(2, 8)}@example.test`, name: `Loki ${i}`, locale: 'fi', password: PASSWORD, roles: [{ role: 'expert', regionCode: '17' }] },
      at,
    );
    assert.ok(result.ok);
  }
}

/** Runs `audit:verify` as an operator would, against the same database as the test. */
function runVerifyCommand(dialect: TestDialect['name'], env: { dataDir?: string; databaseUrl?: string }) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
  delete childEnv.DATABASE_URL;
  if (dialect === 'sqlite') childEnv.DATA_DIR = env.dataDir;
  else childEnv.DATABASE_URL = env.databaseUrl;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit:verify'], { env: childEnv, encoding: 'utf8', cwd: process.cwd() });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

for (const dialect of testDialects()) {
  describe(`the audit log browser [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let admin: UserRow;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      admin = await buildUser(t.database.db, { name: 'Lokin Lukija', roles: [{ role: 'admin' }] });
      await makeAccounts(t.database.db, 2, new Date('2026-11-27T10:00:00Z'));
      // 22:30 UTC on 28 November is already 29 November in Helsinki.
      await makeAccounts(t.database.db, 1, new Date('2026-11-28T22:30:00Z'));
    });
    after(async () => t?.close());

    it('shows entries newest first with time in Helsinki, actor and a readable change', async () => {
      const page = await (await agentFor(t, admin)).get(audit);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /29\.11\.2026 klo 0\.30/);
      assert.match(page.body, /Komentorivi/);
      assert.match(page.body, /<details class="audit-change"><summary>Näytä muutos<\/summary>/);
      assert.match(page.body, /&quot;regionCode&quot;: &quot;17&quot;|"regionCode": "17"/);
      assert.ok(page.body.indexOf('29.11.2026') < page.body.indexOf('27.11.2026'), 'newest first');
    });

    it('filters by action prefix, record and actor', async () => {
      const agent = await agentFor(t, admin);
      const roles = await agent.get(`${audit}?action=role.`);
      assert.match(roles.body, /<code>role\.granted<\/code>/);
      assert.doesNotMatch(roles.body, /<code>user\.created<\/code>/);
      const someone = await t.database.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'user.created').orderBy('seq').executeTakeFirstOrThrow();
      const record = await agent.get(`${audit}?entityType=user&entityId=${someone.entity_id}`);
      assert.equal((record.body.match(/<tr><td>/g) ?? []).length, 2);
      const nobody = await agent.get(`${audit}?actor=${admin.id}`);
      assert.match(nobody.body, /Merkintöjä ei löytynyt/);
    });

    it('reads dates as whole days in Helsinki time', async () => {
      const agent = await agentFor(t, admin);
      const late = await agent.get(`${audit}?from=2026-11-29&to=2026-11-29`);
      assert.equal((late.body.match(/<tr><td>/g) ?? []).length, 2);
      const earlier = await agent.get(`${audit}?from=2026-11-27&to=2026-11-28`);
      assert.equal((earlier.body.match(/<tr><td>/g) ?? []).length, 4);
    });

    it('names a date it cannot read, without a server error', async () => {
      const response = await (await agentFor(t, admin)).get(`${audit}?from=2026-02-30&actor=abc`);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Alkaen \(päivämäärä\): kirjoita päivämäärä muodossa vvvv-kk-pp/);
      assert.match(response.body, /Tekijän käyttäjänumero on kokonaisluku/);
    });

    it('pages from the newest entries to older ones', async () => {
      const agent = await agentFor(t, admin);
      await t.database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 55; i += 1) await appendAudit(trx, systemActor, { action: 'test.filler' }, t.clock.now());
      });
      const first = await agent.get(`${audit}?action=test.`);
      const older = /href="([^"]*before=\d+[^"]*)"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(older, 'a link to older entries');
      const second = await agent.get(older);
      assert.equal((second.body.match(/<tr><td>/g) ?? []).length, 5);
    });

    it('is open to officers but not to experts', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '17' }] });
      const expert = await buildUser(t.database.db, { roles: [{ role: 'expert', region: '17' }] });
      assert.equal((await (await agentFor(t, officer)).get(audit)).statusCode, 200);
      assert.equal((await (await agentFor(t, expert)).get(audit)).statusCode, 403);
    });

    it('verifies the chain on the page', async () => {
      const page = await (await agentFor(t, admin)).get(`${audit}?verify=1`);
      assert.match(page.body, /Loki on ehjä: \d+ merkintää/);
    });
  });

  describe(`audit:verify [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      await makeAccounts(t.database.db, 3, new Date('2026-11-28T10:00:00Z'));
    });
    after(async () => t?.close());

    it('finds an intact chain intact', async () => {
      const report = await verifyAuditLog(t.database.db);
      assert.equal(report.verdict.ok, true);
      assert.match(report.message, /^Audit log intact: 6 entries, last hash [0-9a-f]{64}\.$/);
    });

    it('names an entry whose content was changed with SQL as altered', async () => {
      const db = t.database.db;
      const original = await db.selectFrom('audit_log').select('after_json').where('seq', '=', 4).executeTakeFirstOrThrow();
      await db.updateTable('audit_log').set({ after_json: '{"role":"admin","regionCode":null}' }).where('seq', '=', 4).execute();
      const report = await verifyAuditLog(db);
      assert.deepEqual(report.verdict, { ok: false, entries: 3, seq: 4, problem: 'altered' });
      assert.match(report.message, /^Audit log altered: entry 4 \(2026-11-28T10:00:00\.000Z, role\.granted\)/);
      await db.updateTable('audit_log').set({ after_json: original.after_json }).where('seq', '=', 4).execute();
      assert.equal((await verifyAuditLog(db)).verdict.ok, true);
    });

    it('names a deleted entry as removed', async () => {
      await t.database.db.deleteFrom('audit_log').where('seq', '=', 3).execute();
      const report = await verifyAuditLog(t.database.db);
      assert.deepEqual(report.verdict, { ok: false, entries: 2, seq: 3, problem: 'removed' });
      assert.match(report.message, /entry 3 was removed; the chain resumes at entry 4/);
    });

    it('works as a command: exit 0 when intact, exit 2 naming the entry when not', async () => {
      let dataDir: string | undefined;
      let databaseUrl: string | undefined;
      let cleanup = async () => {};
      if (dialect.name === 'sqlite') {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-cli-'));
        const handle = openDatabase({ sqliteFile: sqliteFileIn(dataDir) });
        await migrateToLatest(handle);
        await seedReferenceData(handle.db);
        await makeAccounts(handle.db, 1, new Date('2026-11-28T10:00:00Z'));
        await handle.destroy();
        cleanup = async () => fs.rmSync(dataDir!, { recursive: true, force: true });
      } else {
        // The test database lives in a schema of its own; the command reaches it through the connection's search_path.
        const schema = /\(schema (\w+)\)/.exec(t.database.location)?.[1];
        assert.ok(schema);
        await t.database.db.deleteFrom('audit_log').execute();
        await makeAccounts(t.database.db, 1, new Date('2026-11-28T10:00:00Z'));
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        databaseUrl = url.toString();
      }
      try {
        const intact = runVerifyCommand(dialect.name, { dataDir, databaseUrl });
        assert.equal(intact.code, 0, intact.out);
        assert.match(intact.out, /Audit log intact: 2 entries, last hash [0-9a-f]{64}/);
        const db = dialect.name === 'sqlite' ? openDatabase({ sqliteFile: sqliteFileIn(dataDir!) }) : undefined;
        const target = db?.db ?? t.database.db;
        await target.updateTable('audit_log').set({ after_json: '{}' }).where('action', '=', 'role.granted').execute();
        await db?.destroy();
        const broken = runVerifyCommand(dialect.name, { dataDir, databaseUrl });
        assert.equal(broken.code, 2, broken.out);
        assert.match(broken.out, /Audit log altered: entry 2 \(2026-11-28T10:00:00\.000Z, role\.granted\)/);
      } finally {
        await cleanup();
      }
    });
  });
}

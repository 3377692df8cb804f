import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../src/db/database.js';
import { openDatabase, sqliteFileIn } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { buildApp } from '../../src/http/app.js';
import { verifyPassword } from '../../src/security/passwords.js';
import { testConfig } from '../helpers/app.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';

/**
 * The bootstrap commands as an operator runs them: a separate process on the same database, the
 * password from standard input, the token printed once.
 */
for (const dialect of testDialects()) {
  describe(`user:create and token:create from the command line [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase | DatabaseHandle;
    let childEnv: NodeJS.ProcessEnv;
    let cleanup = async () => {};

    before(async () => {
      childEnv = { ...process.env, NODE_ENV: 'test' };
      delete childEnv.DATABASE_URL;
      if (dialect.name === 'sqlite') {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-cli-'));
        childEnv.DATA_DIR = dataDir;
        database = openDatabase({ sqliteFile: sqliteFileIn(dataDir) });
        cleanup = async () => {
          await database.destroy();
          fs.rmSync(dataDir, { recursive: true, force: true });
        };
      } else {
        const testDatabase = await dialect.open();
        database = testDatabase;
        const schema = /\(schema (\w+)\)/.exec(testDatabase.location)?.[1];
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        childEnv.DATABASE_URL = url.toString();
        cleanup = () => testDatabase.dispose();
      }
      await migrateToLatest(database);
      await seedReferenceData(database.db);
    });
    after(() => cleanup());

    const cli = (args: string[], input = '') => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        env: childEnv,
        input,
        encoding: 'utf8',
        cwd: process.cwd(),
      });
      return { code: result.status, out: `${result.stdout}${result.stderr}` };
    };

    it('makes an active officer with the password from standard input, audited as the command line', async () => {
      const run = cli(['user:create', '--email', 'Virkailija@Example.test', '--role', 'officer', '--region', '18', '--name', 'Kai Virkailija'], 'pohjoisen revontulet loistavat\n');
      assert.equal(run.code, 0, run.out);
      assert.match(run.out, /Created user \d+ <virkailija@example.test> with the role officer in region 18/);
      const user = await database.db.selectFrom('users').selectAll().where('email', '=', 'virkailija@example.test').executeTakeFirstOrThrow();
      assert.equal(user.status, 'active');
      assert.ok(await verifyPassword(user.password_hash!, 'pohjoisen revontulet loistavat'));
      const roles = await database.db.selectFrom('role_assignments').select(['role', 'region_code']).where('user_id', '=', user.id).execute();
      assert.deepEqual(roles, [{ role: 'officer', region_code: '18' }]);
      const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_label']).where('entity_id', '=', String(user.id)).orderBy('seq').execute();
      assert.deepEqual(audit, [
        { action: 'user.created', actor_label: 'cli' },
        { action: 'role.granted', actor_label: 'cli' },
      ]);
    });

    it('refuses a common password, a missing region and a taken e-mail, saying why, and makes nothing', async () => {
      const weak = cli(['user:create', '--email', 'heikko@example.test', '--role', 'admin'], 'Salasana2024!\n');
      assert.equal(weak.code, 1);
      assert.match(weak.out, /password is not accepted \(common\)/);
      const noRegion = cli(['user:create', '--email', 'alueeton@example.test', '--role', 'expert'], 'pitkä ja hyvä salalause\n');
      assert.equal(noRegion.code, 1);
      assert.match(noRegion.out, /give --region/);
      const taken = cli(['user:create', '--email', 'virkailija@example.test', '--role', 'admin'], 'toinen pitkä salalause\n');
      assert.equal(taken.code, 1);
      assert.match(taken.out, /already exists/);
      const made = await database.db.selectFrom('users').select('email').where('email', 'in', ['heikko@example.test', 'alueeton@example.test']).execute();
      assert.deepEqual(made, []);
    });

    it('prints an API token once, which then works as a Bearer token and is stored only as a hash', async () => {
      const run = cli(['token:create', '--email', 'virkailija@example.test', '--name', 'maakunnan sivusto', '--scopes', 'read', '--days', '30']);
      assert.equal(run.code, 0, run.out);
      const token = /(s3e_[A-Za-z0-9_-]{20,})/.exec(run.out)?.[1];
      assert.ok(token, run.out);
      const stored = await database.db.selectFrom('api_tokens').select(['token_hash', 'scopes']).executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);
      assert.deepEqual(JSON.parse(stored.scopes), ['read']);
      const app = await buildApp(testConfig(), { database });
      try {
        const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
        assert.equal(me.statusCode, 200);
        assert.equal(me.json().email, 'virkailija@example.test');
        assert.deepEqual(me.json().scopes, ['read']);
      } finally {
        await app.close();
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/db/migrate.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildUser } from '../helpers/factories.js';
import { testDialects } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`health, readiness and metrics [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { migrate: false });
    });
    after(async () => t?.close());

    it('is live at once, but ready only when every migration is applied', async () => {
      assert.equal((await t.app.inject('/healthz')).statusCode, 200);
      const notReady = await t.app.inject('/readyz');
      assert.equal(notReady.statusCode, 503);
      assert.equal(notReady.json().code, 'SERVICE_UNAVAILABLE');
      assert.match(notReady.json().detail, /reference-data/);
      await migrateToLatest(t.database);
      const ready = await t.app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready', database: dialect.name });
    });

    it('exposes request counts and latency by route template in Prometheus format, to administrators and metrics tokens only', async () => {
      await t.app.inject('/healthz');
      assert.equal((await t.app.inject('/metrics')).statusCode, 401);
      const admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const res = await (await agentFor(t, admin)).get('/metrics');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/plain/);
      assert.match(res.body, /http_requests_total\{method="GET",route="\/healthz",status_code="200"\} \d+/);
      assert.match(res.body, /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"/);
      assert.match(res.body, /process_cpu_user_seconds_total/);
    });

    it('echoes a well-formed request id and makes one up otherwise', async () => {
      const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc123def456' } });
      assert.equal(given.headers['x-request-id'], 'abc123def456');
      const made = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } });
      assert.match(made.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
    });
  });
}

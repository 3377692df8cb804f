import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

for (const dialect of testDialects()) {
  describe(`when the database fails [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
      // Lose the connection under the running app.
      await t.database.destroy();
    });
    after(async () => {
      await t?.app.close();
    });

    it('shows a 500 page in the language of the path, with a reference to quote, and logs nothing to the visitor', async () => {
      for (const [url, text] of [
        ['/fi/maakunnat', 'Palvelussa tapahtui virhe'],
        ['/sv/landskap', 'Ett fel inträffade i tjänsten'],
        ['/en/regions', 'Something went wrong'],
      ] as const) {
        const res = await t.app.inject({ url, headers: { accept: 'text/html', 'x-request-id': 'req-test-0001' } });
        assert.equal(res.statusCode, 500, url);
        assert.match(res.body, new RegExp(text));
        assert.match(res.body, /req-test-0001/);
        assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
        assert.equal(res.headers['cache-control'], 'no-store');
      }
    });

    it('answers the API with INTERNAL_ERROR problem details and readiness with 503', async () => {
      const api = await t.app.inject('/api/v1/regions');
      assert.equal(api.statusCode, 500);
      assert.equal(api.json().code, 'INTERNAL_ERROR');
      assert.equal(api.json().detail, undefined, 'internal details stay in the log');
      assert.equal((await t.app.inject('/readyz')).statusCode, 503);
    });
  });
}

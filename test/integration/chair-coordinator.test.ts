import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sessionCookieOptions } from '../../src/features/auth/session.service.js';
import { agentFor, buildTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

for (const dialect of testDialects()) {
  describe(`the chair coordinator is derived, not assigned [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(() => t?.close());

    it("passes from Kainuu's officers to Lapland's at midnight Helsinki time on 1 January, with nobody acting", async () => {
      const kainuu = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '18' }] });
      const lappi = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '19' }] });
      const chairPage = '/fi/hallinta/puheenjohtajuus';
      const status = async (user: typeof kainuu) => (await (await agentFor(t, user)).get(chairPage)).statusCode;

      // 23:59:59 on 31 December 2026 in Helsinki (UTC+2): Kainuu still chairs 2026.
      t.clock.set('2026-12-31T21:59:59Z');
      assert.deepEqual([await status(kainuu), await status(lappi)], [200, 403]);
      const account = await (await agentFor(t, kainuu)).get('/fi/oma-tili');
      assert.match(account.body, /Puheenjohtajuusvuoden koordinaattori 2026 \(Kainuu\)/);

      // One second later it is 2027 in Helsinki, though still 2026 in UTC: Lapland chairs.
      t.clock.set('2026-12-31T22:00:00Z');
      assert.deepEqual([await status(kainuu), await status(lappi)], [403, 200]);
    });
  });
}

describe('session cookie', () => {
  it('is Secure when the site is served over https, and HttpOnly and SameSite=Lax always', () => {
    assert.deepEqual(sessionCookieOptions(testConfig({ BASE_URL: 'https://s3.example.fi' })), {
      path: '/',
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
    });
    assert.equal(sessionCookieOptions(testConfig({ BASE_URL: 'http://localhost:3000' })).secure, false);
  });
});

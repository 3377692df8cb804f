import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '../../src/features/audit/audit.repository.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { TEST_PASSWORD, buildUser } from '../helpers/factories.js';

for (const dialect of testDialects()) {
  describe(`sign-in with a password [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(() => t?.close());

    const auditActions = async (userId: number) =>
      (await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(userId)).orderBy('seq').execute()).map(
        (r) => r.action,
      );

    it('signs an applicant in with a new session id, audits it and goes to the page asked for', async () => {
      const user = await buildUser(t.database.db, { email: 'hakija@example.test' });
      const agent = await agentFor(t);
      const page = await agent.get('/fi/kirjaudu?next=/fi/strategia');
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      assert.match(page.body, /name="_csrf" value="[\w-]{20,}"/);
      const res = await agent.post('/fi/kirjaudu', { email: ' Hakija@Example.test ', password: TEST_PASSWORD, next: '/fi/strategia' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/fi/strategia');
      const cookie = res.cookies.find((c) => c.name === 's3_session');
      assert.ok(cookie?.httpOnly, 'session cookie is HttpOnly');
      assert.equal(cookie?.sameSite, 'Lax');
      assert.equal(cookie?.secure, undefined, 'not Secure on an http base address');
      const home = await agent.get('/fi');
      assert.match(home.body, /Kirjautuneena: Test User/);
      assert.equal(home.headers['cache-control'], 'private, no-store');
      assert.deepEqual(await auditActions(user.id), ['auth.sign-in.succeeded']);
    });

    it('answers a wrong password and an unknown e-mail alike, at the password field, keeping the e-mail', async () => {
      await buildUser(t.database.db, { email: 'known@example.test' });
      const agent = await agentFor(t);
      const wrong = await agent.post('/sv/logga-in', { email: 'known@example.test', password: 'fel lösenord här' });
      const unknown = await agent.post('/sv/logga-in', { email: 'nobody@example.test', password: 'fel lösenord här' });
      for (const res of [wrong, unknown]) {
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /id="field-password-error">E-postadressen eller lösenordet är fel\./);
        assert.doesNotMatch(res.body, /fel lösenord här/, 'the password is never echoed');
      }
      assert.match(wrong.body, /value="known@example.test"/);
    });

    it('names each empty field in the language of the page', async () => {
      const res = await (await agentFor(t)).post('/en/sign-in', { email: '', password: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<a href="#field-email">Enter email address\.<\/a>|<a href="#field-email">[^<]*[Ee]mail address[^<]*<\/a>/);
      assert.match(res.body, /href="#field-password"/);
    });

    it('makes an account wait after five wrong passwords in a row, for at most fifteen minutes', async () => {
      const user = await buildUser(t.database.db, { email: 'guessed@example.test' });
      const agent = await agentFor(t);
      for (let i = 0; i < 5; i++) await agent.post('/fi/kirjaudu', { email: user.email, password: `väärä salasana ${i}` });
      const locked = await agent.post('/fi/kirjaudu', { email: user.email, password: TEST_PASSWORD });
      assert.equal(locked.statusCode, 400);
      assert.match(locked.body, /Yritä uudelleen 1 minuutin kuluttua/);
      t.clock.set(new Date(t.clock.now().getTime() + 61_000).toISOString());
      const later = await agent.post('/fi/kirjaudu', { email: user.email, password: TEST_PASSWORD });
      assert.equal(later.statusCode, 303, 'the owner gets in once the short wait is over');
      const actions = await auditActions(user.id);
      assert.equal(actions.filter((a) => a === 'auth.sign-in.failed').length, 5);
      assert.ok(actions.includes('auth.sign-in.refused'));
      assert.equal(actions.at(-1), 'auth.sign-in.succeeded');
    });

    it('refuses a form post without the CSRF token, or with the token of another browser', async () => {
      const agent = await agentFor(t);
      const missing = await agent.post('/fi/kirjaudu', { email: 'x@example.test', password: 'y' }, { csrf: false });
      assert.equal(missing.statusCode, 403);
      assert.match(missing.body, /Lomakkeen tarkistus epäonnistui/);
      const other = await agentFor(t);
      const foreign = await agent.post('/fi/kirjaudu', { email: 'x@example.test', password: 'y' }, { csrf: other.csrfToken() });
      assert.equal(foreign.statusCode, 403);
      const crossSite = await agent.post('/fi/kirjaudu', { email: 'x@example.test', password: 'y' }, { headers: { origin: 'https://evil.example' } });
      assert.equal(crossSite.statusCode, 403);
    });

    it('never redirects to another site after signing in', async () => {
      const user = await buildUser(t.database.db);
      for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
        const agent = await agentFor(t);
        const res = await agent.post('/en/sign-in', { email: user.email, password: TEST_PASSWORD, next });
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, '/fi/oma-tili', `next=${next}`);
      }
    });

    it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
      const user = await buildUser(t.database.db);
      const agent = await agentFor(t, user);
      assert.equal((await agent.get('/fi/hallinta')).statusCode, 403, 'signed in, but not an official');
      t.clock.set(new Date(t.clock.now().getTime() + 31 * 60_000).toISOString());
      const idle = await agent.get('/fi/hallinta');
      assert.equal(idle.statusCode, 303, 'idle session is gone: back to sign-in');
      assert.match(idle.headers.location as string, /^\/fi\/kirjaudu\?next=/);

      const busy = await agentFor(t, user);
      for (let minutes = 0; minutes < 12 * 60; minutes += 25) {
        t.clock.set(new Date(t.clock.now().getTime() + 25 * 60_000).toISOString());
        await busy.get('/fi');
      }
      assert.equal((await busy.get('/fi/hallinta')).statusCode, 303, 'absolute limit reached although active');
    });

    it('signs out on the server, not just in the browser', async () => {
      const user = await buildUser(t.database.db);
      const agent = await agentFor(t, user);
      const stolen = agent.cookies.get('s3_session')!;
      const out = await agent.post('/fi/kirjaudu-ulos');
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/fi/kirjaudu?signedOut');
      const replay = await t.app.inject({ url: '/fi/hallinta', headers: { accept: 'text/html', cookie: `s3_session=${stolen}` } });
      assert.equal(replay.statusCode, 303);
      const count = await t.database.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
      assert.equal(count.length, 0);
    });

    it('keeps an audit chain that verifies after all of the above', async () => {
      const verdict = await verifyAuditChain(t.database.db);
      assert.equal(verdict.ok, true);
      assert.ok(verdict.entries > 10);
    });
  });
}

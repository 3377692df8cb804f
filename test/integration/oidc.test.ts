import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { SESSION_COOKIE } from '../../src/features/auth/session.service.js';
import { buildApp } from '../../src/http/app.js';
import { sha256Hex } from '../../src/security/tokens.js';
import { TestAgent } from '../helpers/agent.js';
import { TEST_BASE_URL, TestClock, testConfig, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { followToCallback, startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';

const CALLBACK = `${TEST_BASE_URL}/auth/oidc/callback`;

let provider: TestProvider;
before(async () => {
  provider = await startTestProvider(CALLBACK);
});
after(async () => provider?.close());

for (const dialect of testDialects()) {
  describe(`single sign-on with OpenID Connect [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      const database = await dialect.open();
      await migrateToLatest(database);
      await seedReferenceData(database.db);
      const clock = new TestClock();
      const config = testConfig({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_LABEL: 'Test council',
      });
      const app = await buildApp(config, { database, now: clock.now });
      t = { app, database, clock, close: async () => (await app.close(), await database.dispose()) };
    });
    after(async () => t?.close());

    /** Signs in at the provider as the account and comes back; returns the browser and the callback's answer. */
    async function signInAs(accountId: string, options: { amr?: string[]; next?: string } = {}) {
      provider.nextLogin = { accountId, ...(options.amr ? { amr: options.amr } : {}) };
      const agent = new TestAgent(t.app);
      const start = await agent.get(`/auth/oidc/start?lang=sv${options.next ? `&next=${encodeURIComponent(options.next)}` : ''}`);
      assert.equal(start.statusCode, 303);
      const location = String(start.headers.location);
      assert.ok(location.startsWith(`${provider.issuer}/auth?`), location);
      const authorize = new URL(location);
      assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(authorize.searchParams.get('redirect_uri'), CALLBACK);
      const callback = await followToCallback(location, CALLBACK);
      const response = await agent.get(callback.pathname + callback.search);
      return { agent, callback, response };
    }

    async function auditOf(action: string) {
      return t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();
    }

    it('signs in the active user whose verified e-mail the provider vouches for, with a new oidc session', async () => {
      const user = await buildUser(t.database.db, { email: 'anna.applicant@example.test', locale: 'en' });
      provider.accounts.set('anna', { email: 'Anna.Applicant@Example.test', emailVerified: true });
      const { agent, response } = await signInAs('anna', { next: '/en/account' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/en/account');
      const cookie = agent.cookies.get(SESSION_COOKIE);
      assert.ok(cookie);
      const session = await t.database.db.selectFrom('sessions').selectAll().where('id_hash', '=', sha256Hex(cookie)).executeTakeFirstOrThrow();
      assert.equal(session.user_id, user.id);
      assert.equal(session.method, 'oidc');
      assert.equal(session.mfa_pending, 0);
      const [entry] = (await auditOf('auth.sign-in.succeeded')).filter((e) => e.entity_id === String(user.id));
      assert.ok(entry);
      assert.deepEqual(JSON.parse(entry.after_json!), { method: 'oidc' });
    });

    it('asks an official for the second factor when the provider did not use one', async () => {
      const officer = await buildUser(t.database.db, { email: 'olli.officer@example.test', roles: [{ role: 'officer', region: '17' }] });
      provider.accounts.set('olli', { email: officer.email, emailVerified: true });
      const { agent, response } = await signInAs('olli');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/sv/logga-in/aktivera');
      const session = await t.database.db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', sha256Hex(agent.cookies.get(SESSION_COOKIE)!))
        .executeTakeFirstOrThrow();
      assert.equal(session.mfa_pending, 1);
      assert.equal(session.method, 'oidc');
      // The pending session is not yet a sign-in: the admin area is still closed.
      assert.equal((await agent.get('/sv/administration')).statusCode, 303);
    });

    it('trusts the second factor the provider reports in amr', async () => {
      const officer = await buildUser(t.database.db, { email: 'mia.officer@example.test', roles: [{ role: 'officer', region: '12' }] });
      provider.accounts.set('mia', { email: officer.email, emailVerified: true });
      const { agent, response } = await signInAs('mia', { amr: ['pwd', 'mfa'] });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/fi/oma-tili');
      const session = await t.database.db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', sha256Hex(agent.cookies.get(SESSION_COOKIE)!))
        .executeTakeFirstOrThrow();
      assert.equal(session.mfa_pending, 0);
    });

    it('refuses an e-mail that has no account, makes none, and audits the refusal', async () => {
      provider.accounts.set('stranger', { email: 'stranger@example.test', emailVerified: true });
      const { agent, response } = await signInAs('stranger');
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /det finns inget konto med den här e-postadressen/);
      assert.equal(agent.cookies.get(SESSION_COOKIE), undefined);
      assert.equal(await t.database.db.selectFrom('users').select('id').where('email', '=', 'stranger@example.test').executeTakeFirst(), undefined);
      const [entry] = await auditOf('auth.sign-in.failed');
      assert.deepEqual(JSON.parse(entry!.after_json!), { method: 'oidc', reason: 'unknown-email' });
    });

    it('refuses an e-mail the provider has not verified, even of an existing user', async () => {
      await buildUser(t.database.db, { email: 'ville.unverified@example.test' });
      provider.accounts.set('ville', { email: 'ville.unverified@example.test', emailVerified: false });
      const { agent, response } = await signInAs('ville');
      assert.equal(response.statusCode, 403);
      assert.equal(agent.cookies.get(SESSION_COOKIE), undefined);
      assert.deepEqual(JSON.parse((await auditOf('auth.sign-in.failed'))[0]!.after_json!), { method: 'oidc', reason: 'email-not-verified' });
    });

    it('refuses a replayed callback: the state is spent at first use', async () => {
      await buildUser(t.database.db, { email: 'rita.replay@example.test' });
      provider.accounts.set('rita', { email: 'rita.replay@example.test', emailVerified: true });
      const { agent, callback, response } = await signInAs('rita');
      assert.equal(response.statusCode, 303);
      const again = new TestAgent(t.app);
      again.cookies.set('s3_oidc_state', callback.searchParams.get('state')!);
      const replay = await again.get(callback.pathname + callback.search);
      assert.equal(replay.statusCode, 400);
      assert.match(replay.body, /Inloggningen misslyckades/);
      assert.equal(again.cookies.get(SESSION_COOKIE), undefined);
      assert.deepEqual(JSON.parse((await auditOf('auth.sign-in.failed'))[0]!.after_json!), { method: 'oidc', reason: 'unknown-or-used-state' });
      assert.ok(agent.cookies.get(SESSION_COOKIE));
    });

    it('refuses a callback in a browser that did not start the flow (login CSRF)', async () => {
      await buildUser(t.database.db, { email: 'kalle.csrf@example.test' });
      provider.accounts.set('kalle', { email: 'kalle.csrf@example.test', emailVerified: true });
      provider.nextLogin = { accountId: 'kalle' };
      const attacker = new TestAgent(t.app);
      const start = await attacker.get('/auth/oidc/start?lang=fi');
      const callback = await followToCallback(String(start.headers.location), CALLBACK);
      const victim = new TestAgent(t.app);
      const response = await victim.get(callback.pathname + callback.search);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Kertakirjautuminen epäonnistui/);
      assert.equal(victim.cookies.get(SESSION_COOKIE), undefined);
    });

    it('refuses an expired flow', async () => {
      await buildUser(t.database.db, { email: 'eero.expired@example.test' });
      provider.accounts.set('eero', { email: 'eero.expired@example.test', emailVerified: true });
      provider.nextLogin = { accountId: 'eero' };
      const agent = new TestAgent(t.app);
      const start = await agent.get('/auth/oidc/start?lang=en');
      const callback = await followToCallback(String(start.headers.location), CALLBACK);
      const started = t.clock.now();
      t.clock.set(new Date(started.getTime() + 11 * 60_000).toISOString());
      try {
        const response = await agent.get(callback.pathname + callback.search);
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /Single sign-on did not work/);
      } finally {
        t.clock.set(started.toISOString());
      }
    });

    it('offers the provider on the sign-in page', async () => {
      const page = await new TestAgent(t.app).get('/fi/kirjaudu');
      assert.match(page.body, /href="\/auth\/oidc\/start\?lang=fi"[^>]*>Kirjaudu: Test council/);
    });
  });
}

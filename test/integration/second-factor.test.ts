import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { UserRow } from '../../src/db/schema.js';
import { SESSION_COOKIE } from '../../src/features/auth/session.service.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser, TEST_PASSWORD } from '../helpers/factories.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at.getTime() });
}

function enrolmentOf(html: string): { sealed: string; secret: string } {
  const sealed = /name="enrolment" value="([^"]+)"/.exec(html)?.[1];
  const secret = /<code class="enrolment__secret">([^<]+)<\/code>/.exec(html)?.[1]?.replace(/\s+/g, '');
  assert.ok(sealed && secret, 'the page shows an enrolment form');
  return { sealed, secret };
}

function recoveryCodesOf(html: string): string[] {
  const list = /<ul class="recovery-codes"[^>]*>(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<code>([a-z0-9-]+)<\/code>/g)].map((m) => m[1]!);
}

for (const dialect of testDialects()) {
  describe(`second factor (TOTP) [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    async function signInWithPassword(user: UserRow, next?: string): Promise<{ agent: TestAgent; location: string }> {
      const agent = new TestAgent(t.app);
      const response = await agent.post('/fi/kirjaudu', { email: user.email, password: TEST_PASSWORD, ...(next ? { next } : {}) });
      assert.equal(response.statusCode, 303);
      return { agent, location: String(response.headers.location) };
    }

    async function failures(userId: number): Promise<number> {
      const rows = await t.database.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'auth.second-factor.failed')
        .where('entity_id', '=', String(userId))
        .execute();
      return rows.length;
    }

    it('signs in with the password and then a current code, replacing the session id', async () => {
      t.clock.set('2026-11-28T10:00:05Z');
      const user = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '17' }], totpSecret: SECRET }, t.app.config);
      const { agent, location } = await signInWithPassword(user, '/fi/hallinta');
      assert.equal(location, `/fi/kirjaudu/vahvistus?next=${encodeURIComponent('/fi/hallinta')}`);
      const pendingCookie = agent.cookies.get(SESSION_COOKIE);
      const page = await agent.get(location);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Vahvistuskoodi/);

      const done = await agent.post('/fi/kirjaudu/vahvistus', { code: codeAt(SECRET, t.clock.now()), next: '/fi/hallinta' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/fi/hallinta');
      assert.notEqual(agent.cookies.get(SESSION_COOKIE), pendingCookie, 'a new session id after the second factor');
      assert.equal((await agent.get('/fi/hallinta')).statusCode, 200);
      const stale = new TestAgent(t.app);
      stale.cookies.set(SESSION_COOKIE, pendingCookie!);
      assert.equal((await stale.get('/fi/kirjaudu/vahvistus')).statusCode, 303, 'the pending session id is worth nothing afterwards');
    });

    it('refuses a code a second time (replay), and takes the next step’s code', async () => {
      t.clock.set('2026-11-28T11:00:05Z');
      const user = await buildUser(t.database.db, { totpSecret: SECRET }, t.app.config);
      const code = codeAt(SECRET, t.clock.now());
      const first = await signInWithPassword(user);
      assert.equal((await first.agent.post('/fi/kirjaudu/vahvistus', { code })).statusCode, 303);

      const second = await signInWithPassword(user);
      const replay = await second.agent.post('/fi/kirjaudu/vahvistus', { code });
      assert.equal(replay.statusCode, 400);
      assert.match(replay.body, /väärä tai jo käytetty/);
      t.clock.set('2026-11-28T11:00:35Z');
      assert.equal((await second.agent.post('/fi/kirjaudu/vahvistus', { code: codeAt(SECRET, t.clock.now()) })).statusCode, 303);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('after_json')
        .where('action', '=', 'auth.second-factor.failed')
        .where('entity_id', '=', String(user.id))
        .executeTakeFirstOrThrow();
      assert.match(audit.after_json ?? '', /replayed/);
    });

    it('lets an applicant turn it on, shows ten recovery codes once, and takes each recovery code once', async () => {
      t.clock.set('2026-11-28T12:00:05Z');
      const user = await buildUser(t.database.db, { locale: 'en' });
      const agent = await agentFor(t, user);
      const page = await agent.get('/en/account/two-factor');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<img class="enrolment__qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code/);
      const { sealed, secret } = enrolmentOf(page.body);

      const wrong = await agent.post('/en/account/two-factor/enable', { enrolment: sealed, code: '000000' });
      assert.equal(wrong.statusCode, 400);
      assert.equal(enrolmentOf(wrong.body).secret, secret, 'a wrong code keeps the same secret for another try');

      const enabled = await agent.post('/en/account/two-factor/enable', { enrolment: sealed, code: codeAt(secret, t.clock.now()) });
      assert.equal(enabled.statusCode, 200);
      const codes = recoveryCodesOf(enabled.body);
      assert.equal(codes.length, 10);
      assert.ok(codes.every((c) => /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/.test(c)));
      const stored = await t.database.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
      assert.equal(stored.length, 10);
      assert.ok(stored.every((r) => !codes.some((c) => r.code_hash.includes(c.replace(/-/g, '')))), 'only hashes are stored');
      const row = await t.database.db.selectFrom('users').select('totp_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.ok(row.totp_secret?.startsWith('v1.') && !row.totp_secret.includes(secret), 'the secret is sealed');

      const recovery = codes[3]!;
      const first = await signInWithPassword(user);
      assert.equal((await first.agent.post('/fi/kirjaudu/vahvistus', { code: recovery.toUpperCase().replace('-', ' ') })).statusCode, 303);
      const again = await signInWithPassword(user);
      assert.equal((await again.agent.post('/fi/kirjaudu/vahvistus', { code: recovery })).statusCode, 400);
      const account = await first.agent.get('/en/account/two-factor');
      assert.match(account.body, /9 unused recovery codes left/);
    });

    it('counts wrong codes toward the same lock as wrong passwords', async () => {
      t.clock.set('2026-11-28T13:00:05Z');
      const user = await buildUser(t.database.db, { totpSecret: SECRET }, t.app.config);
      const { agent } = await signInWithPassword(user);
      for (let i = 0; i < 5; i++) {
        assert.equal((await agent.post('/fi/kirjaudu/vahvistus', { code: '123456' === codeAt(SECRET, t.clock.now()) ? '654321' : '123456' })).statusCode, 400);
      }
      assert.equal(await failures(user.id), 5);
      const locked = await agent.post('/fi/kirjaudu/vahvistus', { code: codeAt(SECRET, t.clock.now()) });
      assert.equal(locked.statusCode, 400);
      assert.match(locked.body, /liian monta/);
      const password = await new TestAgent(t.app).post('/fi/kirjaudu', { email: user.email, password: TEST_PASSWORD });
      assert.equal(password.statusCode, 400, 'the password step is locked too');
      t.clock.set('2026-11-28T13:01:15Z');
      assert.equal((await agent.post('/fi/kirjaudu/vahvistus', { code: codeAt(SECRET, t.clock.now()) })).statusCode, 303);
    });

    it('makes an official set up the second factor before any other page works', async () => {
      t.clock.set('2026-11-28T14:00:05Z');
      const user = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const { agent, location } = await signInWithPassword(user);
      assert.equal(location, '/fi/kirjaudu/ota-kayttoon');
      const admin = await agent.get('/fi/hallinta');
      assert.equal(admin.statusCode, 303);
      assert.match(String(admin.headers.location), /^\/fi\/kirjaudu\?next=/);
      assert.equal((await agent.get('/fi/oma-tili/kaksivaiheinen-tunnistus')).statusCode, 303);
      assert.equal((await agent.get('/fi/kirjaudu/vahvistus')).headers.location, '/fi/kirjaudu/ota-kayttoon');

      const page = await agent.get(location);
      assert.equal(page.statusCode, 200);
      const { sealed, secret } = enrolmentOf(page.body);
      const done = await agent.post(location, { enrolment: sealed, code: codeAt(secret, t.clock.now()) });
      assert.equal(done.statusCode, 200);
      assert.equal(recoveryCodesOf(done.body).length, 10);
      assert.equal((await agent.get('/fi/hallinta')).statusCode, 200);

      const disable = await agent.post('/fi/oma-tili/kaksivaiheinen-tunnistus/disable', { disableCode: codeAt(secret, new Date(t.clock.now().getTime() + 30_000)) });
      assert.equal(disable.statusCode, 403, 'an official cannot turn it off');
    });

    it('lets an applicant turn it off with a current code', async () => {
      t.clock.set('2026-11-28T15:00:05Z');
      const user = await buildUser(t.database.db, { totpSecret: SECRET }, t.app.config);
      const agent = await agentFor(t, user);
      const missing = await agent.post('/fi/oma-tili/kaksivaiheinen-tunnistus/disable', { disableCode: '' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Kirjoita vahvistuskoodi/);
      const off = await agent.post('/fi/oma-tili/kaksivaiheinen-tunnistus/disable', { disableCode: codeAt(SECRET, t.clock.now()) });
      assert.equal(off.statusCode, 303);
      const row = await t.database.db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { totp_secret: null, totp_enabled_at: null });
      const { location } = await signInWithPassword(user);
      assert.equal(location, '/fi/oma-tili');
    });
  });
}

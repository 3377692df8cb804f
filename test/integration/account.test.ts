import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSession } from '../../src/features/auth/session.service.js';
import { findUserById } from '../../src/features/auth/users.repository.js';
import { verifyPassword } from '../../src/security/passwords.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../helpers/factories.js';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1];
}

for (const dialect of testDialects()) {
  describe(`the user's own account [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    const sessionsOf = (userId: number) => t.database.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();
    const otherSession = (userId: number, userAgent: string) =>
      startSession(t.database.db, { userId, method: 'password', mfaPending: false, ip: '192.0.2.7', userAgent }, t.clock.now(), t.app.config);
    const auditOf = (userId: number, action: string) =>
      t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'user').where('entity_id', '=', String(userId)).where('action', '=', action).execute();

    it('shows name, e-mail, language, roles in words with the derived chair coordinator, organisations and the sub-pages', async () => {
      const chair = await t.database.db.selectFrom('regions').selectAll().where('code', '=', '18').executeTakeFirstOrThrow();
      const org = await buildOrganisation(t.database.db, { name: 'Kajaanin yliopistokeskus' });
      const user = await buildUser(t.database.db, { name: 'Olli Officer', locale: 'en', roles: [{ role: 'officer', region: '18' }], memberOf: [{ organisation: org }] });
      const res = await (await agentFor(t, user)).get('/en/account');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Olli Officer/);
      assert.match(res.body, new RegExp(user.email.replace('.', '\\.')));
      assert.match(res.body, new RegExp(`Council officer, ${chair.name_en}`));
      assert.match(res.body, new RegExp(`Chair coordinator 2026 \\(${chair.name_en}\\)`), 'the 2026 chair region is 18');
      assert.match(res.body, new RegExp(`href="/en/organisations/${org.id}"`));
      assert.match(res.body, /<fieldset[^>]*>\s*<legend[^>]*>Language<\/legend>/);
      assert.match(res.body, /value="en" checked/);
      for (const path of ['/en/account/password', '/en/account/two-factor', '/en/account/sessions', '/en/account/my-data']) {
        assert.ok(res.body.includes(`href="${path}"`), path);
      }
      assert.match(res.body, /Two-factor authentication<\/a> <span class="tag tag--neutral">off/);
    });

    it('saves name and language, follows the new language, and audits only which fields changed', async () => {
      const user = await buildUser(t.database.db, { name: 'Vanha Nimi', locale: 'fi' });
      const agent = await agentFor(t, user);
      const res = await agent.post('/fi/oma-tili', { name: 'Uusi Nimi', locale: 'sv' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/sv/mitt-konto?saved');
      const saved = await findUserById(t.database.db, user.id);
      assert.equal(saved?.name, 'Uusi Nimi');
      assert.equal(saved?.locale, 'sv', 'e-mails now go out in Swedish');
      const [entry] = await auditOf(user.id, 'user.profile-updated');
      assert.ok(entry);
      assert.deepEqual(JSON.parse(entry.before_json!), { locale: 'fi' });
      assert.deepEqual(JSON.parse(entry.after_json!), { locale: 'sv', changed: ['name', 'locale'] });
      for (const personal of ['Uusi', 'Vanha', user.email]) {
        assert.ok(!`${entry.before_json}${entry.after_json}`.includes(personal), `no ${personal} in the audit entry`);
      }
      assert.match((await agent.get('/sv/mitt-konto?saved')).body, /Uppgifterna har sparats/);
    });

    it('refuses an empty name or an unknown language with messages at the fields, keeping what was typed', async () => {
      const user = await buildUser(t.database.db);
      const res = await (await agentFor(t, user)).post('/en/account', { name: '  ', locale: 'de' });
      assert.equal(res.statusCode, 400);
      assert.ok(fieldError(res.body, 'name'));
      assert.ok(fieldError(res.body, 'locale'));
      assert.match(res.body, /class="error-summary"/);
      assert.equal((await auditOf(user.id, 'user.profile-updated')).length, 0);
    });

    it('refuses a password change with a wrong current password, with the message at that field', async () => {
      const user = await buildUser(t.database.db);
      const res = await (await agentFor(t, user)).post('/fi/oma-tili/salasana', {
        currentPassword: 'ei ole oikea salasana',
        newPassword: 'pitkä uusi lause kolmesta sanasta',
        confirmPassword: 'pitkä uusi lause kolmesta sanasta',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(fieldError(res.body, 'currentPassword'), 'Nykyinen salasana on väärin.');
      assert.ok(await verifyPassword((await findUserById(t.database.db, user.id))!.password_hash!, TEST_PASSWORD), 'password unchanged');
      assert.equal((await auditOf(user.id, 'auth.password-check.failed')).length, 1);
      assert.equal((await findUserById(t.database.db, user.id))?.failed_logins, 1, 'counts towards the sign-in lock');
    });

    it('locks password confirmation after repeated wrong answers, as sign-in does', async () => {
      const user = await buildUser(t.database.db, { locale: 'en' });
      const agent = await agentFor(t, user);
      const change = (currentPassword: string) =>
        agent.post('/en/account/password', { currentPassword, newPassword: 'another long sentence here', confirmPassword: 'another long sentence here' });
      for (let i = 0; i < 5; i++) await change(`wrong guess number ${i}`);
      const locked = await change(TEST_PASSWORD);
      assert.equal(locked.statusCode, 400);
      assert.match(fieldError(locked.body, 'currentPassword') ?? '', /too many sign-in attempts/);
    });

    it('gives each broken password rule its own message in the page language', async () => {
      const user = await buildUser(t.database.db, { name: 'Greta Gustafsson', email: 'greta.gustafsson@example.test' });
      const agent = await agentFor(t, user);
      const attempt = async (path: string, newPassword: string) =>
        fieldError((await agent.post(path, { currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword })).body, 'newPassword');
      assert.equal(await attempt('/sv/mitt-konto/losenord', 'kort'), 'Lösenordet ska vara minst 12 tecken långt.');
      assert.equal(await attempt('/en/account/password', 'x'.repeat(129)), 'The password can be at most 128 characters long.');
      assert.match((await attempt('/fi/oma-tili/salasana', 'Salasana2024!!')) ?? '', /liian yleinen/);
      assert.match((await attempt('/sv/mitt-konto/losenord', 'gretagustafsson')) ?? '', /ditt namn eller din e-postadress/);
      assert.match((await attempt('/en/account/password', 'abababababababab')) ?? '', /repeats the same character/);
      const mismatch = await agent.post('/en/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a long sentence of four words',
        confirmPassword: 'a long sentence of five words',
      });
      assert.match(fieldError(mismatch.body, 'confirmPassword') ?? '', /do not match/);
    });

    it('changes the password: other sessions end, this one continues under a new id, audited and e-mailed', async () => {
      const user = await buildUser(t.database.db, { locale: 'sv' });
      const agent = await agentFor(t, user);
      await otherSession(user.id, FIREFOX_WINDOWS);
      const before = (await sessionsOf(user.id)).map((s) => s.id_hash);
      assert.equal(before.length, 2);
      const res = await agent.post('/fi/oma-tili/salasana', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'uusi pitkä salasanalause tähän',
        confirmPassword: 'uusi pitkä salasanalause tähän',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/fi/oma-tili/salasana?changed');
      const after = await sessionsOf(user.id);
      assert.equal(after.length, 1);
      assert.ok(!before.includes(after[0]!.id_hash), 'the remaining session has a new id');
      const page = await agent.get('/fi/oma-tili/salasana?changed');
      assert.equal(page.statusCode, 200, 'still signed in with the new cookie');
      assert.match(page.body, /Salasana on vaihdettu/);
      const saved = await findUserById(t.database.db, user.id);
      assert.ok(await verifyPassword(saved!.password_hash!, 'uusi pitkä salasanalause tähän'));
      assert.match(saved!.password_hash!, /^\$argon2id\$/);
      const [entry] = await auditOf(user.id, 'auth.password-changed');
      assert.deepEqual(JSON.parse(entry!.after_json!), { endedSessions: 1 });
      const mail = await t.database.db.selectFrom('email_messages').selectAll().where('user_id', '=', user.id).execute();
      assert.deepEqual(mail.map((m) => [m.purpose, m.locale, m.subject]), [['password-changed', 'sv', 'Ditt lösenord har bytts']]);
    });

    it('lists the sessions in Helsinki time with a browser description and this session marked, and ends one', async () => {
      const user = await buildUser(t.database.db);
      const agent = await agentFor(t, user);
      await otherSession(user.id, FIREFOX_WINDOWS);
      await otherSession(user.id, SAFARI_IPHONE);
      const page = await agent.get('/en/account/sessions');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<caption[^>]*>Current sign-ins<\/caption>/);
      assert.match(page.body, /Firefox on Windows/);
      assert.match(page.body, /Safari on iOS/);
      assert.match(page.body, /28 November 2026 at 12:00|28 November 2026, 12:00/, '10:00 UTC is 12:00 in Helsinki');
      assert.equal((page.body.match(/>This sign-in</g) ?? []).length, 1);
      const references = [...page.body.matchAll(/name="session" value="([^"]+)"/g)].map((m) => m[1]!);
      assert.equal(references.length, 2, 'the current session has no end button of its own');
      const ended = await agent.post('/en/account/sessions/end', { session: references[0]! });
      assert.equal(ended.statusCode, 303);
      assert.equal((await sessionsOf(user.id)).length, 2);
      const entries = await auditOf(user.id, 'auth.session-ended');
      assert.deepEqual(JSON.parse(entries[0]!.after_json!), { scope: 'one', count: 1 });
      const other = await buildUser(t.database.db);
      await otherSession(other.id, FIREFOX_WINDOWS);
      const foreign = await (await agentFor(t, other)).get('/en/account/sessions');
      const foreignRef = /name="session" value="([^"]+)"/.exec(foreign.body)![1]!;
      await agent.post('/en/account/sessions/end', { session: foreignRef });
      assert.equal((await sessionsOf(other.id)).length, 2, "another user's session cannot be ended");
    });

    it('signs out everywhere else, keeping this session', async () => {
      const user = await buildUser(t.database.db);
      const agent = await agentFor(t, user);
      await otherSession(user.id, FIREFOX_WINDOWS);
      await otherSession(user.id, SAFARI_IPHONE);
      const res = await agent.post('/fi/oma-tili/istunnot/end-others');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/fi/oma-tili/istunnot?others=2');
      assert.equal((await sessionsOf(user.id)).length, 1);
      assert.match((await agent.get(res.headers.location)).body, /2 muuta kirjautumista päätettiin/);
      assert.deepEqual(JSON.parse((await auditOf(user.id, 'auth.session-ended'))[0]!.after_json!), { scope: 'others', count: 2 });
    });

    it('signs out everywhere, this session included, and sends the user to sign in', async () => {
      const user = await buildUser(t.database.db);
      const agent = await agentFor(t, user);
      await otherSession(user.id, FIREFOX_WINDOWS);
      const res = await agent.post('/sv/mitt-konto/sessioner/end-all');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/sv/logga-in?signedOut');
      assert.equal((await sessionsOf(user.id)).length, 0);
      const after = await agent.get('/sv/mitt-konto');
      assert.equal(after.statusCode, 303);
      assert.match(String(after.headers.location), /^\/sv\/logga-in\?next=/);
      assert.deepEqual(JSON.parse((await auditOf(user.id, 'auth.session-ended'))[0]!.after_json!), { scope: 'all', count: 2 });
    });

    it('sends someone not signed in to sign in', async () => {
      const res = await (await agentFor(t)).get('/fi/oma-tili/istunnot');
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/fi\/kirjaudu\?next=/);
    });
  });
}

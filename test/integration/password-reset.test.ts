import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser, TEST_PASSWORD } from '../helpers/factories.js';

const NEW_PASSWORD = 'uusi salasana järven rannalla';

for (const dialect of testDialects()) {
  describe(`password reset by e-mail [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    function mails(to: string, purpose?: string) {
      let query = t.database.db.selectFrom('email_messages').selectAll().where('to_address', '=', to).orderBy('id');
      if (purpose) query = query.where('purpose', '=', purpose);
      return query.execute();
    }

    /** Asks for a link on the form and reads the token from the kept e-mail. */
    async function requestLink(user: UserRow, locale: 'fi' | 'sv' | 'en' = 'fi'): Promise<string> {
      const path = { fi: '/fi/salasana-unohtui', sv: '/sv/glomt-losenord', en: '/en/forgot-password' }[locale];
      const response = await new TestAgent(t.app).post(path, { email: user.email.toUpperCase() });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `${path}/sent`);
      const sent = await mails(user.email, 'password-reset');
      const match = /\/(?:salasana-unohtui|glomt-losenord|forgot-password)\/([A-Za-z0-9_-]{30,})/.exec(sent.at(-1)?.body_text ?? '');
      assert.ok(match, 'the kept e-mail carries the link');
      return match[1]!;
    }

    it('answers the same for an unknown address and sends nothing', async () => {
      const agent = new TestAgent(t.app);
      const response = await agent.post('/fi/salasana-unohtui', { email: 'nobody@example.test' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/fi/salasana-unohtui/sent');
      assert.equal((await mails('nobody@example.test')).length, 0);
      const page = await agent.get('/fi/salasana-unohtui/sent');
      assert.match(page.body, /Jos antamallasi sähköpostiosoitteella on tunnus/);
    });

    it('asks for a well-formed address, naming the field', async () => {
      const response = await new TestAgent(t.app).post('/en/forgot-password', { email: 'not an address' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /value="not an address"/);
    });

    it('sets a new password from the e-mailed link, ends every session and clears the lock', async () => {
      t.clock.set('2026-11-28T10:00:00Z');
      const user = await buildUser(t.database.db, { locale: 'sv' });
      await t.database.db.updateTable('users').set({ failed_logins: 7, locked_until: '2026-11-28T10:10:00.000Z' }).where('id', '=', user.id).execute();
      const signedIn = await agentFor(t, user);
      const other = await agentFor(t, user);
      const token = await requestLink(user, 'sv');
      const mail = (await mails(user.email, 'password-reset'))[0]!;
      assert.equal(mail.locale, 'sv');
      assert.match(mail.subject, /Byte av lösenord/);

      const agent = new TestAgent(t.app);
      const form = await agent.get(`/sv/glomt-losenord/${token}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Välj ett nytt lösenord/);
      const weak = await agent.post(`/sv/glomt-losenord/${token}`, { password: 'lösenord2024', passwordConfirm: 'lösenord2024' });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /Nytt lösenord: lösenordet är för vanligt/);
      assert.doesNotMatch(weak.body, /lösenord2024/, 'a password is never sent back');
      const mismatch = await agent.post(`/sv/glomt-losenord/${token}`, { password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}x` });
      assert.equal(mismatch.statusCode, 400);
      assert.match(mismatch.body, /Lösenorden är inte lika/);

      const done = await agent.post(`/sv/glomt-losenord/${token}`, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/sv/glomt-losenord/done');
      for (const old of [signedIn, other]) assert.equal((await old.get('/sv/mitt-konto')).statusCode, 303, 'old sessions ended');
      const sessions = await t.database.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
      assert.equal(sessions.length, 0);
      const row = await t.database.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { failed_logins: 0, locked_until: null });
      assert.equal((await mails(user.email, 'password-changed')).length, 1);
      const audit = await t.database.db.selectFrom('audit_log').select('after_json').where('action', '=', 'auth.password-reset').where('entity_id', '=', String(user.id)).executeTakeFirstOrThrow();
      assert.match(audit.after_json ?? '', /"sessionsEnded":2/);

      const browser = new TestAgent(t.app);
      assert.equal((await browser.post('/sv/logga-in', { email: user.email, password: TEST_PASSWORD })).statusCode, 400);
      assert.equal((await browser.post('/sv/logga-in', { email: user.email, password: NEW_PASSWORD })).statusCode, 303);

      const reused = await new TestAgent(t.app).get(`/sv/glomt-losenord/${token}`);
      assert.equal(reused.statusCode, 410);
      assert.match(reused.body, /Länken gäller inte längre/);
      const reusedPost = await new TestAgent(t.app).post(`/sv/glomt-losenord/${token}`, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      assert.equal(reusedPost.statusCode, 410);
    });

    it('refuses a link older than an hour', async () => {
      t.clock.set('2026-11-28T12:00:00Z');
      const user = await buildUser(t.database.db);
      const token = await requestLink(user);
      t.clock.set('2026-11-28T13:00:01Z');
      const page = await new TestAgent(t.app).get(`/fi/salasana-unohtui/${token}`);
      assert.equal(page.statusCode, 410);
      assert.match(page.body, /Linkki ei ole enää voimassa/);
      assert.equal((await new TestAgent(t.app).get('/fi/salasana-unohtui/not-a-token')).statusCode, 410);
    });

    it('sends at most three links an hour to one account', async () => {
      t.clock.set('2026-11-28T14:00:00Z');
      const user = await buildUser(t.database.db);
      for (let i = 0; i < 5; i++) {
        const response = await new TestAgent(t.app).post('/fi/salasana-unohtui', { email: user.email });
        assert.equal(response.statusCode, 303);
      }
      assert.equal((await mails(user.email, 'password-reset')).length, 3);
      t.clock.set('2026-11-28T15:00:01Z');
      await new TestAgent(t.app).post('/fi/salasana-unohtui', { email: user.email });
      assert.equal((await mails(user.email, 'password-reset')).length, 4);
    });

    it('lets a single-sign-on user without a password set one, and sends an invited user a new invitation', async () => {
      t.clock.set('2026-11-28T16:00:00Z');
      const sso = await buildUser(t.database.db, { password: null });
      const token = await requestLink(sso);
      const done = await new TestAgent(t.app).post(`/fi/salasana-unohtui/${token}`, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      assert.equal(done.statusCode, 303);
      assert.equal((await new TestAgent(t.app).post('/fi/kirjaudu', { email: sso.email, password: NEW_PASSWORD })).statusCode, 303);

      const invited = await buildUser(t.database.db, { status: 'invited', password: null });
      await new TestAgent(t.app).post('/fi/salasana-unohtui', { email: invited.email });
      assert.equal((await mails(invited.email, 'password-reset')).length, 0);
      const invitation = await mails(invited.email, 'invitation');
      assert.equal(invitation.length, 1);
      assert.match(invitation[0]!.body_text, /\/fi\/kutsu\/[A-Za-z0-9_-]{30,}/);
    });
  });
}

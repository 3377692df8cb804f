import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { queueEmail } from '../../src/features/mail/email.repository.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const email = '/fi/hallinta/sahkopostit';

for (const dialect of testDialects()) {
  describe(`reading kept e-mail [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let admin: UserRow;
    before(async () => {
      t = await buildTestApp(dialect);
      admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const agent = await agentFor(t, admin);
      const invited = await agent.post('/fi/hallinta/kayttajat/invite', { email: 'kutsuttu@example.test', name: 'Kutsuttu Henkilö', locale: 'fi', role: 'expert', region: '18' });
      assert.equal(invited.statusCode, 303);
      await t.database.db.transaction().execute((trx) =>
        queueEmail(trx, { userId: null, to: 'muu@example.test', locale: 'en', purpose: 'password-changed', subject: 'Your password was changed', text: 'Hello <b>there</b>' }, false, t.clock.now()),
      );
    });
    after(async () => t?.close());

    it('lists messages newest first with their status, and filters by recipient and purpose', async () => {
      const agent = await agentFor(t, admin);
      const list = await agent.get(email);
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.indexOf('Your password was changed') < list.body.indexOf('kutsuttu@example.test'), 'newest first');
      assert.match(list.body, /Säilytetty \(ei lähetetty\)/);
      const byRecipient = await agent.get(`${email}?to=KUTSUTTU@example.test`);
      assert.match(byRecipient.body, /kutsuttu@example\.test/);
      assert.doesNotMatch(byRecipient.body, /Your password was changed/);
      const byPurpose = await agent.get(`${email}?purpose=password-changed`);
      assert.match(byPurpose.body, /Your password was changed/);
      assert.doesNotMatch(byPurpose.body, /<td>kutsuttu@example\.test<\/td>/);
    });

    it('shows the whole text of a kept invitation, link included, and records that it was read', async () => {
      const agent = await agentFor(t, admin);
      const row = await t.database.db.selectFrom('email_messages').selectAll().where('to_address', '=', 'kutsuttu@example.test').executeTakeFirstOrThrow();
      const page = await agent.get(`${email}/${row.id}`);
      assert.equal(page.statusCode, 200);
      const link = /http:\/\/s3\.test\/fi\/kutsu\/[A-Za-z0-9_-]{40,}/.exec(row.body_text)?.[0];
      assert.ok(link, 'the invitation holds a link');
      assert.ok(page.body.includes(link), 'the page shows the link');
      assert.match(page.body, /Viestin avaaminen kirjattiin lokiin/);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'email.viewed').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.entity_id, String(row.id));
      assert.equal(audit[0]!.actor_user_id, admin.id);
      assert.ok(!(audit[0]!.after_json ?? '').includes(link.split('/').pop()!), 'the token is not in the log');
    });

    it('escapes the text of a message and does not log reading one without a link', async () => {
      const agent = await agentFor(t, admin);
      const row = await t.database.db.selectFrom('email_messages').select('id').where('to_address', '=', 'muu@example.test').executeTakeFirstOrThrow();
      const page = await agent.get(`${email}/${row.id}`);
      assert.match(page.body, /Hello &lt;b>there&lt;\/b>/);
      const audit = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'email.viewed').execute();
      assert.equal(audit.length, 1);
    });

    it('is only for administrators, and answers 404 for a message that does not exist', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '17' }] });
      assert.equal((await (await agentFor(t, officer)).get(email)).statusCode, 403);
      assert.equal((await (await agentFor(t)).get(email)).statusCode, 303);
      assert.equal((await (await agentFor(t, admin)).get(`${email}/999999`)).statusCode, 404);
    });
  });
}

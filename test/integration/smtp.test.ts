import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedReferenceData } from '../../src/db/seed/seed.js';
import { queueEmail } from '../../src/features/mail/email.repository.js';
import { MAX_EMAIL_ATTEMPTS } from '../../src/features/mail/mailer.js';
import { buildApp } from '../../src/http/app.js';
import { TestAgent } from '../helpers/agent.js';
import { TEST_BASE_URL, TestClock, testConfig } from '../helpers/app.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { startMailServer } from '../helpers/mail-server.js';

for (const dialect of testDialects()) {
  describe(`delivering e-mail over SMTP [${dialect.name}]`, { skip: dialect.skip }, () => {
    let database: TestDatabase;
    let accepting: Awaited<ReturnType<typeof startMailServer>>;
    let rejecting: Awaited<ReturnType<typeof startMailServer>>;
    let app: FastifyInstance;
    let failingApp: FastifyInstance;
    const clock = new TestClock();

    before(async () => {
      database = await dialect.open();
      await migrateToLatest(database);
      await seedReferenceData(database.db);
      [accepting, rejecting] = await Promise.all([startMailServer('accept'), startMailServer('reject')]);
      app = await buildApp(testConfig({ SMTP_URL: accepting.url }), { database, now: clock.now });
      failingApp = await buildApp(testConfig({ SMTP_URL: rejecting.url }), { database, now: clock.now });
    });
    after(async () => {
      await app?.close();
      await failingApp?.close();
      await Promise.all([accepting?.close(), rejecting?.close()]);
      await database?.dispose();
    });

    const statusOf = (id: number) => database.db.selectFrom('email_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('sends a queued message with its language and marks it sent', async () => {
      assert.equal(app.mailer.delivers, true);
      const id = await database.db.transaction().execute((trx) =>
        queueEmail(trx, { userId: null, to: 'saaja@example.test', locale: 'sv', purpose: 'test', subject: 'Testmeddelande från S3', text: 'Hej!\nDetta är ett test: åäö.' }, true, clock.now()),
      );
      assert.equal((await statusOf(id)).status, 'pending');
      assert.equal(await app.outbox.dispatch(), 1);
      const message = accepting.received.at(-1)!;
      assert.deepEqual(message.to, ['saaja@example.test']);
      assert.equal(message.from, 'no-reply@s3.test');
      assert.equal(message.headers.get('subject'), 'Testmeddelande från S3');
      assert.equal(message.headers.get('content-language'), 'sv');
      assert.equal(message.headers.get('auto-submitted'), 'auto-generated');
      assert.equal(message.body, 'Hej!\nDetta är ett test: åäö.');
      const row = await statusOf(id);
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 1);
      assert.equal(row.sent_at, clock.now().toISOString());
    });

    it('sends the password reset link a user asks for on the page', async () => {
      const user = await buildUser(database.db, { email: 'unohtaja@example.test', name: 'Uuno Unohtaja', locale: 'fi' });
      const response = await new TestAgent(app).post('/fi/salasana-unohtui', { email: user.email });
      assert.equal(response.statusCode, 303);
      await app.outbox.dispatch();
      const row = await database.db.selectFrom('email_messages').selectAll().where('to_address', '=', user.email).executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      assert.equal(row.purpose, 'password-reset');
      const message = accepting.received.find((m) => m.to.includes(user.email));
      assert.ok(message, 'the mail server received the message');
      assert.equal(message.headers.get('subject'), row.subject);
      assert.equal(message.headers.get('content-language'), 'fi');
      assert.equal(message.body, row.body_text.replace(/\r\n/g, '\n').replace(/\n$/, ''));
      assert.match(message.body, new RegExp(`${TEST_BASE_URL}/fi/salasana-unohtui/[A-Za-z0-9_-]{43}`));
    });

    it('counts refused attempts, keeps the message pending, and gives up after the last attempt', async () => {
      const id = await database.db.transaction().execute((trx) =>
        queueEmail(trx, { userId: null, to: 'refused@example.test', locale: 'en', purpose: 'test', subject: 'Refused', text: 'Never arrives.' }, true, clock.now()),
      );
      const later = () => clock.set(new Date(clock.now().getTime() + 2 * 3_600_000).toISOString());
      for (let attempt = 1; attempt < MAX_EMAIL_ATTEMPTS; attempt += 1) {
        assert.equal(await failingApp.outbox.dispatch(), 0);
        // The failed attempt is retried after a backoff, not at once.
        assert.equal(await failingApp.outbox.dispatch(), 0);
        assert.equal((await statusOf(id)).attempts, attempt, `no retry before the backoff after attempt ${attempt}`);
        const row = await statusOf(id);
        assert.equal(row.status, 'pending', `after attempt ${attempt}`);
        assert.equal(row.attempts, attempt);
        assert.match(row.last_error ?? '', /550/);
        later();
      }
      await failingApp.outbox.dispatch();
      const row = await statusOf(id);
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, MAX_EMAIL_ATTEMPTS);
      assert.ok(!rejecting.received.some((m) => m.to.includes('refused@example.test')));
      // A failed message is left for an administrator; later runs do not try it again.
      later();
      await failingApp.outbox.dispatch();
      assert.equal((await statusOf(id)).attempts, MAX_EMAIL_ATTEMPTS);
    });
  });
}

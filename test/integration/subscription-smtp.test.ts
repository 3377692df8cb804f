import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/features/audit/audit.repository.js';
import { moveCall } from '../../src/features/calls/calls.admin.service.js';
import { TestAgent } from '../helpers/agent.js';
import { TEST_BASE_URL, TestClock } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects, type TestDatabase } from '../helpers/dialects.js';
import { startMailingApp, type MailServer, type MailingApp, type ReceivedMail } from '../helpers/mail-server.js';

for (const dialect of testDialects()) {
  describe(`subscribers' e-mail through a real SMTP server [${dialect.name}]`, { skip: dialect.skip }, () => {
    let mailing: MailingApp;
    let database: TestDatabase;
    let server: MailServer;
    let app: FastifyInstance;
    const clock = new TestClock();

    before(async () => {
      mailing = await startMailingApp(dialect, clock);
      ({ database, mail: server, app } = mailing);
    });
    after(() => mailing?.close());

    const receivedBy = (address: string, subject?: RegExp): ReceivedMail[] =>
      server.received.filter((m) => m.to.includes(address) && (!subject || subject.test(m.headers.get('subject') ?? '')));

    /** Subscribes on the page in the given language and, unless told not to, confirms with the link the mail server received. */
    async function subscribe(email: string, fields: Record<string, string | string[]>, confirm = true): Promise<void> {
      const agent = new TestAgent(app);
      assert.equal((await agent.post('/fi/tilaa', { email, what: 'calls', locale: 'fi', ...fields })).statusCode, 303);
      await app.outbox.dispatch();
      const [message] = receivedBy(email);
      assert.ok(message, `the confirmation e-mail to ${email} arrived`);
      assert.equal(message.headers.get('list-unsubscribe'), undefined, 'a confirmation request is no list message');
      const link = /https?:\/\/\S+\/vahvista\/[A-Za-z0-9_-]{43}/.exec(message.body)?.[0];
      assert.ok(link, 'the confirmation e-mail carries its link');
      if (!confirm) return;
      const path = new URL(link).pathname;
      assert.equal((await agent.post(path)).statusCode, 303);
    }

    it('delivers one message per matching subscriber in their language, with the one-click unsubscribe headers, and the header’s address unsubscribes', async () => {
      await subscribe('pohjois-savo@example.test', { region: '11' });
      await subscribe('kaikki@example.test', { locale: 'sv', priority: 'clean-solutions' });
      await subscribe('english@example.test', { locale: 'en', region: ['12', '19'] });
      await subscribe('lappi@example.test', { locale: 'en', region: '19' });
      await subscribe('digitalisaatio@example.test', { priority: 'digitalisation' });
      await subscribe('uutiset@example.test', { what: 'news' });
      await subscribe('vahvistamaton@example.test', {}, false);
      await subscribe('lopettanut@example.test', {});
      const quitter = await database.db.selectFrom('email_subscriptions').select('unsubscribe_token').where('email', '=', 'lopettanut@example.test').executeTakeFirstOrThrow();
      assert.equal((await new TestAgent(app).post(`/fi/tilaa/peru/${quitter.unsubscribe_token}`)).statusCode, 303);
      const before = server.received.length;

      const call = await buildCall(database.db, {
        status: 'draft',
        title: 'Vetytalouden yhteishaku',
        budgets: { '11': 20_000_000, '12': 10_000_000 },
        minRegions: 2,
        priorities: ['clean-solutions'],
      });
      assert.deepEqual(await moveCall(database.db, systemActor, call.id, 'publish', clock.now()), { ok: true });
      await app.outbox.dispatch();

      const delivered = server.received.slice(before);
      assert.deepEqual(delivered.map((m) => m.to.join()).sort(), ['english@example.test', 'kaikki@example.test', 'pohjois-savo@example.test']);

      const fi = receivedBy('pohjois-savo@example.test', /Vetytalouden/)[0]!;
      assert.equal(fi.headers.get('subject'), 'Uusi haku: Vetytalouden yhteishaku');
      assert.equal(fi.headers.get('content-language'), 'fi');
      assert.match(fi.body, /Haku päättyy: 15\.12\.2026 klo 16\.15/);
      assert.ok(fi.body.includes(`${TEST_BASE_URL}/fi/haut/${call.id}`));

      const sv = receivedBy('kaikki@example.test', /Ny utlysning/)[0]!;
      assert.equal(sv.headers.get('subject'), `Ny utlysning: ${call.title_sv}`);
      assert.equal(sv.headers.get('content-language'), 'sv');
      assert.ok(sv.body.includes(`${TEST_BASE_URL}/sv/utlysningar/${call.id}`));

      const en = receivedBy('english@example.test', /New call/)[0]!;
      assert.equal(en.headers.get('subject'), `New call: ${call.title_en}`);
      const token = (
        await database.db.selectFrom('email_subscriptions').select('unsubscribe_token').where('email', '=', 'english@example.test').executeTakeFirstOrThrow()
      ).unsubscribe_token;
      const listUnsubscribe = `${TEST_BASE_URL}/en/subscribe/peru/${token}`;
      assert.equal(en.headers.get('list-unsubscribe'), `<${listUnsubscribe}>`);
      assert.equal(en.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.ok(en.body.includes(listUnsubscribe), 'the body carries the same unsubscribe link');

      // What a mail provider does with the header: a POST without cookies or CSRF token.
      const header = /^<(.+)>$/.exec(en.headers.get('list-unsubscribe')!)![1]!;
      const oneClick = await app.inject({
        method: 'POST',
        url: new URL(header).pathname,
        payload: en.headers.get('list-unsubscribe-post')!,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(oneClick.statusCode, 200);
      const row = await database.db.selectFrom('email_subscriptions').select(['status']).where('email', '=', 'english@example.test').executeTakeFirstOrThrow();
      assert.equal(row.status, 'unsubscribed');

      // The next call reaches the remaining subscribers only.
      const next = await buildCall(database.db, { status: 'draft', budgets: { '12': 10_000_000, '19': 10_000_000 }, minRegions: 2, priorities: ['clean-solutions'] });
      const mark = server.received.length;
      assert.deepEqual(await moveCall(database.db, systemActor, next.id, 'publish', clock.now()), { ok: true });
      await app.outbox.dispatch();
      assert.deepEqual(server.received.slice(mark).map((m) => m.to.join()).sort(), ['kaikki@example.test', 'lappi@example.test']);
    });
  });
}
